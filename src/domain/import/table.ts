import type { IsoDate } from '../dates';
import { HEADER_SEARCH_ROWS, MAX_COLUMNS, MAX_ROWS, type ImportFormat } from './limits';
import { columnLetter, type FileProblem } from './problems';

/** A date cell of a workbook: the calendar day (and the time of day when it has one). */
export type DateCell = { date: IsoDate; time?: string };

/** A cell as read: always text from CSV; text, number, boolean or date from XLSX; null when empty. */
export type Cell = string | number | boolean | DateCell | null;

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null;
}

/** A cell as the text a user would see (for previews, errors files and matching). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.time ? `${cell.date} ${cell.time}` : cell.date;
}

const NOT_SPACE = /\S/;

function isBlank(cell: Cell | undefined): boolean {
  return typeof cell === 'string' ? !NOT_SPACE.test(cell) : cell === null || cell === undefined;
}

/** The rows of one sheet (or CSV file) under its header row. */
export type Table = {
  format: ImportFormat;
  /** One per column; an empty header is named by its letter ("F"). */
  headers: string[];
  /** The data rows, each as long as `headers`. Blank rows are left out. */
  rows: Cell[][];
  /** The spreadsheet row number (1-based) of each data row, for error messages. */
  rowNumbers: number[];
  /** The spreadsheet row number of the header row. */
  headerRow: number;
  /** CSV: how the text was read. */
  encoding?: string;
  delimiter?: string;
  /** XLSX: the sheet read and the ones there are. */
  sheet?: string;
  sheets?: string[];
};

export type TableResult = { ok: true; table: Table } | { ok: false; problem: FileProblem };

/**
 * A header as compared: lower case, accents and punctuation gone, a hint in brackets dropped
 * ("Tenggat (dd/mm/yyyy)" → "tenggat"), a required mark dropped ("Judul *" → "judul").
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The header row: among the first rows (titles and notes may sit above it), the one that names
 * the most known fields; when none does, the first row that fills at least half as many cells
 * as the widest row (a title row fills one).
 */
export function detectHeaderRow(
  rows: readonly Cell[][],
  isKnownHeader?: (normalized: string) => boolean,
): number {
  const window = rows.slice(0, HEADER_SEARCH_ROWS);
  const filled = window.map((row) => row.filter((cell) => !isBlank(cell)).length);
  if (isKnownHeader) {
    let best = -1;
    let bestScore = 0;
    window.forEach((row, index) => {
      const names = new Set(
        row
          .filter((cell): cell is string => typeof cell === 'string')
          .map(normalizeHeader)
          .filter(isKnownHeader),
      );
      if (names.size > bestScore) {
        best = index;
        bestScore = names.size;
      }
    });
    if (best >= 0) return best;
  }
  const widest = Math.max(0, ...filled);
  const index = filled.findIndex((n) => n >= 2 && n * 2 >= widest);
  return index >= 0
    ? index
    : Math.max(
        0,
        filled.findIndex((n) => n > 0),
      );
}

/**
 * A table from raw rows (all of a CSV, or a sheet's used range; the rows are reused, not copied):
 * finds the header row, drops
 * blank rows and trailing columns that are empty throughout, and refuses what cannot be imported
 * (no data, too wide, too long, two columns with the same header).
 */
export function buildTable(
  raw: Cell[][],
  rowNumbers: readonly number[],
  base: Pick<Table, 'format'> & Partial<Table>,
  isKnownHeader?: (normalized: string) => boolean,
): TableResult {
  const nonBlank: number[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const row = raw[i] as Cell[];
    if (row.length > MAX_COLUMNS) {
      return {
        ok: false,
        problem: {
          code: 'tooManyColumns',
          params: { max: MAX_COLUMNS, found: row.length, row: rowNumbers[i] ?? i + 1 },
        },
      };
    }
    if (row.some((cell) => !isBlank(cell))) nonBlank.push(i);
  }
  if (nonBlank.length === 0) return { ok: false, problem: { code: 'empty' } };
  const compact = nonBlank.map((i) => raw[i] as Cell[]);
  const headerIndex = detectHeaderRow(compact, isKnownHeader);
  const headerCells = compact[headerIndex] as Cell[];
  const dataIndexes = nonBlank.slice(headerIndex + 1);
  if (dataIndexes.length === 0) return { ok: false, problem: { code: 'noRows' } };
  if (dataIndexes.length > MAX_ROWS) {
    return {
      ok: false,
      problem: { code: 'tooManyRows', params: { max: MAX_ROWS, found: dataIndexes.length } },
    };
  }
  // Width: the last column with a header or any value.
  let width = headerCells.length;
  while (width > 0 && isBlank(headerCells[width - 1])) width -= 1;
  for (const i of dataIndexes) {
    const row = raw[i] as Cell[];
    let w = row.length;
    while (w > width && isBlank(row[w - 1])) w -= 1;
    if (w > width) width = w;
  }
  const headers: string[] = [];
  const seen = new Map<string, number>();
  for (let c = 0; c < width; c += 1) {
    const cell = headerCells[c] ?? null;
    const text = cellText(cell).trim();
    const header = text === '' ? columnLetter(c) : text;
    const key = normalizeHeader(header);
    const first = seen.get(key);
    if (text !== '' && key !== '' && first !== undefined) {
      return {
        ok: false,
        problem: {
          code: 'duplicateHeader',
          params: { header, columns: `${columnLetter(first)}, ${columnLetter(c)}` },
        },
      };
    }
    if (text !== '') seen.set(key, c);
    headers.push(header);
  }
  // The raw rows are the caller's own (fresh from the parser): made `width` long in place,
  // not copied (50,000 copies would be one long step).
  const rows = dataIndexes.map((i) => {
    const row = raw[i] as Cell[];
    if (row.length > width) row.length = width;
    while (row.length < width) row.push(null);
    return row;
  });
  return {
    ok: true,
    table: {
      ...base,
      headers,
      rows,
      rowNumbers: dataIndexes.map((i) => rowNumbers[i] ?? i + 1),
      headerRow: rowNumbers[nonBlank[headerIndex] as number] ?? headerIndex + 1,
    },
  };
}
