import { parseCsv, type CsvDelimiter } from './csv';
import { decodeText } from './decode';
import { isKnownHeader, type ImportResource } from './fields';
import { checkFileSize, chooseFormat } from './limits';
import { autoMap, mappingProblems, type Mapping, type RememberedMapping } from './mapping';
import type { FileProblem, MappingProblem } from './problems';
import { AbortedError, nextTurn, type RunOptions } from './progress';
import type { ReferenceData, ReferenceMatcher } from './reference';
import type { TableResult, Table } from './table';
import { validateRows, type ValidationResult } from './validate';

/**
 * The whole preview in one call, for the API (POST /api/imports) and the worker alike:
 * size check → format → decode → parse → header → mapping → validation. Nothing is written.
 */
export type FileInfo = { name?: string; type?: string };

export type ReadOptions = RunOptions & {
  resource?: ImportResource;
  /** XLSX: a sheet name or index. */
  sheet?: string | number;
  /** CSV: force a delimiter instead of detecting it. */
  delimiter?: CsvDelimiter;
};

/** Bytes to a table (CSV or XLSX), or the problem with the file. Never throws for bad input. */
export async function readTable(
  bytes: Uint8Array,
  file: FileInfo = {},
  options: ReadOptions = {},
): Promise<TableResult> {
  const tooBig = checkFileSize(bytes.length);
  if (tooBig) return { ok: false, problem: tooBig };
  const chosen = chooseFormat(bytes, file);
  if ('problem' in chosen) return { ok: false, problem: chosen.problem };
  const known = options.resource ? isKnownHeader(options.resource) : undefined;
  try {
    if (chosen.format === 'xlsx') {
      const { parseXlsx } = await import('./xlsx');
      return await parseXlsx(bytes, { ...options, ...(known ? { isKnownHeader: known } : {}) });
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) return decoded;
    // Decoding a large file is a step of its own: give the event loop a turn before parsing.
    await nextTurn();
    return await parseCsv(decoded.text, {
      ...options,
      encoding: decoded.bom ? `${decoded.encoding} (BOM)` : decoded.encoding,
      ...(known ? { isKnownHeader: known } : {}),
    });
  } catch (error) {
    if (error instanceof AbortedError) return { ok: false, problem: { code: 'aborted' } };
    throw error;
  }
}

export type ImportPreview<R extends ImportResource = ImportResource> =
  | { ok: false; problem: FileProblem }
  | {
      ok: true;
      table: Table;
      mapping: Mapping;
      mappingProblems: MappingProblem[];
      result: ValidationResult<R>;
    };

export type PreviewOptions = ReadOptions & {
  /** The user's mapping (after editing); otherwise made automatically. */
  mapping?: Mapping;
  remembered?: RememberedMapping;
};

/** Reads, maps and validates a file for one resource. */
export async function previewImport<R extends ImportResource>(
  resource: R,
  bytes: Uint8Array,
  file: FileInfo,
  refs: ReferenceData | ReferenceMatcher,
  options: PreviewOptions = {},
): Promise<ImportPreview<R>> {
  const read = await readTable(bytes, file, { ...options, resource });
  if (!read.ok) return read;
  const mapping = options.mapping ?? autoMap(resource, read.table.headers, options.remembered);
  try {
    // A promise's continuation runs in the same task: without this turn, the end of reading and
    // the first slice of validation would be one step.
    await nextTurn();
    const result = await validateRows(resource, read.table, mapping, refs, options);
    return {
      ok: true,
      table: read.table,
      mapping,
      mappingProblems: mappingProblems(resource, mapping),
      result,
    };
  } catch (error) {
    if (error instanceof AbortedError) return { ok: false, problem: { code: 'aborted' } };
    throw error;
  }
}

/**
 * The visible sheets of an XLSX file, for a sheet picker; exceljs is loaded only now. A file that
 * is not a workbook (or is too big) gives its problem.
 */
export async function listWorkbookSheets(
  bytes: Uint8Array,
): Promise<{ ok: true; sheets: string[] } | { ok: false; problem: FileProblem }> {
  const tooBig = checkFileSize(bytes.length);
  if (tooBig) return { ok: false, problem: tooBig };
  const chosen = chooseFormat(bytes, { name: 'file.xlsx' });
  if ('problem' in chosen) return { ok: false, problem: chosen.problem };
  const { listSheets } = await import('./xlsx');
  return listSheets(bytes);
}
