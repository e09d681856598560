import type { Hono } from 'hono';
import { z } from 'zod';
import { problems } from '../problem';
import type { ApiDeps } from '../context';
import { fieldError, type FieldError } from '../../src/domain/validation';
import type { Action } from '../../src/domain/permissions';
import type { User } from '../../src/domain/user';
import {
  checkRefs,
  compact,
  etag,
  invalidCursor,
  json,
  pagingShape,
  parseWith,
  readJson,
  requireCurrentVersion,
  searchParamsToObject,
  sortParam,
  type RefCheck,
} from '../http';
import type { Page } from '../db/lists';
import { listResources, LISTINGS, type ListingName } from '../db/listings';
import type { CollectionName, Resources, Tx } from '../store';
import { answer, withIdempotency } from './idempotency';

type Stored = { id: string; version: number; createdAt: string; updatedAt: string };

/** A parsed list query, without paging. */
export type ListQuery<Q> = Q & { q?: string; id?: string[]; sort: string };

export type PageRequest = { limit: number; cursor?: string | undefined };

/**
 * A resource's list in SQL (server/db/listings.ts) and its sorts: narrowed to the home governments
 * the request covers, and to the one a `homeRegionId` filter names.
 */
export function scopedListing(deps: ApiDeps, name: ListingName) {
  return {
    list: async (query: Record<string, unknown> & { sort: string }, page: PageRequest, request: Request) =>
      listResources(deps.store.db, deps.store.engine, name, { ...query, homeRegionIds: await deps.scope(request, query.homeRegionId as string | undefined) }, page),
    sorts: Object.keys(LISTINGS[name].sorts),
  };
}

