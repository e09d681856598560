import { z } from 'zod';
import { toFieldErrors } from '../src/domain/schemas/issues';
import type { FieldError } from '../src/domain/validation';
import { fieldError } from '../src/domain/validation';
import { encodedBody } from './body';
import { problems } from './problem';
import type { Readers } from './store';

export const MAX_BODY_BYTES = 1_000_000;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const { body: bytes, length } = encodedBody(JSON.stringify(body));
  return new Response(bytes, {
    status: init.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': length, ...init.headers },
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
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw problems.malformedJson();
  }
  const unkeepable = textPath(value, '');
  if (unkeepable !== undefined) throw problems.validation([fieldError(unkeepable, 'invalidFormat')]);
  return { value, text };
}

/**
 * Text no engine keeps: U+0000 (PostgreSQL cannot store it) and a lone UTF-16 surrogate (not
 * Unicode; PostgreSQL's JSON refuses it). Refused at the door, on both engines, as a field error
 * rather than a database error.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const keepable = (text: string) => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/** Where a JSON value holds text no engine keeps (in a string or a key), if anywhere. */
function textPath(value: unknown, path: string): string | undefined {
  const join = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (typeof value === 'string') return keepable(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = textPath(value[i], join(i));
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!keepable(key)) return join(key.replaceAll('\u0000', ''));
      const found = textPath(item, join(key));
      if (found !== undefined) return found;
    }
  }
  return undefined;
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

/**
 * Lists of resources page with an opaque keyset cursor (server/db/lists.ts): the database
 * seeks to it through an index. The few lists built in memory from one resource's parts (a
 * partnership's timeline) page by an offset cursor, also opaque.
 */
const offsetCursorSchema = z
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

function encodeOffset(offset: number): string {
  return btoa(`o${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Query-string values are strings; several of a key (or a comma list) make an array. */
export function searchParamsToObject(url: URL, arrayKeys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    // No parameter may hold text no engine keeps (see nulPath): a field error, not a database error.
    if (!keepable(key) || values.some((v) => !keepable(v))) {
      throw problems.validation([fieldError(key.replaceAll('\u0000', ''), 'invalidFormat')]);
    }
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
  /** A keyset cursor, checked by the list that reads it (400 when it is not one of its own). */
  cursor: z.string().max(400).optional(),
  q: z.string().trim().max(200).optional(),
};

/** Paging of a list built in memory (offset cursor). */
export const offsetPagingShape = {
  limit: pagingShape.limit,
  cursor: offsetCursorSchema.optional(),
};

/** 400 naming the cursor: it does not belong to this list and sort (or was altered). */
export function invalidCursor(): never {
  throw problems.validation([fieldError('cursor', 'invalidFormat')]);
}

/** Lower-case, accents removed: "Pariwisata" finds "pariwisata", "Binzhou" finds "binzhou". */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** One page of items already built in memory, in order. */
export function pageOf<T>(items: T[], limit: number, offset: number): { items: T[]; total: number; nextCursor: string | null } {
  const page = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { items: page, total: items.length, nextCursor: next < items.length ? encodeOffset(next) : null };
}

export function sortParam(keys: readonly string[], fallback: string) {
  const allowed = keys.flatMap((k) => [k, `-${k}`]) as [string, ...string[]];
  return z.enum(allowed, { error: 'invalidOption' }).default(fallback);
}

// ---------------------------------------------------------------------------------------------
// References: an id that names nothing is a field error, not a 500 and not a silent orphan.

export type RefCheck = [path: string, exists: boolean];

/** 400 with a field error for every reference that names nothing (checks may still be running). */
export async function checkRefs(checks: Array<RefCheck[] | Promise<RefCheck[]>>): Promise<void> {
  const errors: FieldError[] = (await Promise.all(checks))
    .flat()
    .filter(([, exists]) => !exists)
    .map(([path]) => fieldError(path, 'unknownReference'));
  if (errors.length > 0) throw problems.validation(errors);
}

/** Whether each id names an item of the collection (one query for a list of ids). */
export async function refChecks(
  collection: { missing(ids: readonly string[]): Promise<Set<string>> },
  path: string,
  ids: readonly string[] | string | undefined,
): Promise<RefCheck[]> {
  if (ids === undefined) return [];
  const list = typeof ids === 'string' ? [ids] : ids;
  const missing = await collection.missing(list);
  if (typeof ids === 'string') return [[path, !missing.has(ids)]];
  return list.map((id, index) => [`${path}.${index}`, !missing.has(id)]);
}

export function sectorChecks(store: Pick<Readers, 'sectors'>, path: string, ids: readonly string[] | undefined) {
  return refChecks(store.sectors, path, ids);
}

/** Removes keys whose value is undefined, so stored resources never carry `"x": undefined`. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
