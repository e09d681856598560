import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dueWindowBounds, FOLLOW_UP_STATUSES, OPEN_STATUSES, type DUE_WINDOWS, type PRIORITIES, type FollowUp } from '../../src/domain/follow-up';
import type { IsoDate } from '../../src/domain/dates';
import { normalizeText } from '../http';
import { matchesWords, type Engine } from './dialect';
import type { VersionedCache } from './cache';
import { pageOfRows, rankOf, searchWords, type ListSpec, type Page, type SortColumn } from './lists';
import { followUpMap, hydrate } from './mappers';
import type { DB } from './schema';

/** The follow-up list's filters, as GET /follow-ups and its exports parse them. */
export type FollowUpQuery = {
  status?: FollowUp['status'][];
  priority?: FollowUp['priority'][];
  sectorId?: string;
  partnershipId?: string;
  ownerId?: string;
  meetingId?: string;
  due?: (typeof DUE_WINDOWS)[number];
  agreedFrom?: string;
  agreedTo?: string;
  /** "no": open items not yet assigned (no owner); "yes": items with an owner. */
  assigned?: 'no' | 'yes';
};

/** A follow-up list query as the API parses it (server/routes/follow-ups.ts), without paging. */
export type FollowUpListQuery = FollowUpQuery & { q?: string | undefined; id?: string[] | undefined; sort: string };

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
  if (query.due) {
    const bounds = dueWindowBounds(query.due, today);
    if (bounds === 'none') where.push(sql<SqlBool>`f.due_date is null`);
    else {
      where.push(inList('f.status', OPEN_STATUSES));
      if (bounds.from) where.push(sql<SqlBool>`f.due_date >= ${bounds.from}`);
      where.push(sql<SqlBool>`f.due_date <= ${bounds.to}`);
    }
  }
  if (query.agreedFrom) where.push(sql<SqlBool>`f.agreed_on >= ${query.agreedFrom}`);
  if (query.agreedTo) where.push(sql<SqlBool>`f.agreed_on <= ${query.agreedTo}`);
  const words = searchWords(query.q, normalizeText);
  if (words.length > 0) where.push(matchesWords(engine, 'follow_ups', 'f', words));
  return where;
}

export const FOLLOW_UP_LIST: ListSpec = { table: 'follow_ups', alias: 'f', sorts: SORTS };

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
    const found = await pageOfRows(db, FOLLOW_UP_LIST, [...followUpConditions(engine, query, today), ...extra], query.sort, page);
    if (found === 'invalidCursor') return found;
    const items = (await hydrate(db, followUpMap, found.rows, { without: ['history'] })).map(({ history: _history, ...item }) => item);
    return { items, total: found.total, nextCursor: found.nextCursor };
  };
  return cache ? cache.get(db, `follow-ups ${JSON.stringify([query, page, today])}`, read) : read();
}
