import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOLLOW_UP_STATUSES } from '../../src/domain/follow-up';
import { createApi } from '../../server/app';
import type { Database } from '../../server/db/engine';
import { FOLLOW_UP_SORTS, listFollowUps, type FollowUpListItem, type FollowUpListQuery } from '../../server/db/follow-up-list';
import { decodeCursor, encodeCursor } from '../../server/db/lists';
import { writeSnapshot } from '../../server/db/snapshot';
import { IDS } from '../../server/seed/demo-data';
import {
  apiListIds,
  dataSet,
  digestIds,
  fingerprint,
  FOLLOW_UP_DATA,
  FOLLOW_UP_SORT_KEYS,
  followUpQueryArbitrary,
  NOW,
  readGolden,
  TODAY,
  type FollowUpGolden,
} from '../support/golden-queries';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

/**
 * The follow-up list in SQL answers what the previous release's list answered (its JavaScript
 * list engine over the in-memory store): the same items in the same order, the same total, for
 * every filter, sort and text search, page after page. Those answers were recorded once, for a
 * fixed set of queries, in tests/fixtures/golden/follow-up-list.json (tests/support/make-golden.mts).
 */
const golden = readGolden<FollowUpGolden>('follow-up-list.json');
const data = dataSet(FOLLOW_UP_DATA);

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

/** Every page of a SQL list, following nextCursor: the items in order and each page's total. */
async function walk(query: FollowUpListQuery, limit: number) {
  const items: FollowUpListItem[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await listFollowUps(database.db, database.engine, query, { limit, cursor }, TODAY);
    if (page === 'invalidCursor') throw new Error('invalid cursor');
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.items.length).toBe(limit);
    items.push(...page.items);
    totals.add(page.total);
    if (!page.nextCursor) return { items, ids: items.map((i) => i.id), totals: [...totals] };
    cursor = page.nextCursor;
  }
  throw new Error('paging never ends');
}

describe('the recorded answers', () => {
  it('were made from this data set, and cover every sort and filter', () => {
    expect(golden.data.params).toEqual(FOLLOW_UP_DATA);
    expect(fingerprint(data), 'the generator changed: record the answers again (tests/fixtures/golden/README.md)').toBe(golden.data.sha256);
    expect(golden.now.slice(0, 10)).toBe(TODAY);
    expect([...FOLLOW_UP_SORTS].sort()).toEqual([...FOLLOW_UP_SORT_KEYS].sort());
    const sorts = new Set(golden.cases.map((c) => c.query.sort));
    expect(sorts.size).toBe(FOLLOW_UP_SORT_KEYS.length * 2);
    for (const key of ['status', 'priority', 'sectorId', 'partnershipId', 'ownerId', 'meetingId', 'due', 'agreedFrom', 'agreedTo', 'q'])
      expect(golden.cases.filter((c) => key in c.query && c.total > 0).length, key).toBeGreaterThan(10);
    // The comparison means something only if many queries find rows, several pages of them.
    const sizes = golden.cases.map((c) => c.total);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(sizes.length / 2);
    expect(sizes.filter((n) => n > 100).length).toBeGreaterThan(sizes.length / 10);
  });
});

