import type { CellValue, Workbook, Worksheet } from 'exceljs';
import { MAX_COLUMNS, MAX_ROWS, HEADER_SEARCH_ROWS } from './limits';
import { AbortedError, Slicer, type RunOptions } from './progress';
import { buildTable, type Cell, type TableResult } from './table';

/**
 * XLSX through exceljs, loaded only when a workbook is read (`import()`): it weighs about
 * 950 kB minified (≈ 260 kB gzipped) and must stay out of the SPA's first route. Cell values are
 * read as they are typed in the workbook: text, numbers, booleans, and date cells as calendar
 * dates (exceljs turns a date-formatted serial into a UTC date: its UTC day is the day shown).
 * A formula cell gives its last computed value, never the formula to run.
 */
export type XlsxOptions = RunOptions & {
  /** A sheet name or its 0-based index; the first visible sheet by default. */
  sheet?: string | number;
  isKnownHeader?: (normalized: string) => boolean;
};

type LoadInput = Parameters<Workbook['xlsx']['load']>[0];

async function openWorkbook(bytes: Uint8Array): Promise<Workbook | undefined> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings take an ArrayBuffer (its `Buffer` extends ArrayBuffer); jszip reads one in
    // Node and in browsers alike. A copy: the bytes may be a view on a larger or shared buffer.
    const copy: LoadInput = bytes.slice().buffer;
    await workbook.xlsx.load(copy);
    return workbook;
  } catch {
    return undefined;
  }
}

function visible(sheet: Worksheet): boolean {
  return sheet.state !== 'hidden' && sheet.state !== 'veryHidden';
}

/** The sheets of a workbook, for a sheet picker (hidden sheets left out). */
export async function listSheets(
  bytes: Uint8Array,
): Promise<
  { ok: true; sheets: string[] } | { ok: false; problem: { code: 'unreadableWorkbook' } }
> {
  const workbook = await openWorkbook(bytes);
  if (!workbook) return { ok: false, problem: { code: 'unreadableWorkbook' } };
  return { ok: true, sheets: workbook.worksheets.filter(visible).map((s) => s.name) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateCell(date: Date): Cell {
  if (Number.isNaN(date.getTime())) return null;
  const iso = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  return h === 0 && m === 0 ? { date: iso } : { date: iso, time: `${pad(h)}:${pad(m)}` };
}

/** One exceljs cell value as a table cell. */
export function toCell(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return dateCell(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : toCell(value.text as CellValue);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    return toCell(result as CellValue);
  }
  return null;
}

/** Reads one sheet of an XLSX workbook into a table. Never throws for a bad file. */
export async function parseXlsx(
  bytes: Uint8Array,
  options: XlsxOptions = {},
): Promise<TableResult> {
  const workbook = await openWorkbook(bytes);
  if (!workbook) return { ok: false, problem: { code: 'unreadableWorkbook' } };
  const sheets = workbook.worksheets.filter(visible);
  const wanted = options.sheet;
  const sheet =
    wanted === undefined
      ? sheets[0]
      : typeof wanted === 'number'
        ? sheets[wanted]
        : (sheets.find((s) => s.name === wanted) ??
          sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase()));
  if (!sheet) {
    return {
      ok: false,
      problem: {
        code: 'sheetNotFound',
        params: { sheet: wanted === undefined ? '' : String(wanted) },
      },
    };
  }
  if (sheet.actualColumnCount > MAX_COLUMNS) {
    return {
      ok: false,
      problem: {
        code: 'tooManyColumns',
        params: { max: MAX_COLUMNS, found: sheet.actualColumnCount, row: 1 },
      },
    };
  }
  if (sheet.actualRowCount > MAX_ROWS + HEADER_SEARCH_ROWS) {
    return {
      ok: false,
      problem: { code: 'tooManyRows', params: { max: MAX_ROWS, found: sheet.actualRowCount } },
    };
  }
  const rows: Cell[][] = [];
  const numbers: number[] = [];
  const slicer = new Slicer(options, 'read');
  const last = sheet.rowCount;
  try {
    for (let r = 1; r <= last; r += 1) {
      const row = sheet.findRow(r);
      if (row && row.hasValues) {
        const values = row.values as CellValue[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c += 1) cells.push(toCell(values[c]));
        rows.push(cells);
        numbers.push(r);
      }
      if (slicer.due()) await slicer.pause(r, last);
    }
  } catch (error) {
    if (error instanceof AbortedError) return { ok: false, problem: { code: 'aborted' } };
    throw error;
  }
  slicer.report(last, last);
  return buildTable(
    rows,
    numbers,
    { format: 'xlsx', sheet: sheet.name, sheets: sheets.map((s) => s.name) },
    options.isKnownHeader,
  );
}
