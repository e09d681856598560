import type { FileProblem } from './problems';

/**
 * Limits of one import. A spreadsheet of 100,000 rows is far more than an office keeps; a file
 * bigger than MAX_FILE_BYTES is refused by its size alone, before a byte of it is read.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 100_000;
export const MAX_COLUMNS = 200;
/** Title rows above the header that are looked through to find it. */
export const HEADER_SEARCH_ROWS = 20;

export type ImportFormat = 'csv' | 'xlsx';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Refuses a file by its size, before reading it (the API checks Content-Length, the UI File.size). */
export function checkFileSize(size: number, max: number = MAX_FILE_BYTES): FileProblem | undefined {
  const maxMb = Math.floor(max / (1024 * 1024));
  if (!Number.isFinite(size) || size < 0) return { code: 'tooLarge', params: { max, maxMb } };
  if (size === 0) return { code: 'empty' };
  if (size > max)
    return {
      code: 'tooLarge',
      params: { max, maxMb, size, sizeMb: Math.ceil(size / (1024 * 1024)) },
    };
  return undefined;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * Which format the bytes are, whatever the file is called: an XLSX workbook is a ZIP archive; an
 * old Excel 97–2003 .xls is an OLE compound file (not read: the user saves it as .xlsx or CSV).
 */
export function sniffFormat(bytes: Uint8Array): ImportFormat | 'xls' | 'other' {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) return 'xls';
  return 'other';
}

/**
 * The format to read a file as, from its name and media type, then checked against its content:
 * a workbook named .csv (or CSV named .xlsx) is refused with `wrongFormat` rather than read as
 * garbage. Anything text-like that is not a workbook is read as CSV (.csv, .txt, .tsv).
 */
export function chooseFormat(
  bytes: Uint8Array,
  file: { name?: string; type?: string } = {},
): { format: ImportFormat } | { problem: FileProblem } {
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'xls')
    return { problem: { code: 'unsupportedFormat', params: { format: 'xls' } } };
  const name = (file.name ?? '').toLowerCase();
  const type = (file.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  const claimsXlsx = name.endsWith('.xlsx') || type === XLSX_MEDIA_TYPE;
  const claimsCsv =
    /\.(csv|tsv|txt)$/.test(name) ||
    type === 'text/csv' ||
    type === 'text/plain' ||
    type === 'text/tab-separated-values';
  if (sniffed === 'xlsx') {
    return claimsCsv
      ? { problem: { code: 'wrongFormat', params: { expected: 'csv', found: 'xlsx' } } }
      : { format: 'xlsx' };
  }
  if (claimsXlsx)
    return { problem: { code: 'wrongFormat', params: { expected: 'xlsx', found: 'other' } } };
  return { format: 'csv' };
}
