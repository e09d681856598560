import Papa from 'papaparse';
import { cellRef, type CellError } from './problems';
import { cellText, type Table } from './table';

/**
 * The errors file: the rows that could not be imported, with the file's own columns (so the user
 * fixes them in place and uploads the file again) and a reason column first. CSV as Mitra's
 * exports write it: UTF-8 with a BOM, CRLF, and every cell that a spreadsheet would run as a
 * formula (= + - @, tab, CR) prefixed with a quote — importing the file again removes the quote.
 */
export function neutralizeCsvCell(value: string): string {
  return /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
}

export type ErrorsFileOptions = {
  /** One error as a sentence in the user's language (the UI passes its i18n; see import.*.ts). */
  describe?: (error: CellError, header: string | undefined) => string;
  /** The reason column's header: "Alasan" (default) or "Reason". */
  reasonHeader?: string;
  delimiter?: ',' | ';';
};

export function defaultDescribe(error: CellError, header: string | undefined): string {
  const params = error.params
    ? ` (${Object.entries(error.params)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', ')})`
    : '';
  return `${cellRef(error)} ${header ?? error.field}: ${error.code}${params}`;
}

/** Builds the errors file's text from the table and the validation's errors. */
export function buildErrorsFile(
  table: Pick<Table, 'headers' | 'rows' | 'rowNumbers'>,
  errors: readonly CellError[],
  options: ErrorsFileOptions = {},
): string {
  const describe = options.describe ?? defaultDescribe;
  const byRow = new Map<number, CellError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  const out: string[][] = [[options.reasonHeader ?? 'Alasan', ...table.headers]];
  table.rows.forEach((row, index) => {
    const number = table.rowNumbers[index] ?? index + 1;
    const rowErrors = byRow.get(number);
    if (!rowErrors) return;
    const reason = rowErrors
      .map((error) =>
        describe(error, error.column === null ? undefined : table.headers[error.column]),
      )
      .join('\n');
    out.push([reason, ...row.map(cellText)]);
  });
  const body = Papa.unparse(
    out.map((cells) => cells.map(neutralizeCsvCell)),
    {
      newline: '\r\n',
      delimiter: options.delimiter ?? ',',
      quoteChar: '"',
      escapeChar: '"',
      quotes: false,
      header: false,
    },
  );
  return `\uFEFF${body}\r\n`;
}
