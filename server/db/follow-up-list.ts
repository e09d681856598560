import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { dueWindowBounds, FOLLOW_UP_STATUSES, OPEN_STATUSES, type PRIORITIES, type FollowUp } from '../../src/domain/follow-up';
import type { IsoDate } from '../../src/domain/dates';
import { normalizeText } from '../http';
import type { FollowUpQuery } from '../routes/follow-ups';
import { matchesWords, type Engine } from './dialect';
import type { VersionedCache } from './cache';
import { decodeCursor, encodeCursor, pageParts, parseSort, rankOf, searchWords, type Page, type SortColumn } from './lists';
import { followUpMap, hydrate } from './mappers';
import type { DB } from './schema';

/** A follow-up list query as the API parses it (server/routes/follow-ups.ts), without paging. */
export type FollowUpListQuery = FollowUpQuery & { q?: string | undefined; id?: string[] | undefined; sort: string };

/** A list item: the follow-up without its full history (the detail page reads that). */
export type FollowUpListItem = Omit<FollowUp, 'history'>;

const PRIORITY_ORDER = ['high', 'normal', 'low'] as const satisfies ReadonlyArray<(typeof PRIORITIES)[number]>;

const SORTS: Record<string, SortColumn> = {
  dueDate: { expr: sql.ref('f.due_date'), nullable: true },
  priority: { expr: rankOf(sql.ref('f.priority'), PRIORITY_ORDER), nullable: false },
  status: { expr: rankOf(sql.ref('f.status'), FOLLOW_UP_STATUSES), nullable: false },
  title: { expr: sql`lower(${sql.ref('f.title')})`, nullable: false },
  updatedAt: { expr: sql.ref('f.updated_at'), nullable: false },
  createdAt: { expr: sql.ref('f.created_at'), nullable: false },
};

export const FOLLOW_UP_SORTS = Object.keys(SORTS);

const ID = sql.ref('f.id');

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
  if (query.sectorId) {
    // IN (subquery), not EXISTS: the planner may start from the sector's links (a few thousand
    // of 50,000 rows) instead of testing every row of a status.
    where.push(sql<SqlBool>`f.id in (select s.owner_id from follow_up_sectors s where s.sector_id = ${query.sectorId})`);
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

const all = (conditions: Expression<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

/** One page of a follow-up list, its total, and the cursor of the next page. */
export async function listFollowUps(
  db: Kysely<DB>,
  engine: Engine,
  query: FollowUpListQuery,
  page: { limit: number; cursor?: string | undefined },
  today: IsoDate,
  cache?: VersionedCache,
): Promise<Page<FollowUpListItem> | 'invalidCursor'> {
  const { key, descending } = parseSort(query.sort);
  const column = SORTS[key];
  if (!column) throw new Error(`unknown follow-up sort ${query.sort}`);
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  if (page.cursor !== undefined && (!after || after.sort !== query.sort)) return 'invalidCursor';
  const read = () => readPage(db, engine, query, column, descending, after, page.limit, today);
  return cache ? cache.get(db, `follow-ups ${JSON.stringify([query, page, today])}`, read) : read();
}

async function readPage(
  db: Kysely<DB>,
  engine: Engine,
  query: FollowUpListQuery,
  column: SortColumn,
  descending: boolean,
  after: ReturnType<typeof decodeCursor>,
  limit: number,
  today: IsoDate,
): Promise<Page<FollowUpListItem>> {
  const where = followUpConditions(engine, query, today);
  const count = db
    .selectFrom('follow_ups as f')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where(all(where))
    .executeTakeFirstOrThrow();
  const rows: Array<Record<string, unknown>> = [];
  for (const part of pageParts(column, descending, ID, after)) {
    const wanted = limit + 1 - rows.length;
    if (wanted <= 0) break;
    rows.push(
      ...((await db
        .selectFrom('follow_ups as f')
        .selectAll('f')
        .select(sql<string | number | null>`${column.expr}`.as('sort_value'))
        .where(all([...where, ...part.where]))
        .orderBy(part.order)
        .limit(wanted)
        .execute()) as Array<Record<string, unknown>>),
    );
  }
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  const items = (await hydrate(db, followUpMap, shown, { without: ['history'] })).map(({ history: _history, ...item }) => item);
  return {
    items,
    total: Number((await count).total),
    nextCursor:
      more && last ? encodeCursor({ sort: query.sort, value: normalizeSortValue(last.sort_value), id: last.id as string }) : null,
  };
}
/** Numbers from a CASE come back as numbers or numeric strings depending on the driver. */
function normalizeSortValue(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}
