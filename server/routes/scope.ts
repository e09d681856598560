import type { Hono } from 'hono';
import { API_BASE, type ApiDeps } from '../context';
import { fieldError } from '../../src/domain/validation';
import { homeRegionIds, homeRegionOfRecord, outsideScope, type ScopedKind } from '../db/scope';
import type { RefCheck } from '../http';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { problems } from '../problem';

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

/** For checkRefs: each record must exist and belong to one of the request's governments. */
export async function scopedRefChecks(deps: ApiDeps, request: Request, kind: ScopedKind, path: string, id: string | undefined): Promise<RefCheck[]> {
  if (id === undefined) return [];
  const home = await homeRegionOfRecord(deps.store.db, kind, id);
  if (home === undefined) return [[path, false]];
  return [[path, !(await outsideScope(deps.store.db, await deps.scope(request), kind, id))]];
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
