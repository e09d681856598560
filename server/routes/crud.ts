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
  json,
  pagingShape,
  parseWith,
  readJson,
  requireCurrentVersion,
  pageOf,
  searchParamsToObject,
  normalizeText,
  searchText,
  sortedView,
  textMatcher,
  sortParam,
  type SortKey,
} from '../http';
import type { Collection } from '../store';
import { withIdempotency } from './idempotency';

type Stored = { id: string; version: number; createdAt: string; updatedAt: string };

export type CrudConfig<T extends Stored, Q extends Record<string, unknown>> = {
  path: string;
  label: string;
  prefix: string;
  collection: Collection<T>;
  /** Filters beyond paging, sort, q and id. */
  filters: z.ZodRawShape;
  arrayKeys?: readonly string[];
  /** Builds the predicate once per request (so per-request values like today are read once). */
  filter?: (query: Q) => (item: T) => boolean;
  text: (item: T) => string;
  /** False when `text` reads other resources, which may change while the item does not. */
  cacheText?: boolean;
  sorts: Record<string, SortKey<T>>;
  defaultSort: string;
  /** Without `create` or `patch` the resource registers its own POST or PATCH. */
  create?: z.ZodType;
  patch?: z.ZodType;
  /**
   * The action each write requires (src/domain/permissions.ts). A write without one is
   * refused for everyone: deny by default.
   */
  actions?: { create?: Action; patch?: Action };
  /** Rules across resources, checked on the patched item before it is saved. */
  checkPatch?: (next: T, current: T) => FieldError[];
  /** Values that must stay unique, checked on the patched item: 409 naming the fields. */
  checkUnique?: (next: T, current: T) => FieldError[];
  /** Runs after a patch is saved (a disabled user's sessions end). */
  afterPatch?: (next: T, before: T) => void | Promise<void>;
  /** Builds the stored resource from valid input (default: the input plus id, version, dates). */
  build?: (input: Record<string, unknown>, meta: Stored, actor: User) => T;
  /** Validates a whole resource after a patch is applied (cross-field rules). */
  whole?: z.ZodType;
  /** The input fields of a stored resource, for `whole` (default: all but id, version, dates). */
  inputOf?: (item: T) => Record<string, unknown>;
  refs: (value: Record<string, unknown>) => Array<[string, boolean]>;
  /** Client-chosen ids (sectors); others get a generated one. */
  clientId?: boolean;
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

/** What a list needs to find and order its items: the filters, the text search and the sorts. */
export type ListConfig<T extends Stored, Q extends Record<string, unknown>> = Pick<
  CrudConfig<T, Q>,
  'collection' | 'filters' | 'arrayKeys' | 'filter' | 'text' | 'cacheText' | 'sorts' | 'defaultSort'
>;

/** A parsed list query, without paging. */
export type ListQuery<Q> = Q & { q?: string; id?: string[]; sort: string };

/** Query keys that may repeat or hold a comma list. */
export function listArrayKeys(config: { arrayKeys?: readonly string[] | undefined }): string[] {
  return ['id', ...(config.arrayKeys ?? [])];
}

/** Per sorted view: its items' search texts (same order) and the last text query's matches. */
const viewTexts = new WeakMap<readonly object[], string[]>();
const lastTextMatch = new WeakMap<readonly object[], { q: string; indices: number[] }>();

/**
 * Every item a list query selects, filtered and sorted, not paged: the list endpoint pages it,
 * an export takes it whole. One function, so the two never disagree.
 */
export function selectItems<T extends Stored, Q extends Record<string, unknown>>(
  config: ListConfig<T, Q>,
  query: ListQuery<Q>,
): T[] {
  const ids = query.id ? new Set(query.id) : undefined;
  const matches = config.filter?.(query);
  const cache = config.cacheText ?? true;
  // Filtering a sorted view keeps its order: no sort per request.
  let items = sortedView(config.collection.all(), query.sort, config.sorts, cache);
  const text = textMatcher(query.q, config.text, cache);
  if (text && cache) {
    // The view's search texts sit in an array beside it (no lookup per item), and someone typing
    // "lap", "lapo", "lapor" narrows the previous matches instead of searching everything again.
    const view = items;
    let texts = viewTexts.get(view);
    if (!texts) {
      texts = view.map(searchText(config.text));
      viewTexts.set(view, texts);
    }
    const q = normalizeText(query.q ?? '').trim();
    const words = q.split(/\s+/).filter(Boolean);
    const hit = (i: number) => words.every((w) => (texts as string[])[i]?.includes(w));
    const last = lastTextMatch.get(view);
    const indices: number[] = [];
    if (last && q.startsWith(last.q)) {
      for (const i of last.indices) if (hit(i)) indices.push(i);
    } else {
      for (let i = 0; i < view.length; i += 1) if (hit(i)) indices.push(i);
    }
    lastTextMatch.set(view, { q, indices });
    items = indices.map((i) => view[i] as T);
  } else if (text) {
    items = items.filter(text);
  }
  const keep = (item: T) => (!ids || ids.has(item.id)) && (!matches || matches(item));
  if (!ids && !matches) return items;
  if (items !== view0(config, query, cache)) return items.filter(keep);
  // No text search narrowed the view: test every item in storage order (objects that sit together
  // in memory, several times faster than visiting them in sorted order), mark each match at its
  // place in the sorted view, then read the marks in order. The same result as filtering the view.
  const view = items;
  const kept = config.collection.all().filter(keep);
  if (kept.length === view.length) return view; // nothing filtered out (no filter set)
  const rank = ranksOf(view);
  const marks = new Uint8Array(view.length);
  for (const item of kept) marks[rank.get(item) as number] = 1;
  const out: T[] = [];
  for (let i = 0; i < marks.length; i += 1) if (marks[i] === 1) out.push(view[i] as T);
  return out;
}

/** The sorted view a query starts from (cached per store array, so this is a lookup). */
function view0<T extends Stored, Q extends Record<string, unknown>>(config: ListConfig<T, Q>, query: ListQuery<Q>, cache: boolean): T[] | undefined {
  return cache ? sortedView(config.collection.all(), query.sort, config.sorts, true) : undefined;
}

/** Each item's place in a sorted view, kept beside the view. */
const viewRanks = new WeakMap<readonly object[], Map<object, number>>();
function ranksOf<T extends object>(view: readonly T[]): Map<object, number> {
  let ranks = viewRanks.get(view);
  if (!ranks) {
    ranks = new Map();
    for (let i = 0; i < view.length; i += 1) ranks.set(view[i] as T, i);
    viewRanks.set(view, ranks);
  }
  return ranks;
}

export function registerCrud<T extends Stored, Q extends Record<string, unknown>>(
  app: Hono,
  deps: ApiDeps,
  config: CrudConfig<T, Q>,
): void {
  const { store } = deps;
  const querySchema = listQuerySchema(config.filters, Object.keys(config.sorts), config.defaultSort);
  const arrayKeys = listArrayKeys(config);

  app.get(config.path, (c) => {
    const url = new URL(c.req.url);
    const query = parseWith(querySchema, searchParamsToObject(url, arrayKeys)) as ListQuery<Q> & {
      limit: number;
      cursor?: number;
    };
    return json(pageOf(selectItems(config, query), query.limit, query.cursor ?? 0));
  });

  app.get(`${config.path}/:id`, (c) => {
    const item = config.collection.get(c.req.param('id'));
    if (!item) throw problems.notFound(config.label);
    return json(item, { headers: { etag: etag(item.version) } });
  });

  const { create, patch: patchSchema, actions } = config;
  if (create && actions?.create) deps.rules.declare('POST', config.path, { action: actions.create });
  if (patchSchema && actions?.patch) deps.rules.declare('PATCH', `${config.path}/:id`, { action: actions.patch });

  if (create) app.post(config.path, (c) =>
    withIdempotency(deps, c.req.raw, async (body, respond) => {
      const actor = await deps.actor(c.req.raw);
      const input = parseWith(create, body) as Record<string, unknown>;
      checkRefs(config.refs(input));
      return store.transaction(() => {
        const id = config.clientId ? String(input.id) : store.nextId(config.prefix);
        if (config.collection.get(id)) {
          throw problems.validation([fieldError('id', 'duplicate')]);
        }
        const at = deps.now().toISOString();
        const meta = { id, version: 1, createdAt: at, updatedAt: at };
        const item = compact(config.build ? config.build(input, meta, actor) : ({ ...input, ...meta } as unknown as T));
        config.collection.insert(item);
        return respond(item, {
          status: 201,
          headers: { location: `/api${config.path}/${id}`, etag: etag(item.version) },
        });
      }, { actorId: actor.id });
    }),
  );

  if (patchSchema) app.patch(`${config.path}/:id`, async (c) => {
    const actor = await deps.actor(c.req.raw);
    const found = config.collection.get(c.req.param('id'));
    if (!found) throw problems.notFound(config.label);
    requireCurrentVersion(c.req.raw, found);
    const { value } = await readJson(c.req.raw);
    // Reading the body awaited: another edit may have landed meanwhile. From here on nothing
    // awaits, so the version checked now is the one replaced.
    const current = config.collection.get(c.req.param('id')) ?? found;
    requireCurrentVersion(c.req.raw, current);
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
    const merged = compact({ ...current, ...patch }) as Record<string, unknown>;
    for (const key of cleared) delete merged[key];
    if (config.whole) {
      const whole = parseWith(config.whole, (config.inputOf ?? withoutMeta)(merged as unknown as T)) as Record<string, unknown>;
      // A cleared field with a default (a list, a flag, the time zone) takes its default, so a
      // stored resource is always whole.
      for (const key of cleared) if (whole[key] !== undefined) merged[key] = whole[key];
    }
    checkRefs(config.refs(patch));
    const crossErrors = config.checkPatch?.(merged as unknown as T, current) ?? [];
    if (crossErrors.length > 0) throw problems.validation(crossErrors);
    const taken = config.checkUnique?.(merged as unknown as T, current) ?? [];
    if (taken.length > 0) throw problems.duplicate(taken);
    const currentFields = current as Record<string, unknown>;
    const changed =
      cleared.some((key) => currentFields[key] !== undefined) ||
      Object.keys(patch).some((key) => JSON.stringify(currentFields[key]) !== JSON.stringify(patch[key]));
    if (!changed) return json(current, { headers: { etag: etag(current.version) } });
    const next = { ...(merged as unknown as T), version: current.version + 1, updatedAt: deps.now().toISOString() };
    store.transaction(() => config.collection.replace(next), { actorId: actor.id });
    await config.afterPatch?.(next, current);
    return json(next, { headers: { etag: etag(next.version) } });
  });
}
