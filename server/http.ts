import { z } from 'zod';
import { toFieldErrors } from '../src/domain/schemas/issues';
import type { FieldError } from '../src/domain/validation';
import { fieldError } from '../src/domain/validation';
import { problems } from './problem';
import type { Store } from './store';

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...init.headers },
  });
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** Reads and parses a JSON body: 415 without JSON, 413 when too large, 400 when malformed. */
export async function readJson(request: Request): Promise<{ value: unknown; text: string }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw problems.unsupportedMediaType();
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw problems.payloadTooLarge(MAX_BODY_BYTES);
  const text = await request.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw problems.payloadTooLarge(MAX_BODY_BYTES);
  try {
    return { value: JSON.parse(text) as unknown, text };
  } catch {
    throw problems.malformedJson();
  }
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, prefix?: string): z.output<S> {
  // reportInput: zod 4 keeps an issue's input only when asked, and toFieldErrors needs it to tell
  // a missing field (required) from one of the wrong type (invalidType).
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const errors = toFieldErrors(result.error);
    throw problems.validation(
      prefix ? errors.map((e) => ({ ...e, path: e.path ? `${prefix}.${e.path}` : prefix })) : errors,
    );
  }
  return result.data;
}

/**
 * The version the client says it changes, from If-Match (`"3"`, `W/"3"` or `3`).
 * Missing: 428. Stale: 412 with the current resource, so the client can show both.
 */
