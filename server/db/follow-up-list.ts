import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dueWindowBounds, FOLLOW_UP_STATUSES, OPEN_STATUSES, type DUE_WINDOWS, type PRIORITIES, type FollowUp } from '../../src/domain/follow-up';
import type { IsoDate } from '../../src/domain/dates';
import { normalizeText } from '../http';
import { matchesWords, type Engine } from './dialect';
import type { VersionedCache } from './cache';
import { pageByKeyset, pageOfRows, parseSort, rankOf, searchWords, type ListSpec, type Page, type SortColumn } from './lists';
import { followUpMap, hydrate } from './mappers';
import type { DB } from './schema';
import { partnershipIn, type HomeScope } from './scope';

/** The follow-up list's filters, as GET /follow-ups and its exports parse them. */
export type FollowUpQuery = {
  status?: FollowUp['status'][];
  priority?: FollowUp['priority'][];
  sectorId?: string;
  partnershipId?: string;
  ownerId?: string;
  meetingId?: string;
  /** One of the user's home governments (server/db/scope.ts narrows to it). */
  homeRegionId?: string;
  due?: (typeof DUE_WINDOWS)[number];
  agreedFrom?: string;
  agreedTo?: string;
  /** "no": open items not yet assigned (no owner); "yes": items with an owner. */
  assigned?: 'no' | 'yes';
};

/** A follow-up list query as the API parses it (server/routes/follow-ups.ts), without paging. */
export type FollowUpListQuery = FollowUpQuery & {
  q?: string | undefined;
  id?: string[] | undefined;
  sort: string;
  /** The home governments the request covers (server/db/scope.ts); never from the URL. */
  homeRegionIds?: HomeScope;
};

/** A list item: the follow-up without its full history (the detail page reads that). */
export type FollowUpListItem = Omit<FollowUp, 'history'>;

const PRIORITY_ORDER = ['high', 'normal', 'low'] as const satisfies ReadonlyArray<(typeof PRIORITIES)[number]>;

const SORTS: Record<string, SortColumn> = {
  dueDate: { expr: sql.ref('f.due_date'), nullable: true, kind: 'day' },
  priority: { expr: rankOf(sql.ref('f.priority'), PRIORITY_ORDER), nullable: false, kind: 'number' },
  status: { expr: rankOf(sql.ref('f.status'), FOLLOW_UP_STATUSES), nullable: false, kind: 'number' },
  title: { expr: sql`lower(${sql.ref('f.title')})`, nullable: false },
  updatedAt: { expr: sql.ref('f.updated_at'), nullable: false, kind: 'instant' },
  createdAt: { expr: sql.ref('f.created_at'), nullable: false, kind: 'instant' },
};

export const FOLLOW_UP_SORTS = Object.keys(SORTS);


/**
 * The due window (as of `today`: "overdue" and the like count open items only) and the agreed
 * period, on the follow-ups (`f`) or on a sector's links (`s`), which carry the same columns.
 */
function dueAndAgreed(alias: 'f' | 's', query: Pick<FollowUpListQuery, 'due' | 'agreedFrom' | 'agreedTo'>, today: IsoDate): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  if (query.due) {
    const bounds = dueWindowBounds(query.due, today);
    if (bounds === 'none') where.push(sql<SqlBool>`${column('due_date')} is null`);
    else {
      where.push(sql<SqlBool>`${column('status')} in (${sql.join(OPEN_STATUSES)})`);
      if (bounds.from) where.push(sql<SqlBool>`${column('due_date')} >= ${bounds.from}`);
      where.push(sql<SqlBool>`${column('due_date')} <= ${bounds.to}`);
    }
  }
  if (query.agreedFrom) where.push(sql<SqlBool>`${column('agreed_on')} >= ${query.agreedFrom}`);
  if (query.agreedTo) where.push(sql<SqlBool>`${column('agreed_on')} <= ${query.agreedTo}`);
  return where;
}

/**
 * The WHERE of a follow-up list: the same rules as the list's filters have always had (status,
 * priority, sector, partnership, owner, meeting, due window as of `today`, agreed period, ids,
 * text), each a condition the database answers from its indexes.
 */
export function followUpConditions(engine: Engine, query: FollowUpListQuery, today: IsoDate): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  const inList = (column: string, values: readonly string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  if (query.status?.length) where.push(inList('f.status', query.status));
  if (query.priority?.length) where.push(inList('f.priority', query.priority));
  if (query.id?.length) where.push(inList('f.id', query.id));
  if (query.partnershipId) where.push(sql<SqlBool>`f.partnership_id = ${query.partnershipId}`);
  if (query.ownerId) where.push(sql<SqlBool>`f.owner_id = ${query.ownerId}`);
  where.push(...partnershipIn('f.partnership_id', query.homeRegionIds));
  if (query.assigned === 'no') where.push(sql<SqlBool>`f.owner_id is null`, inList('f.status', OPEN_STATUSES));
  if (query.assigned === 'yes') where.push(sql<SqlBool>`f.owner_id is not null`);
  if (query.sectorId) {
    // IN (subquery), not EXISTS: the planner may start from the sector's links (a few thousand
    // of 50,000 rows) instead of testing every row of a status.
    // The links carry the follow-up's status and partnership (server/db/mappers.ts): narrowing
    // here lets the index (sector, status, due date) hand over only the rows wanted.
    const narrow = [
      ...(query.status?.length ? [sql<SqlBool>`s.status in (${sql.join(query.status)})`] : []),
      ...(query.partnershipId ? [sql<SqlBool>`s.partnership_id = ${query.partnershipId}`] : []),
    ];
    where.push(
      sql<SqlBool>`f.id in (select s.owner_id from follow_up_sectors s where s.sector_id = ${query.sectorId}${sql.join(
        narrow.map((c) => sql` and ${c}`),
        sql``,
      )})`,
    );
  }
  if (query.meetingId) {
    where.push(sql<SqlBool>`f.id in (select m.follow_up_id from follow_up_meetings m where m.meeting_id = ${query.meetingId})`);
  }
  where.push(...dueAndAgreed('f', query, today));
  const words = searchWords(query.q, normalizeText);
  if (words.length > 0) where.push(matchesWords(engine, 'follow_ups', 'f', words));
  return where;
}

