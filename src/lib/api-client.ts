import type { EnsureInfiniteQueryDataOptions, EnsureQueryDataOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { FieldError } from '@/domain/validation';
import { usePreferences } from '@/stores/preferences';
import { saveFile } from './save-file';

export type ApiErrorKind = 'network' | 'timeout' | 'http';

/**
 * Every failure of an API call, as a value with a type: the HTTP status and problem+json
 * fields for answers, or `network` / `timeout` when no answer came. Forms read `fieldErrors`;
 * a 412 carries the `current` resource so the user can compare.
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly type: string | undefined;
  readonly fieldErrors: FieldError[];
  readonly current: unknown;

  constructor(init: {
    kind: ApiErrorKind;
    status?: number;
    title: string;
    type?: string;
    fieldErrors?: FieldError[];
    current?: unknown;
  }) {
    super(init.title);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.type = init.type;
    this.fieldErrors = init.fieldErrors ?? [];
    this.current = init.current;
  }

  /** Whether trying the same request again may help (offline, time-out, server trouble). */
  get retryable(): boolean {
    return this.kind !== 'http' || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

const TIMEOUT_MS = 15_000;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The version the change is based on; sent as If-Match. */
  version?: number;
  idempotencyKey?: string;
  signal?: AbortSignal;
};

export type QueryParams = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/**
 * The reads a home government narrows (issue 15): lists, figures, search and exports. The
 * header's choice (preferences) goes with each as `homeRegionId`, unless the caller names one.
 */
const HOME_SCOPED = /^\/(partnerships(\/activity|\/export\.csv)?|meetings(\/export\.csv)?|follow-ups(\/export\.(csv|ics))?|stats\/[a-z-]+|search)$/;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const url = new URL(`/api${path}`, window.location.origin);
  const chosen = usePreferences.getState().homeRegionId;
  if (chosen && HOME_SCOPED.test(path) && params.homeRegionId === undefined) url.searchParams.set('homeRegionId', chosen);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) url.searchParams.set(key, value.join(','));
    } else url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function problemFrom(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page or an empty body: the status alone must do.
  }
  return new ApiError({
    kind: 'http',
    status: response.status,
    title: typeof body.title === 'string' ? body.title : response.statusText || `HTTP ${response.status}`,
    ...(typeof body.type === 'string' ? { type: body.type } : {}),
    fieldErrors: Array.isArray(body.errors) ? (body.errors as FieldError[]) : [],
    current: body.current,
  });
}

export async function apiRequest<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-mitra-user': usePreferences.getState().userId,
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.version !== undefined) headers['if-match'] = `"${options.version}"`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;

  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error; // the caller cancelled: not an error to show
    throw new ApiError({
      kind: timeout.aborted ? 'timeout' : 'network',
      title: error instanceof Error ? error.message : String(error),
    });
  }
  if (!response.ok) throw await problemFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function apiGet<T>(path: string, params?: QueryParams, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(apiUrl(path, params), signal ? { signal } : {});
}

/** Downloads a file the API makes (CSV, ICS) and hands it to the browser as a download. */
export async function apiDownload(path: string, params: QueryParams, fallbackName: string): Promise<void> {
  const url = apiUrl(path, params);
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'x-mitra-user': usePreferences.getState().userId } });
  } catch (error) {
    throw new ApiError({ kind: 'network', title: error instanceof Error ? error.message : String(error) });
  }
  if (!response.ok) throw await problemFrom(response);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  saveFile(name, await response.blob());
}

/**
 * What a route's loader calls: starts a page's request beside its chunk download. `ensureQueryData`
 * answers from the cache when it holds the data (and refreshes it in the background when stale);
 * a failure is left to the page's own query, which shows it with a retry, so a loader never throws.
 * Here, beside apiGet, because every page's chunk loads this module already: a module of its own
 * was one more chunk on the first route, over its size budget.
 */
export function preload<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): void {
  void queryClient.ensureQueryData({ ...options, revalidateIfStale: true }).catch(() => undefined);
}

/** `preload` for a paged list (the first page). */
export function preloadPages<TQueryFnData, TError, TData, TQueryKey extends QueryKey, TPageParam>(
  queryClient: QueryClient,
  options: EnsureInfiniteQueryDataOptions<TQueryFnData, TError, TData, TQueryKey, TPageParam>,
): void {
  void queryClient.ensureInfiniteQueryData({ ...options, revalidateIfStale: true }).catch(() => undefined);
}