export function requireCurrentVersion<T extends { version: number }>(request: Request, current: T): void {
  const header = request.headers.get('if-match');
  if (header === null || header.trim() === '') throw problems.ifMatchRequired();
  if (header.trim() === '*') return;
  const versions = header.split(',').map((v) => Number(v.trim().replace(/^W\//, '').replace(/"/g, '')));
  if (!versions.includes(current.version)) throw problems.stale(current);
}

// ---------------------------------------------------------------------------------------------
// Lists: filters, sort, paging

const cursorSchema = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const match = /^o(\d{1,9})$/.exec(atobSafe(value));
    if (!match) {
      ctx.addIssue({ code: 'custom', message: 'invalidFormat' });
      return z.NEVER;
    }
    return Number(match[1]);
  });

function atobSafe(value: string): string {
  try {
    return atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return '';
  }
}

function encodeCursor(offset: number): string {
  return btoa(`o${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Query-string values are strings; several of a key (or a comma list) make an array. */
export function searchParamsToObject(url: URL, arrayKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = arrayKeys.includes(key)
      ? values.flatMap((v) => v.split(',')).filter((v) => v !== '')
      : values.length === 1
        ? values[0]
        : values;
  }
  return out;
}

export const pagingShape = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: cursorSchema.optional(),
  q: z.string().trim().max(200).optional(),
};

export type SortKey<T> = (item: T) => string | number | undefined;

/** Lower-case, accents removed: "Pariwisata" finds "pariwisata", "Binzhou" finds "binzhou". */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const searchCache = new WeakMap<object, string>();

/** An item's normalised search text, computed once per item and kept (see textMatcher). */
export function searchText<T extends object>(text: (item: T) => string): (item: T) => string {
  return (item) => {
    let haystack = searchCache.get(item);
    if (haystack === undefined) {
      haystack = normalizeText(text(item));
      searchCache.set(item, haystack);
    }
    return haystack;
  };
}

/**
 * A predicate for a text query, or undefined for none: every word of the query must occur in
 * the item's text (case and accents ignored). The query is normalised once per request, the
 * item's text once per item. `cache: false` when the text also reads other resources (a
 * partnership is found by its partner region's name): the cache is keyed by the item, so it
 * would keep the old name after a rename.
 */
export function textMatcher<T extends object>(
  q: string | undefined,
  text: (item: T) => string,
  cache = true,
): ((item: T) => boolean) | undefined {
  const words = q ? normalizeText(q).split(/\s+/).filter(Boolean) : [];
  if (words.length === 0) return undefined;
  const haystackOf = (item: T): string => {
    let haystack = cache ? searchCache.get(item) : undefined;
    if (haystack === undefined) {
      haystack = normalizeText(text(item));
      if (cache) searchCache.set(item, haystack);
    }
    return haystack;
  };
  const [first, ...rest] = words as [string, ...string[]];
  // One word is the common case while typing: no closure per word per item.
  if (rest.length === 0) return (item) => haystackOf(item).includes(first);
  return (item) => {
    const haystack = haystackOf(item);
    return haystack.includes(first) && rest.every((word) => haystack.includes(word));
  };
}

const sortedCache = new WeakMap<readonly object[], Map<string, unknown[]>>();

/**
 * All items in the order of `sort`. A store that hands out the same array until its next write
 * (the memory store does) gets each order computed once, not once per request: sorting 50,000
 * items is most of a list request's time. `cache: false` where the order reads other resources.
 */
export function sortedView<T extends { id: string }>(
  all: readonly T[],
  sort: string,
  sorts: Record<string, SortKey<T>>,
  cache = true,
): T[] {
  if (!cache) return sortItems([...all], sort, sorts);
  let bySort = sortedCache.get(all);
  if (!bySort) {
    bySort = new Map();
    sortedCache.set(all, bySort);
  }
  let sorted = bySort.get(sort) as T[] | undefined;
  if (!sorted) {
    sorted = sortItems([...all], sort, sorts);
    bySort.set(sort, sorted);
  }
  return sorted;
}

/** Sorts in place by a sort parameter (`key` or `-key`): missing values last, ties by id. */
export function sortItems<T extends { id: string }>(items: T[], sort: string, sorts: Record<string, SortKey<T>>): T[] {
  const descending = sort.startsWith('-');
  const key = sorts[descending ? sort.slice(1) : sort];
  if (key) {
    const direction = descending ? -1 : 1;
    // Items without a value sort last in either direction, ties by id so pages never overlap.
    items.sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === y) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * direction;
    });
  }
  return items;
}

/** One page of already filtered and sorted items. */
export function pageOf<T>(items: T[], limit: number, offset: number): { items: T[]; total: number; nextCursor: string | null } {
  const page = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { items: page, total: items.length, nextCursor: next < items.length ? encodeCursor(next) : null };
}

export function sortAndPage<T extends { id: string }>(
  items: T[],
  options: {
    sort: string;
    sorts: Record<string, SortKey<T>>;
    limit: number;
    offset: number;
  },
): { items: T[]; total: number; nextCursor: string | null } {
  return pageOf(sortItems(items, options.sort, options.sorts), options.limit, options.offset);
}

export function sortParam(keys: readonly string[], fallback: string) {
  const allowed = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z.enum(allowed, { error: 'invalidOption' }).default(fallback);
}

// ---------------------------------------------------------------------------------------------
// References: an id that names nothing is a field error, not a 500 and not a silent orphan.

export function checkRefs(checks: Array<[path: string, exists: boolean]>): void {
  const errors: FieldError[] = checks
    .filter(([, exists]) => !exists)
    .map(([path]) => fieldError(path, 'unknownReference'));
  if (errors.length > 0) throw problems.validation(errors);
}

export function refChecks<T extends { id: string }>(
  collection: { get(id: string): T | undefined },
  path: string,
  ids: readonly string[] | string | undefined,
): Array<[string, boolean]> {
  if (ids === undefined) return [];
  if (typeof ids === 'string') return [[path, collection.get(ids) !== undefined]];
  return ids.map((id, index) => [`${path}.${index}`, collection.get(id) !== undefined]);
}

export function sectorChecks(store: Store, path: string, ids: readonly string[] | undefined) {
  return refChecks(store.sectors, path, ids);
}

/** Removes keys whose value is undefined, so stored resources never carry `"x": undefined`. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