export type CrudConfig<K extends CollectionName, Q extends Record<string, unknown>> = {
  path: string;
  label: string;
  prefix: string;
  collection: K;
  /** Filters beyond paging, sort, q and id. */
  filters: z.ZodRawShape;
  arrayKeys?: readonly string[];
  /** The list in SQL (server/db/listings.ts, follow-up-list.ts): filters, text, sort, keyset page. */
  list: (query: ListQuery<Q>, page: PageRequest, request: Request) => Promise<Page<unknown> | 'invalidCursor'>;
  sorts: readonly string[];
  defaultSort: string;
  /** Without `create` or `patch` the resource registers its own POST or PATCH. */
  create?: z.ZodType;
  patch?: z.ZodType;
  /**
   * The action each write requires (src/domain/permissions.ts). A write without one is
   * refused for everyone: deny by default.
   */
  actions?: { create?: Action; patch?: Action };
  /** Rules across resources, checked on the patched item (in its transaction) before it is saved. */
  checkPatch?: (next: Resources[K], current: Resources[K], tx: Tx) => Promise<FieldError[]>;
  /** Values that must stay unique, checked in the write's transaction: 409 naming the fields. */
  checkUnique?: (next: Resources[K], current: Resources[K] | undefined, tx: Tx) => Promise<FieldError[]>;
  /**
   * Runs in a patch's transaction once the item is replaced: changes that follow from it in other
   * records (a meeting's new date moves the follow-ups agreed that day), saved or failed with it.
   */
  alsoPatch?: (next: Resources[K], before: Resources[K], tx: Tx, context: { actor: User; at: string }) => Promise<void>;
  /** Runs after a patch is saved (a disabled user's sessions end). */
  afterPatch?: (next: Resources[K], before: Resources[K]) => Promise<void>;
  /** Builds the stored resource from valid input (default: the input plus id, version, dates). */
  build?: (input: Record<string, unknown>, meta: Stored, actor: User) => Resources[K];
  /** Completes valid create input from stored data (a user's only home government): may refuse with field errors. */
  complete?: (input: Record<string, unknown>, actor: User) => Promise<Record<string, unknown>>;
  /** Validates a whole resource after a patch is applied (cross-field rules). */
  whole?: z.ZodType;
  /** The input fields of a stored resource, for `whole` (default: all but id, version, dates). */
  inputOf?: (item: Resources[K]) => Record<string, unknown>;
  refs: (value: Record<string, unknown>, request: Request) => Array<RefCheck[] | Promise<RefCheck[]>>;
  /** Client-chosen ids (sectors); others get a generated one. */
  clientId?: boolean;
  /**
   * Turns a patch's request-only fields into stored ones (a sector's `retired: true` becomes its
   * `retiredAt`, dated by the server). Returns the fields to set and the fields to remove.
   */
  patchFields?: (patch: Record<string, unknown>, current: Resources[K], at: string) => { set: Record<string, unknown>; clear: string[] };
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutMeta(item: Stored): Record<string, unknown> {
  const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = item;
  return fields;
}

export function listQuerySchema(filters: z.ZodRawShape, sorts: readonly string[], defaultSort: string) {
  return z.strictObject({
    ...pagingShape,
    ...filters,
    id: z.array(z.string().max(80)).max(100).optional(),
    sort: sortParam(sorts, defaultSort),
  });
}

/** Query keys that may repeat or hold a comma list. */
export function listArrayKeys(config: { arrayKeys?: readonly string[] | undefined }): string[] {
  return ['id', ...(config.arrayKeys ?? [])];
}

/** Parses a list request's query: filters, sort and page (400 naming the field otherwise). */
export function parseListQuery<Q>(
  url: URL,
  schema: z.ZodType,
  arrayKeys: readonly string[],
): { query: ListQuery<Q>; page: PageRequest } {
  const { limit, cursor, ...query } = parseWith(schema, searchParamsToObject(url, arrayKeys)) as ListQuery<Q> & PageRequest;
  return { query: query as ListQuery<Q>, page: { limit, cursor } };
}

/** A list page as the API answers it; 400 for a cursor that is not this list's. */
export async function listAnswer(found: Promise<Page<unknown> | 'invalidCursor'>): Promise<Response> {
  const page = await found;
  if (page === 'invalidCursor') invalidCursor();
  return json(page);
}

export function registerCrud<K extends CollectionName, Q extends Record<string, unknown>>(
  app: Hono,
  deps: ApiDeps,
  config: CrudConfig<K, Q>,
): void {
  type T = Resources[K];
  const { store } = deps;
  const reader = store[config.collection] as unknown as { get(id: string): Promise<T | undefined> };
  const querySchema = listQuerySchema(config.filters, config.sorts, config.defaultSort);
  const arrayKeys = listArrayKeys(config);

  app.get(config.path, (c) => {
    const { query, page } = parseListQuery<Q>(new URL(c.req.url), querySchema, arrayKeys);
    return listAnswer(config.list(query, page, c.req.raw));
  });

  app.get(`${config.path}/:id`, async (c) => {
    const item = await reader.get(c.req.param('id'));
    if (!item) throw problems.notFound(config.label);
    return json(item, { headers: { etag: etag(item.version) } });
  });

  const { create, patch: patchSchema, actions } = config;
  if (create && actions?.create) deps.rules.declare('POST', config.path, { action: actions.create });
  if (patchSchema && actions?.patch) deps.rules.declare('PATCH', `${config.path}/:id`, { action: actions.patch });

  if (create) app.post(config.path, (c) =>
    withIdempotency(deps, c.req.raw, async (body, write) => {
      const actor = await deps.actor(c.req.raw);
      const parsed = parseWith(create, body) as Record<string, unknown>;
      const input = config.complete ? await config.complete(parsed, actor) : parsed;
      await checkRefs(config.refs(input, c.req.raw));
      return write({ actorId: actor.id }, async (tx) => {
        const writer = tx[config.collection] as unknown as { get(id: string): Promise<T | undefined>; insert(item: T): Promise<void> };
        const id = config.clientId ? String(input.id) : await tx.nextId(config.prefix);
        if (await writer.get(id)) {
          throw problems.validation([fieldError('id', 'duplicate')]);
        }
        const at = deps.now().toISOString();
        const meta = { id, version: 1, createdAt: at, updatedAt: at };
        const item = compact(config.build ? config.build(input, meta, actor) : ({ ...input, ...meta } as unknown as T));
        const taken = (await config.checkUnique?.(item, undefined, tx)) ?? [];
        if (taken.length > 0) throw problems.duplicate(taken);
        await writer.insert(item);
        return answer(item, {
          status: 201,
          headers: { location: `/api${config.path}/${id}`, etag: etag(item.version) },
        });
      });
    }),
  );

  if (patchSchema) app.patch(`${config.path}/:id`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const found = await reader.get(c.req.param('id'));
    if (!found) throw problems.notFound(config.label);
    requireCurrentVersion(c.req.raw, found);
    const { value } = await readJson(c.req.raw);
    // As in a JSON merge patch, `null` removes an optional field (a meeting's time, a place).
    // Only fields the patch schema knows may be cleared; the whole-resource check below
    // refuses clearing a required one.
    const shape =
      config.whole && patchSchema instanceof z.ZodObject ? (patchSchema.shape as Record<string, unknown>) : {};
    const body = isRecord(value) ? value : undefined;
    const cleared = body ? Object.keys(body).filter((key) => body[key] === null && Object.hasOwn(shape, key)) : [];
    const sent = body ? Object.fromEntries(Object.entries(body).filter(([key]) => !cleared.includes(key))) : value;
    const parsed = parseWith(patchSchema, sent) as Record<string, unknown>;
    // A patch changes only the fields it names: zod 4 applies `.default()`s inside `.partial()`,
    // which would otherwise reset lists and flags (participants, strengths, illustrative...).
    const patch = Object.fromEntries(Object.entries(parsed).filter(([key]) => isRecord(sent) && Object.hasOwn(sent, key)));
    await checkRefs(config.refs(patch, c.req.raw));
    const saved = await store.transaction(async (tx) => {
      const writer = tx[config.collection] as unknown as {
        get(id: string): Promise<T | undefined>;
        replace(next: T, before: T): Promise<void>;
      };
      // Read again in the transaction: another edit may have landed while the body was read.
      const current = await writer.get(found.id);
      if (!current) throw problems.notFound(config.label);
      requireCurrentVersion(c.req.raw, current);
      const fields = config.patchFields?.(patch, current, deps.now().toISOString()) ?? { set: patch, clear: [] };
      const merged = compact({ ...current, ...fields.set }) as Record<string, unknown>;
      for (const key of [...cleared, ...fields.clear]) delete merged[key];
      if (config.whole) {
        const whole = parseWith(config.whole, (config.inputOf ?? withoutMeta)(merged as unknown as T)) as Record<string, unknown>;
        // A cleared field with a default (a list, a flag, the time zone) takes its default, so a
        // stored resource is always whole.
        for (const key of cleared) if (whole[key] !== undefined) merged[key] = whole[key];
      }
      const crossErrors = (await config.checkPatch?.(merged as unknown as T, current, tx)) ?? [];
      if (crossErrors.length > 0) throw problems.validation(crossErrors);
      const taken = (await config.checkUnique?.(merged as unknown as T, current, tx)) ?? [];
      if (taken.length > 0) throw problems.duplicate(taken);
      const currentFields = current as Record<string, unknown>;
      const changed =
        [...cleared, ...fields.clear].some((key) => currentFields[key] !== undefined) ||
        Object.keys(fields.set).some((key) => JSON.stringify(currentFields[key]) !== JSON.stringify(fields.set[key]));
      if (!changed) return { next: current, before: undefined };
      const next = { ...(merged as unknown as T), version: current.version + 1, updatedAt: deps.now().toISOString() };
      // Conditional on the version read: of two writers, one wins and the other gets 412.
      await writer.replace(next, current);
      await config.alsoPatch?.(next, current, tx, { actor, at: next.updatedAt });
      return { next, before: current };
    }, { actorId: actor.id });
    if (saved.before) await config.afterPatch?.(saved.next, saved.before);
    return json(saved.next, { headers: { etag: etag(saved.next.version) } });
  });
}
