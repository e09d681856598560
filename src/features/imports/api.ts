import { infiniteQueryOptions, type QueryClient } from '@tanstack/react-query';
import {
  IMPORT_FILE_NAME_HEADER,
  IMPORT_MAPPING_HEADER,
  type ImportCommitBody,
  type ImportCommitResult,
  type ImportConflict,
  type ImportDetail,
  type ImportList,
  type ImportUndoResult,
} from '@/domain/import/api';
import type { ImportResource } from '@/domain/import/fields';
import { XLSX_MEDIA_TYPE } from '@/domain/import/limits';
import type { Mapping } from '@/domain/import/mapping';
import type { FileProblem } from '@/domain/import/problems';
import { ApiError, apiDownload, apiGet, apiUrl } from '@/lib/api-client';
import { usePreferences } from '@/stores/preferences';

/*
 * The import API (issue 14; the contract in src/domain/import/api.ts). Its answers carry more than
 * the usual problem+json (a file problem, the invalid rows, the records an undo conflicts with),
 * so its requests go through `importRequest`, which keeps the whole body on the error.
 */

export const importKeys = {
  all: ['imports'] as const,
  list: () => [...importKeys.all, 'list'] as const,
};

/** The import history, newest first (the first page: an office imports a few files a month). */
/** How many imports a page of the history shows; "Muat lebih banyak" asks for the next ones. */
export const IMPORTS_PAGE_SIZE = 50;

/** The import history, newest first, a page at a time (the API's keyset cursor). */
export const importsQuery = () =>
  infiniteQueryOptions({
    queryKey: importKeys.list(),
    queryFn: ({ pageParam, signal }) => apiGet<ImportList>('/imports', { limit: IMPORTS_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

/** An ApiError with the import API's own problem fields. */
export class ImportApiError extends ApiError {
  readonly fileProblem: FileProblem | undefined;
  readonly invalid: number | undefined;
  readonly conflicts: ImportConflict[];

  constructor(init: ConstructorParameters<typeof ApiError>[0], body: Record<string, unknown> = {}) {
    super(init);
    this.name = 'ImportApiError';
    const problem = body.fileProblem as FileProblem | undefined;
    this.fileProblem = problem && typeof problem.code === 'string' ? problem : undefined;
    this.invalid = typeof body.invalid === 'number' ? body.invalid : undefined;
    this.conflicts = Array.isArray(body.conflicts) ? (body.conflicts as ImportConflict[]) : [];
  }
}

/** A file upload or a commit of 50,000 rows takes longer than a save: a minute before giving up. */
const TIMEOUT_MS = 60_000;

type ImportRequest = {
  method?: 'GET' | 'POST';
  body?: BodyInit;
  json?: unknown;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

async function importRequest<T>(url: string, options: ImportRequest = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-mitra-user': usePreferences.getState().userId,
    ...options.headers,
  };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'POST',
      headers,
      body: options.json !== undefined ? JSON.stringify(options.json) : (options.body ?? null),
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ImportApiError({
      kind: timeout.aborted ? 'timeout' : 'network',
      title: error instanceof Error ? error.message : String(error),
    });
  }
  if (!response.ok) {
    let body: Record<string, unknown> = {};
    try {
      body = (await response.json()) as Record<string, unknown>;
    } catch {
      // Not problem+json: the status alone must do.
    }
    throw new ImportApiError(
      {
        kind: 'http',
        status: response.status,
        title:
          typeof body.title === 'string'
            ? body.title
            : response.statusText || `HTTP ${response.status}`,
        ...(typeof body.type === 'string' ? { type: body.type } : {}),
      },
      body,
    );
  }
  return (await response.json()) as T;
}

export type UploadInput = {
  resource: ImportResource;
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  /** The file's media type as the browser gave it (may be empty). */
  type: string;
  sheet?: string | undefined;
  mapping?: Mapping | undefined;
};

function mediaType(fileName: string, type: string): string {
  if (type === XLSX_MEDIA_TYPE || /\.xlsx$/i.test(fileName)) return XLSX_MEDIA_TYPE;
  if (/\.(csv|tsv|txt)$/i.test(fileName) || type.startsWith('text/')) return 'text/csv';
  return 'application/octet-stream';
}

/** POST /api/imports: the file's bytes; the API reads, maps and validates it and writes nothing. */
export function uploadImport(input: UploadInput, signal?: AbortSignal): Promise<ImportDetail> {
  const headers: Record<string, string> = {
    'content-type': mediaType(input.fileName, input.type),
    [IMPORT_FILE_NAME_HEADER]: encodeURIComponent(input.fileName),
  };
  if (input.mapping) headers[IMPORT_MAPPING_HEADER] = JSON.stringify(input.mapping);
  return importRequest<ImportDetail>(
    apiUrl('/imports', { resource: input.resource, sheet: input.sheet }),
    {
      body: input.bytes,
      headers,
      ...(signal ? { signal } : {}),
    },
  );
}

const importUrl = (id: string, action: string) =>
  apiUrl(`/imports/${encodeURIComponent(id)}/${action}`);

/** The same file validated again with the user's mapping. */
export function previewWithMapping(id: string, mapping: Mapping): Promise<ImportDetail> {
  return importRequest<ImportDetail>(importUrl(id, 'preview'), { json: { mapping } });
}

/** Writes the import, once however many times it is sent with the same key. */
export function commitImport(
  id: string,
  body: ImportCommitBody,
  idempotencyKey: string,
): Promise<ImportCommitResult> {
  return importRequest<ImportCommitResult>(importUrl(id, 'commit'), { json: body, idempotencyKey });
}

export function undoImport(id: string): Promise<ImportUndoResult> {
  return importRequest<ImportUndoResult>(importUrl(id, 'undo'));
}

/** The invalid rows with a reason column, in the user's language. */
export function downloadErrorsFile(
  id: string,
  lang: 'id' | 'en',
  fallbackName: string,
): Promise<void> {
  return apiDownload(`/imports/${encodeURIComponent(id)}/errors.csv`, { lang }, fallbackName);
}

/** An import changes records of every kind: every list, count and name may be stale. */
export function refreshAfterImport(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries();
}
