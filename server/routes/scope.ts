import type { Hono } from 'hono';
import { API_BASE, type ApiDeps } from '../context';
import { fieldError } from '../../src/domain/validation';
import { homeOutside, homeRegionIds, homeRegionOfRecord, outsideScope, type ScopedKind } from '../db/scope';
import type { RefCheck } from '../http';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { problems } from '../problem';
import type { StoredAnswer } from '../db/idempotency';

/** The resources a path can name by id, with the words that are routes rather than ids. */
const BY_ID: Record<string, { kind: ScopedKind; label: string; words: readonly string[] }> = {
  partnerships: { kind: 'partnership', label: 'Partnership', words: ['activity'] },
  meetings: { kind: 'meeting', label: 'Meeting', words: [] },
  'follow-ups': { kind: 'followUp', label: 'Follow-up', words: ['export.csv', 'export.ics', 'bulk'] },
  people: { kind: 'person', label: 'Person', words: [] },
};

/**
 * Another home government's record is not there for this user: before any handler, a request
 * naming a partnership, meeting, follow-up or person by id (`/partnerships/:id`, its timeline,
 * stage changes, open follow-ups; a meeting; a follow-up; a person) — read or write — gets the
 * same 404 as an unknown id when the record belongs to a government outside the user's
 * (server/db/scope.ts). Lists, search, figures, exports and history narrow their rows themselves.
 */
export function registerScopeGuard(app: Hono, deps: ApiDeps): void {
  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname.slice(API_BASE.length);
    const [, resource, id] = path.split('/');
    const target = resource ? BY_ID[resource] : undefined;
    if (target && id && !target.words.includes(id)) {
      const scope = await deps.scope(c.req.raw);
      if (await outsideScope(deps.store.db, scope, target.kind, decoded(id))) throw problems.notFound(target.label);
    }
    return next();
  });
}

/**
 * An answer stored under an Idempotency-Key is scoped again when replayed: the user may have
 * left the government of what it reports since it was stored. A created record now outside the
 * user's governments answers the 404 the guard gives by id, never the stored copy; in a bulk
 * change's answer, items outside them are reported as 404 failures, without their data.
 */
