import type { ImportResource } from '@/domain/import/fields';
import type { MappingProblem, FileProblem } from '@/domain/import/problems';
import type { Progress } from '@/domain/import/progress';
import type { ReferenceData } from '@/domain/import/reference';
import { listWorkbookSheets, previewImport } from '@/domain/import/run';
import { cellText } from '@/domain/import/table';

/**
 * The browser's own look at a file before it is uploaded: read, mapped and validated by the same
 * domain code the API runs (src/domain/import), in a Web Worker (import.worker.ts), in slices, with
 * progress. A file problem stops here and nothing is sent; otherwise the API checks it again and
 * its answer is the one shown.
 */
export type CheckInput = {
  resource: ImportResource;
  bytes: Uint8Array;
  name: string;
  type: string;
  sheet?: string | undefined;
  /** The reference data the page has at hand (names of sectors, users, regions, organisations). */
  refs: ReferenceData;
};

export type CheckResult =
  | { ok: false; problem: FileProblem }
  | {
      ok: true;
      rows: number;
      headers: string[];
      /** The first data row's cells as text, as an example beside each column when mapping. */
      sample: string[];
      sheet?: string | undefined;
      sheets?: string[] | undefined;
      invalid: number;
      mappingProblems: MappingProblem[];
    };

export type SheetsResult = { ok: true; sheets: string[] } | { ok: false; problem: FileProblem };

export async function checkFile(
  input: CheckInput,
  onProgress: (progress: Progress) => void,
  signal?: AbortSignal,
): Promise<CheckResult> {
  const preview = await previewImport(
    input.resource,
    input.bytes,
    { name: input.name, type: input.type },
    input.refs,
    {
      onProgress,
      ...(signal ? { signal } : {}),
      ...(input.sheet ? { sheet: input.sheet } : {}),
    },
  );
  if (!preview.ok) return preview;
  return {
    ok: true,
    rows: preview.table.rows.length,
    headers: preview.table.headers,
    sample: (preview.table.rows[0] ?? []).map(cellText),
    sheet: preview.table.sheet,
    sheets: preview.table.sheets,
    invalid: preview.result.invalid.length,
    mappingProblems: preview.mappingProblems,
  };
}

export function readSheets(bytes: Uint8Array): Promise<SheetsResult> {
  return listWorkbookSheets(bytes);
}

/** Worker messages. */
export type WorkerRequest =
  | { kind: 'check'; id: number; input: CheckInput }
  | { kind: 'sheets'; id: number; bytes: Uint8Array }
  | { kind: 'cancel'; id: number };

export type WorkerResponse =
  | { kind: 'progress'; id: number; progress: Progress }
  | { kind: 'checked'; id: number; result: CheckResult }
  | { kind: 'sheets'; id: number; result: SheetsResult }
  | { kind: 'failed'; id: number; message: string };
