import type { TFunction } from 'i18next';
import type { CellError, FileProblem, MappingProblem } from '@/domain/import/problems';
import { cellRef } from '@/domain/import/problems';

/**
 * The import's codes (src/domain/import/problems.ts) in the user's language
 * (src/i18n/locales/import.*.ts). The API sends codes, never sentences.
 */
type Dict = Record<string, string>;

/** `t` for a key built from a code: each code's placeholders differ, the params carry them. */
const tx = (t: TFunction, key: string, params: Record<string, unknown>): string =>
  (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, params);

export function fieldLabel(t: TFunction, field: string): string {
  const fields = t('import.fields', { returnObjects: true }) as unknown as Dict;
  return fields[field] ?? field;
}

export function fileProblemMessage(t: TFunction, problem: FileProblem): string {
  const messages = t('import.fileProblem', { returnObjects: true }) as unknown as Dict;
  const template = messages[problem.code];
  if (!template) return t('import.fileProblem.binary');
  return tx(t, `import.fileProblem.${problem.code}`, { ...problem.params });
}

export function mappingProblemMessage(t: TFunction, problem: MappingProblem): string {
  return tx(t, `import.mappingProblem.${problem.code}`, {
    field: problem.field ? fieldLabel(t, problem.field) : '',
  });
}

export function cellErrorMessage(t: TFunction, error: CellError): string {
  const messages = t('import.cellError', { returnObjects: true }) as unknown as Dict;
  const code = messages[error.code] ? error.code : 'invalid';
  return tx(t, `import.cellError.${code}`, { ...error.params, field: fieldLabel(t, error.field) });
}

/** "Sel C12: …" or "Baris 12: …", as the error summary lists them. */
export function cellErrorSummary(t: TFunction, error: CellError): string {
  const message = cellErrorMessage(t, error);
  return error.column === null
    ? t('import.summary.row', { row: error.row, message })
    : t('import.summary.cell', { cell: cellRef(error), message });
}

/** The DOM id of a previewed cell (or, for an error about the whole row, of its row header). */
export function cellDomId(row: number, field: string | null): string {
  return field === null ? `import-row-${row}` : `import-cell-${row}-${field}`;
}