export async function rescopedReplay(deps: ApiDeps, request: Request, stored: StoredAnswer): Promise<StoredAnswer> {
  const scope = await deps.scope(request);
  if (scope === undefined) return stored;
  const path = new URL(request.url).pathname.slice(API_BASE.length);
  const [, resource, word] = path.split('/');
  const target = resource ? BY_ID[resource] : undefined;
  if (!target) return stored;
  const body = stored.body as Record<string, unknown> | null;
  if (resource === 'follow-ups' && word === 'bulk' && body && Array.isArray(body.updated) && Array.isArray(body.failed)) {
    const outside = async (item: unknown) => {
      const id = (item as { id?: unknown }).id;
      return typeof id === 'string' && (await outsideScope(deps.store.db, scope, 'followUp', id));
    };
    const { type, title, status } = problems.notFound(target.label).problem;
    const gone = (id: string) => ({ id, status, type, title });
    const updated: unknown[] = [];
    const failed: unknown[] = [];
    for (const item of body.updated) {
      if (await outside(item)) failed.push(gone((item as { id: string }).id));
      else updated.push(item);
    }
    for (const item of body.failed) failed.push((await outside(item)) ? gone((item as { id: string }).id) : item);
    return { ...stored, body: { ...body, updated, failed } };
  }
  if (word === undefined && body && typeof body.id === 'string' && (await outsideScope(deps.store.db, scope, target.kind, body.id))) {
    throw problems.notFound(target.label);
  }
  return stored;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A user's home governments as written: each must be a home region; none given on creation means
 * the only one when the deployment has exactly one, else the creating administrator's. A user who is not an administrator needs at least one
 * (administrators see every government anyway). Field errors otherwise, nothing saved.
 */
export async function checkUserHomeRegions(
  deps: ApiDeps,
  user: { role?: unknown; homeRegionIds?: readonly string[] | undefined },
  creating: boolean,
  creator?: { homeRegionIds: readonly string[] },
  /** Inside a write's transaction, its connection (SQLite has one: another would wait on it). */
  db: Kysely<DB> = deps.store.db,
): Promise<string[]> {
  const homes = await homeRegionIds(db);
  const given = [...new Set(user.homeRegionIds ?? [])];
  const errors = given.flatMap((id, i) => (homes.includes(id) ? [] : [fieldError(`homeRegionIds.${i}`, 'unknownReference')]));
  if (errors.length > 0) throw problems.validation(errors);
  if (given.length === 0 && creating && homes.length === 1) return homes;
  // Several governments and none chosen: the new user works where the administrator adding
  // them works (the users page always sends a choice; this keeps API clients working).
  if (given.length === 0 && creating && creator && creator.homeRegionIds.length > 0) return [...creator.homeRegionIds];
  if (given.length === 0 && user.role !== 'admin') throw problems.validation([fieldError('homeRegionIds', 'required')]);
  return given;
}

/**
 * For checkRefs: each record must exist and belong to one of the request's governments, else
 * `unknownReference` (a 400 that does not tell another government's record from a missing one).
 * Partnerships, and people: a home government's official counts as that government's; people of
 * partner regions and organisations are shared by every government (see `personIn`).
 */
export async function scopedRefChecks(deps: ApiDeps, request: Request, kind: ScopedKind, path: string, id: string | undefined): Promise<RefCheck[]> {
  return scopedRefChecksAll(deps, request, kind, [[path, id]]);
}

/** scopedRefChecks for many references of one kind (a meeting's participants), the scope read once. */
export async function scopedRefChecksAll(
  deps: ApiDeps,
  request: Request,
  kind: ScopedKind,
  refs: ReadonlyArray<readonly [path: string, id: string | undefined]>,
): Promise<RefCheck[]> {
  const given = refs.filter((ref): ref is readonly [string, string] => ref[1] !== undefined);
  if (given.length === 0) return [];
  const scope = await deps.scope(request);
  return Promise.all(
    given.map(async ([path, id]): Promise<RefCheck> => {
      const home = await homeRegionOfRecord(deps.store.db, kind, id);
      return [path, home !== undefined && !homeOutside(scope, home)];
    }),
  );
}

/**
 * For checkRefs: the region a person is filed under must exist and, when it is a home
 * government, be one the user works for (a partner region is anyone's).
 */
export async function personRegionChecks(deps: ApiDeps, request: Request, path: string, id: string | undefined): Promise<RefCheck[]> {
  if (id === undefined) return [];
  const region = await deps.store.db.selectFrom('regions').select('role').where('id', '=', id).executeTakeFirst();
  if (!region) return [[path, false]];
  return [[path, region.role !== 'home' || !homeOutside(await deps.scope(request), id)]];
}

/** For checkRefs: a home government the user works for (a region with the role `home`, in scope). */
export async function homeRegionChecks(deps: ApiDeps, request: Request, path: string, id: string | undefined): Promise<RefCheck[]> {
  if (id === undefined) return [];
  const scope = await deps.scope(request);
  const homes = await homeRegionIds(deps.store.db);
  return [[path, homes.includes(id) && (scope === undefined || scope.includes(id))]];
}

/**
 * The home government of a new partnership made from the visit form: the one given (checked by
 * homeRegionChecks), else the user's only one; with several (or none) a field error asks for a
 * choice, so nothing is assigned to a government silently.
 */
export async function chosenHomeRegion(deps: ApiDeps, request: Request, path: string, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const scope = await deps.scope(request);
  const homes = await homeRegionIds(deps.store.db);
  const options = scope === undefined ? homes : homes.filter((id) => scope.includes(id));
  if (options.length === 1) return options[0]!;
  throw problems.validation([fieldError(path, 'required')]);
}