describe.runIf(engineAvailable)(`follow-up lists in SQL on ${ENGINE}`, () => {
  // One replay of the recorded queries per engine, through the API (its query parsing and
  // cursors) over the SQL list, at each query's recorded page size.
  it(`GET /api/follow-ups selects, orders and counts what the previous release listed (${golden.cases.length} recorded queries), page after page`, async () => {
    const api = createApi({ database, now: () => NOW });
    for (const { query, limit, ...expected } of golden.cases) {
      const { ids, totals } = await apiListIds(api, 'follow-ups', query, IDS.admin, limit);
      expect.soft(digestIds(ids), `${JSON.stringify(query)} limit ${limit}`).toEqual(expected);
      expect.soft(totals, JSON.stringify(query)).toEqual([expected.total]);
    }
  }, 300_000);

  it('walks any query in disjoint pages that together are the whole list, in one order for any page size', async () => {
    const queries = followUpQueryArbitrary(data);
    await fc.assert(
      fc.asyncProperty(queries, queries, fc.integer({ min: 1, max: 60 }), async (query, more, limit) => {
        const whole = await walk(query as FollowUpListQuery, 1000);
        const paged = await walk(query as FollowUpListQuery, limit);
        expect(paged.ids).toEqual(whole.ids);
        expect(new Set(paged.ids).size).toBe(paged.ids.length);
        expect(paged.totals).toEqual([paged.ids.length]);
        // Every item in order of the sort's key (items sharing a key follow the id).
        const key = sortKey(query.sort);
        const keys = paged.items.map(key);
        const descending = query.sort.startsWith('-');
        for (let i = 1; i < keys.length; i += 1) {
          const [a, b] = [keys[i - 1]!, keys[i]!];
          if (a === null || b === null) continue;
          expect(descending ? a >= b : a <= b, `${query.sort}: ${a} then ${b}`).toBe(true);
        }
        const nulls = keys.map((k) => k === null);
        expect(nulls.indexOf(true) === -1 || nulls.slice(nulls.indexOf(true)).every(Boolean) || nulls.slice(0, nulls.lastIndexOf(true) + 1).every(Boolean), 'nulls sit together at one end').toBe(true);
        // Another filter narrows the list and keeps its order.
        const narrower = { ...Object.fromEntries(Object.entries(more).filter(([k]) => k !== 'sort')), ...query } as FollowUpListQuery;
        const narrowed = await walk(narrower, limit);
        const positions = narrowed.ids.map((id) => whole.ids.indexOf(id));
        expect(positions.every((p) => p >= 0), 'a narrower query finds no item the wider one did not').toBe(true);
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
      }),
      { numRuns: ENGINE === 'postgres' ? 25 : 60, seed: 4242 },
    );
  }, 120_000);

  it('serves list items without their full history, with everything else', async () => {
    const page = await listFollowUps(database.db, database.engine, { sort: 'dueDate', id: [data.followUps[0]!.id] }, { limit: 5 }, TODAY);
    if (page === 'invalidCursor') throw new Error('unexpected');
    const { history: _history, ...rest } = data.followUps[0]!;
    expect(page.items).toEqual([rest]);
  });

  it('refuses a cursor that is not its own, or one read with another sort', async () => {
    const first = await listFollowUps(database.db, database.engine, { sort: 'title' }, { limit: 3 }, TODAY);
    if (first === 'invalidCursor' || !first.nextCursor) throw new Error('expected a next page');
    expect(decodeCursor(first.nextCursor)?.sort).toBe('title');
    for (const cursor of ['nonsense', 'bzEw', encodeCursor({ sort: 'title', value: 1, id: 'x' }).slice(0, 5)]) {
      expect(await listFollowUps(database.db, database.engine, { sort: 'title' }, { limit: 3, cursor }, TODAY)).toBe('invalidCursor');
    }
    expect(await listFollowUps(database.db, database.engine, { sort: '-title' }, { limit: 3, cursor: first.nextCursor }, TODAY)).toBe(
      'invalidCursor',
    );
  });
});

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

/** The value a sort orders by, as the list defines it (title: compared case-blind, checked by the recorded answers). */
function sortKey(sort: string): (item: FollowUpListItem) => string | number | null {
  switch (sort.replace(/^-/, '')) {
    case 'dueDate':
      return (f) => f.dueDate ?? null;
    case 'priority':
      return (f) => PRIORITY_RANK[f.priority];
    case 'status':
      return (f) => FOLLOW_UP_STATUSES.indexOf(f.status);
    case 'updatedAt':
      return (f) => f.updatedAt;
    case 'createdAt':
      return (f) => f.createdAt;
    default:
      return () => null;
  }
}
