import { isIsoDate, type IsoDate } from '../dates';
import { cellText, isDateCell, type Cell } from './table';

/**
 * Cell values as offices type them, read into the domain's values. Each parser returns the value,
 * `undefined` for an empty cell, or an error code (the caller puts it on the cell).
 */
export type Parsed<T> = { value: T } | { error: 'invalidDate' | 'invalidNumber' | 'invalidTime' };

/**
 * Text as typed, kept as text: nothing is evaluated or stripped. "=HYPERLINK(…)", "+62 21 …",
 * "-" and "@tangerang" stay exactly as written, and so does "<b>HTML</b>" (the UI shows text, not
 * markup). Only Mitra's own export mark is undone: the export writes a quote before a cell that
 * a spreadsheet would run as a formula ('=…), and importing that file gives the original back.
 */
export function parseText(cell: Cell): string | undefined {
  const text = cellText(cell).replace(/\r\n?/g, '\n').trim();
  if (text === '') return undefined;
  return /^'[=+\-@\t\r\0]/.test(text) ? text.slice(1) : text;
}

const MONTHS: Record<string, number> = {};
(
  [
    ['januari', 'january', 'jan'],
    ['februari', 'february', 'feb', 'pebruari'],
    ['maret', 'march', 'mar', 'mrt'],
    ['april', 'apr'],
    ['mei', 'may'],
    ['juni', 'june', 'jun'],
    ['juli', 'july', 'jul'],
    ['agustus', 'august', 'agu', 'agt', 'ags', 'aug', 'agust'],
    ['september', 'sep', 'sept'],
    ['oktober', 'october', 'okt', 'oct'],
    ['november', 'nov', 'nop', 'nopember'],
    ['desember', 'december', 'des', 'dec'],
  ] as const
).forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

const WEEKDAYS =
  /^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday|sen|sel|rab|kam|jum|sab|min|mon|tue|wed|thu|fri|sat|sun)\b[,.]?\s*/;

/** Excel's day 0 is 1899-12-30 (its serials count the phantom 29 February 1900). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial day (45922 = 22 September 2025) as a calendar date, for 1950–2149. */
export function excelSerialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 18_264 || serial > 91_311) return undefined;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function iso(y: number, m: number, d: number): IsoDate | undefined {
  const value = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(value) ? value : undefined;
}

/** A two-digit year: 00–69 are this century, 70–99 the last (as spreadsheets read them). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

/**
 * A calendar date from any of: 2025-09-22, 22/09/2025, 22-9-2025, 22.09.2025, 22/09/25,
 * "22 September 2025", "22 Sep 2025", "22 Agustus 2025", "22 Agu 2025", "Senin, 22 September 2025",
 * "September 22, 2025", an Excel date cell, or an Excel serial day (45922). Day first, always:
 * 09/10/2025 is 9 October, as in Indonesia; a month above 12 is an error, not a guess.
 */
export function parseDate(cell: Cell): Parsed<IsoDate> | undefined {
  if (cell === null) return undefined;
  if (isDateCell(cell)) return { value: cell.date };
  if (typeof cell === 'number') {
    const value = excelSerialToIso(cell);
    return value ? { value } : { error: 'invalidDate' };
  }
  const raw = parseText(cell);
  if (raw === undefined) return undefined;
  const text = raw.toLowerCase().replace(/\s+/g, ' ').replace(WEEKDAYS, '').trim();
  let match =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ t]\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
  if (match) return wrap(iso(Number(match[1]), Number(match[2]), Number(match[3])));
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/.exec(
    text,
  );
  if (match) return wrap(iso(fullYear(match[3] as string), Number(match[2]), Number(match[1])));
  match = /^(\d{1,2})[ -]([a-z]+)\.?[\s,-]*(\d{4}|\d{2})$/.exec(text);
  if (match) {
    const month = MONTHS[match[2] as string];
    return wrap(month ? iso(fullYear(match[3] as string), month, Number(match[1])) : undefined);
  }
  match = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (match) {
    const month = MONTHS[match[1] as string];
    return wrap(month ? iso(Number(match[3]), month, Number(match[2])) : undefined);
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return wrap(excelSerialToIso(Number(text)));
  return { error: 'invalidDate' };
}