export const FOLLOW_UP_LIST: ListSpec = { table: 'follow_ups', alias: 'f', sorts: SORTS };

// ---------------------------------------------------------------------------------------------
// A sector's list, read from its links

/**
 * The sorts the sector links can give in order themselves: they carry each follow-up's due date
 * (server/db/mappers.ts keeps status, due date, agreed day and partnership in step).
 */
const LINK_SORTS: Record<string, SortColumn> = {
  dueDate: { expr: sql.ref('s.due_date'), nullable: true, kind: 'day' },
};

/**
 * The filters of a sector's list that the links answer alone (`s`), and the query of what is
 * left for the follow-up rows themselves (`f`: priority, owner, meeting, ids, text).
 */
function splitForLinks(query: FollowUpListQuery & { sectorId: string }, today: IsoDate): { link: Expression<SqlBool>[]; rest: FollowUpListQuery } {
  const link: Expression<SqlBool>[] = [sql<SqlBool>`s.sector_id = ${query.sectorId}`];
  const inList = (column: string, values: readonly string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
  if (query.status?.length) link.push(inList('s.status', query.status));
  if (query.partnershipId) link.push(sql<SqlBool>`s.partnership_id = ${query.partnershipId}`);
  link.push(...dueAndAgreed('s', query, today));
  const { sectorId: _sector, status: _status, partnershipId: _partnership, due: _due, agreedFrom: _from, agreedTo: _to, ...rest } = query;
  return { link, rest };
}

/**
 * A sector's follow-up list in due-date order (`?sectorId=education&status=open,in-progress&
 * sort=-dueDate`: the dashboard's drill-downs and an officer's everyday list): the page's ids come
 * from the links' index (sector, status, due date, id) in keyset order, and only those rows are
 * then read from follow_ups, instead of every matching follow-up fetched and sorted to keep 25.
 * Filters the links do not carry join the follow-up row for each link walked. On 50,000
 * follow-ups: 10 ms → 0.3 ms on SQLite. The cursor is the general list's (same sort, value, id).
 */
async function pageFromSectorLinks(
  db: Kysely<DB>,
  engine: Engine,
  query: FollowUpListQuery & { sectorId: string },
  page: { limit: number; cursor?: string | undefined; skipTotal?: boolean },
  today: IsoDate,
  extra: Expression<SqlBool>[],
): Promise<{ rows: Record<string, unknown>[]; total: number; nextCursor: string | null } | 'invalidCursor'> {
  const { link, rest } = splitForLinks(query, today);
  const others = [...followUpConditions(engine, rest, today), ...extra];
  const found = await pageByKeyset(db, {
    from: others.length === 0 ? sql`follow_up_sectors as s` : sql`follow_up_sectors as s join follow_ups as f on f.id = s.owner_id`,
    select: sql`s.owner_id as id`,
    id: sql.ref('s.owner_id'),
    column: LINK_SORTS[parseSort(query.sort).key]!,
    where: [...link, ...others],
    sort: query.sort,
    page,
  });
  if (found === 'invalidCursor' || found.rows.length === 0) return found;
  const ids = found.rows.map((row) => row.id as string);
  const { rows } = await sql<Record<string, unknown>>`select * from follow_ups where id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  return { ...found, rows: ids.flatMap((id): Record<string, unknown>[] => {
      const row = byId.get(id);
      return row ? [row] : [];
    }) };
}

/** One page of a follow-up list, its total, and the cursor of the next page. */
export async function listFollowUps(
  db: Kysely<DB>,
  engine: Engine,
  query: FollowUpListQuery,
  page: { limit: number; cursor?: string | undefined; skipTotal?: boolean },
  today: IsoDate,
  cache?: VersionedCache,
  extra: Expression<SqlBool>[] = [],
): Promise<Page<FollowUpListItem> | 'invalidCursor'> {
  const read = async (): Promise<Page<FollowUpListItem> | 'invalidCursor'> => {
    const found = query.sectorId && LINK_SORTS[parseSort(query.sort).key]
      ? await pageFromSectorLinks(db, engine, { ...query, sectorId: query.sectorId }, page, today, extra)
      : await pageOfRows(db, FOLLOW_UP_LIST, [...followUpConditions(engine, query, today), ...extra], query.sort, page);
    if (found === 'invalidCursor') return found;
    const items = (await hydrate(db, followUpMap, found.rows, { without: ['history'] })).map(({ history: _history, ...item }) => item);
    return { items, total: found.total, nextCursor: found.nextCursor };
  };
  return cache ? cache.get(db, `follow-ups ${JSON.stringify([query, page, today])}`, read) : read();
}
