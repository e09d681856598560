import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from './schema';

/**
 * Home-government scoping in SQL (issue 15; who sees what is src/domain/home-governments.ts).
 * Every list, search, figure, export and history the API answers narrows its rows with these
 * conditions, and every route that names one record checks it with `homeRegionOfRecord`.
 *
 * A scope is the list of home regions a request covers, or `undefined` for every one.
 * Partnerships carry their home region; meetings and follow-ups (and the sector links, which
 * carry the follow-up's partnership) reach it through their partnership. A person of a home
 * region is that government's official; people of partner regions or organisations, and
 * organisations, are shared reference data (writes that name them: server/routes/scope.ts).
 */
export type HomeScope = readonly string[] | undefined;

const none = sql<SqlBool>`1 = 0`;
const regionsIn = (column: string, regions: readonly string[]) =>
  regions.length === 0 ? none : sql<SqlBool>`${sql.ref(column)} in (${sql.join(regions)})`;

/** Rows with a home region column (partnerships: `x.home_region_id`). */
export function homeRegionIn(column: string, scope: HomeScope): Expression<SqlBool>[] {
  return scope === undefined ? [] : [regionsIn(column, scope)];
}

/** Rows with a partnership column (meetings, follow-ups, sector links: `f.partnership_id`). */
export function partnershipIn(column: string, scope: HomeScope): Expression<SqlBool>[] {
  if (scope === undefined) return [];
  if (scope.length === 0) return [none];
  return [sql<SqlBool>`${sql.ref(column)} in (select sx.id from partnerships sx where sx.home_region_id in (${sql.join(scope)}))`];
}

/**
 * People: the host side of a visit belongs to its home government; a person of a home region
 * outside the scope is left out (partner-side people and organisations are shared).
 */
export function personIn(column: string, scope: HomeScope): Expression<SqlBool>[] {
  if (scope === undefined) return [];
  const outside = scope.length === 0
    ? sql<SqlBool>`${sql.ref(column)} in (select sr.id from regions sr where sr.role = 'home')`
    : sql<SqlBool>`${sql.ref(column)} in (select sr.id from regions sr where sr.role = 'home' and sr.id not in (${sql.join(scope)}))`;
  return [sql<SqlBool>`(${sql.ref(column)} is null or not ${outside})`];
}

/**
 * Audit entries (history and the trail): entries about a partnership, meeting, follow-up or
 * person of a government outside the scope are left out; reference data stays.
 */
export function auditIn(scope: HomeScope): Expression<SqlBool>[] {
  if (scope === undefined) return [];
  return [
    sql<SqlBool>`(entity not in ('partnership', 'meeting', 'followUp', 'person')
      or (entity = 'partnership' and entity_id in (select ax.id from partnerships ax where ${all(homeRegionIn('ax.home_region_id', scope))}))
      or (entity = 'meeting' and entity_id in (select am.id from meetings am where ${all(partnershipIn('am.partnership_id', scope))}))
      or (entity = 'followUp' and entity_id in (select af.id from follow_ups af where ${all(partnershipIn('af.partnership_id', scope))}))
      or (entity = 'person' and entity_id in (select ap.id from people ap where ${all(personIn('ap.region_id', scope))})))`,
  ];
}

function all(conditions: Expression<SqlBool>[]): Expression<SqlBool> {
  return conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

export type ScopedKind = 'partnership' | 'meeting' | 'followUp' | 'person';

/**
 * The home region a record belongs to: `undefined` when there is no such record, `null` when it
 * belongs to none (a partner-side person).
 */
export async function homeRegionOfRecord(db: Kysely<DB>, kind: ScopedKind, id: string): Promise<string | null | undefined> {
  switch (kind) {
    case 'partnership':
      return (await db.selectFrom('partnerships').select('home_region_id').where('id', '=', id).executeTakeFirst())?.home_region_id;
    case 'meeting':
      return homeRegionThroughPartnership(db, 'meetings', id);
    case 'followUp':
      return homeRegionThroughPartnership(db, 'follow_ups', id);
    case 'person': {
      const row = await db
        .selectFrom('people as p')
        .leftJoin('regions as r', 'r.id', 'p.region_id')
        .select(['p.region_id', 'r.role'])
        .where('p.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return row.role === 'home' ? row.region_id : null;
    }
  }
}

/** A meeting's or follow-up's home region: its partnership's (`undefined` when there is no such record). */
async function homeRegionThroughPartnership(db: Kysely<DB>, table: 'meetings' | 'follow_ups', id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('partnerships as x')
    .select('x.home_region_id')
    .where('x.id', '=', (eb) => eb.selectFrom(table).select('partnership_id').where('id', '=', id))
    .executeTakeFirst();
  return row?.home_region_id;
}

/** Whether a record of this home region (from homeRegionOfRecord) is outside the scope; a missing one is not. */
export function homeOutside(scope: HomeScope, home: string | null | undefined): boolean {
  return scope !== undefined && home !== undefined && home !== null && !scope.includes(home);
}

/** Whether a record is outside the scope (false for a record that does not exist: the route's own 404). */
export async function outsideScope(db: Kysely<DB>, scope: HomeScope, kind: ScopedKind, id: string): Promise<boolean> {
  if (scope === undefined) return false;
  return homeOutside(scope, await homeRegionOfRecord(db, kind, id));
}

/** The home regions (role `home`), in their order. */
export async function homeRegionIds(db: Kysely<DB>): Promise<string[]> {
  return (await db.selectFrom('regions').select('id').where('role', '=', 'home').orderBy('seq').execute()).map((r) => r.id);
}