function wrap(value: IsoDate | undefined): Parsed<IsoDate> {
  return value ? { value } : { error: 'invalidDate' };
}

/** A time of day as HH:MM (24-hour): "9:30", "09.30" (Indonesian), "14:00 WIB", an Excel time. */
export function parseTime(cell: Cell): Parsed<string> | undefined {
  if (cell === null) return undefined;
  if (isDateCell(cell)) return cell.time ? { value: cell.time } : { error: 'invalidTime' };
  if (typeof cell === 'number') {
    if (cell < 0 || cell >= 1) return { error: 'invalidTime' };
    const minutes = Math.round(cell * 24 * 60);
    return {
      value: `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    };
  }
  const text = parseText(cell);
  if (text === undefined) return undefined;
  const match = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?\s*(wib|wita|wit)?$/i.exec(text);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return { error: 'invalidTime' };
  return { value: `${(match[1] as string).padStart(2, '0')}:${match[2]}` };
}

/**
 * A number as Indonesians write it ("1.234,5", "-6,2") or as English does ("1,234.5", "-6.2"). With
 * both marks, the last one is the decimal mark. With one mark: a comma is decimal (Indonesian);
 * a dot followed by exactly three digits, once or more, groups thousands ("1.234" = 1234), any
 * other dot is decimal ("-6.17"). Workbook numbers are taken as they are.
 */
export function parseNumber(cell: Cell): Parsed<number> | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { value: cell } : { error: 'invalidNumber' };
  if (typeof cell !== 'string') return { error: 'invalidNumber' };
  const text = (parseText(cell) ?? '').replace(/[\s\u00a0]/g, '');
  if (text === '') return undefined;
  if (!/^[+-]?[\d.,]+$/.test(text) || !/\d/.test(text)) return { error: 'invalidNumber' };
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalized: string;
  if (lastComma >= 0 && lastDot >= 0) {
    normalized =
      lastComma > lastDot ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  } else if (lastComma >= 0) {
    if ((text.match(/,/g) ?? []).length > 1) {
      if (!/^[+-]?\d{1,3}(,\d{3})+$/.test(text)) return { error: 'invalidNumber' };
      normalized = text.replace(/,/g, '');
    } else normalized = text.replace(',', '.');
  } else if (lastDot >= 0) {
    normalized = /^[+-]?\d{1,3}(\.\d{3})+$/.test(text) ? text.replace(/\./g, '') : text;
  } else normalized = text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return { error: 'invalidNumber' };
  const value = Number(normalized);
  return Number.isFinite(value) ? { value } : { error: 'invalidNumber' };
}

/**
 * A list in one cell: "Pendidikan; UMKM", "Pendidikan, UMKM", one per line. Semicolons (what
 * Mitra's export writes) and line breaks split first; commas only when there is neither, so a
 * name with a comma survives a semicolon list (`commas: false`: sentences, never split on commas).
 * Empty items and repeats are dropped.
 */
export function parseList(cell: Cell, commas = true): string[] {
  const text = parseText(cell);
  if (text === undefined) return [];
  const parts = /[;\n]/.test(text) || !commas ? text.split(/[;\n]/) : text.split(',');
  const items: string[] = [];
  for (const part of parts) {
    const item = part.trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

/** Yes/no cells: ya/tidak, yes/no, true/false, 1/0, x. */
export function parseBoolean(cell: Cell): boolean | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'boolean') return cell;
  const text = cellText(cell).trim().toLowerCase();
  if (text === '') return undefined;
  if (['ya', 'y', 'yes', 'true', '1', 'x', 'benar'].includes(text)) return true;
  if (['tidak', 't', 'no', 'n', 'false', '0', 'salah'].includes(text)) return false;
  return undefined;
}
