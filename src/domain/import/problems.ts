/**
 * What can go wrong with an import, as stable codes the UI translates (src/i18n/locales/import.*.ts)
 * and the API returns. Two kinds: a problem with the whole file (nothing can be previewed), and
 * an error in one cell or row (the other rows can still be imported).
 */

/** The whole file is refused: nothing is read from it and nothing is written. */
export const FILE_PROBLEM_CODES = [
  /** No bytes, or only blank lines. */
  'empty',
  /** Bigger than MAX_FILE_BYTES: refused before reading. */
  'tooLarge',
  /** Not text: NUL bytes, control characters, or the signature of another format (PDF, ZIP, …). */
  'binary',
  /** An XLSX workbook sent as CSV (or the other way round): the content says which it is. */
  'wrongFormat',
  /** Neither of the formats Mitra reads (CSV, XLSX); an old .xls workbook says so. */
  'unsupportedFormat',
  /** Text in an encoding Mitra cannot tell (not UTF-8, UTF-16 or Windows-1252). */
  'encoding',
  /** A row wider than MAX_COLUMNS. */
  'tooManyColumns',
  /** More data rows than MAX_ROWS. */
  'tooManyRows',
  /** Two columns with the same header: which one is meant cannot be known. */
  'duplicateHeader',
  /** A header row but no data below it. */
  'noRows',
  /** The workbook cannot be opened (damaged, password-protected). */
  'unreadableWorkbook',
  /** The chosen sheet does not exist, or the workbook has no sheet with data. */
  'sheetNotFound',
  /** The reading was stopped (AbortSignal). */
  'aborted',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

export type Params = Record<string, string | number>;

export type FileProblem = { code: FileProblemCode; params?: Params };

/** The columns as a whole cannot be imported (shown above the mapping; fixed by changing it). */
export const MAPPING_PROBLEM_CODES = [
  /** No column of the file matches a field of the resource. */
  'noColumnsMatched',
  /** A required field has no column. */
  'requiredFieldUnmapped',
  /** Two columns are mapped to the same field. */
  'fieldMappedTwice',
] as const;
export type MappingProblemCode = (typeof MAPPING_PROBLEM_CODES)[number];
export type MappingProblem = { code: MappingProblemCode; field?: string; columns?: number[] };

/**
 * One cell's (or, with `column: null`, one row's) error. The codes of the domain's validation
 * (src/domain/validation.ts, from the zod input schemas) plus those only an import can meet.
 */
export const CELL_ERROR_CODES = [
  'required',
  'invalidType',
  'tooShort',
  'tooLong',
  'tooMany',
  'tooSmall',
  'tooBig',
  'invalidOption',
  'invalidDate',
  'invalidTime',
  'invalidUrl',
  'invalidEmail',
  'invalidCountry',
  'invalidTimeZone',
  'invalidFormat',
  'invalidNumber',
  'unknownField',
  'unknownReference',
  'ambiguousReference',
  'dueDateRequired',
  'dueBeforeMeeting',
  'reasonRequired',
  'partnerRequired',
  'partnerConflict',
  'affiliationRequired',
  'dateOrder',
  'duplicate',
  'duplicateRow',
  'invalid',
] as const;
export type CellErrorCode = (typeof CELL_ERROR_CODES)[number];

export function isCellErrorCode(value: string): value is CellErrorCode {
  return (CELL_ERROR_CODES as readonly string[]).includes(value);
}

export type CellError = {
  /** The row as the user sees it in the spreadsheet (1-based, header and title rows counted). */
  row: number;
  /** The column's index in the file (0-based), or null for an error about the row as a whole. */
  column: number | null;
  /** The import field (see fields.ts), e.g. "owner", "dueDate". */
  field: string;
  code: CellErrorCode;
  params?: Params;
};

/** "A" for column 0, "AB" for column 27: how a spreadsheet names columns. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "C12": a cell as a spreadsheet names it (the error summary links to it). */
export function cellRef(error: Pick<CellError, 'row' | 'column'>): string {
  return error.column === null ? String(error.row) : `${columnLetter(error.column)}${error.row}`;
}
