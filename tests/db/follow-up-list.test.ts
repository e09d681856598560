import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../mocks/generator';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, PRIORITIES } from '../../src/domain/follow-up';
import type { ApiDeps } from '../../server/context';
import type { Database } from '../../server/db/engine';
import { FOLLOW_UP_SORTS, listFollowUps, type FollowUpListQuery } from '../../server/db/follow-up-list';
import { decodeCursor, encodeCursor } from '../../server/db/lists';
import { writeSnapshot } from '../../server/db/snapshot';
import { createMemoryStore } from '../../server/memory-store';
import { selectItems } from '../../server/routes/crud';
import { followUpListing } from '../../server/routes/follow-ups';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

const TODAY = '2025-11-01';
const data = generateSnapshot({ seed: 31, followUps: 900, meetings: 150, partnerships: 10 });
const memory = createMemoryStore(data);
const listing = followUpListing({ store: memory, today: () => TODAY } as unknown as ApiDeps);

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

/** Every page of a SQL list, following nextCursor: the ids in order and each page's total. */
async function walk(query: FollowUpListQuery, limit: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await listFollowUps(database.db, database.engine, query, { limit, cursor }, TODAY);
    if (page === 'invalidCursor') throw new Error('invalid cursor');
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i) => i.id));
    totals.add(page.total);
    if (!page.nextCursor) return { ids, totals };
    cursor = page.nextCursor;
  }
  throw new Error('paging never ends');
}

const words = ['menyusun', 'laporan', 'generated', 'naskah kerja', 'forum', '#12', 'binzhou', 'zzz', 'ANGGARAN', 'teknis'];
const sectorIds = data.sectors.map((s) => s.id);
const ownerIds = data.users.map((u) => u.id);
const partnershipIds = data.partnerships.map((p) => p.id);
const meetingIds = data.meetings.slice(0, 40).map((m) => m.id);

/** A filter is set in about one query in four, so most queries find rows, often pages of them. */
const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

const queryArbitrary = fc
  .record({
    status: sometimes(fc.subarray([...FOLLOW_UP_STATUSES], { minLength: 1 })),
    priority: sometimes(fc.subarray([...PRIORITIES], { minLength: 1 })),
    sectorId: sometimes(fc.constantFrom(...sectorIds)),
    partnershipId: sometimes(fc.constantFrom(...partnershipIds)),
    ownerId: sometimes(fc.constantFrom(...ownerIds)),
    meetingId: sometimes(fc.constantFrom(...meetingIds)),
    due: sometimes(fc.constantFrom(...DUE_WINDOWS)),
    agreedFrom: sometimes(fc.constantFrom('2021-06-01', '2023-01-01', '2025-01-01')),
    agreedTo: sometimes(fc.constantFrom('2022-12-31', '2024-06-30', '2026-12-31')),
    q: sometimes(fc.constantFrom(...words)),
    sort: fc.constantFrom(...FOLLOW_UP_SORTS.flatMap((s) => [s, `-${s}`])),
  })
  .map((query) => Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as FollowUpListQuery);

describe.runIf(engineAvailable)(`follow-up lists in SQL on ${ENGINE}`, () => {
  it('select, order and count exactly as the list always has, page after page', async () => {
    const sizes: number[] = [];
    await fc.assert(
      fc.asyncProperty(queryArbitrary, fc.integer({ min: 15, max: 100 }), async (query, limit) => {
        const expected = selectItems(listing, query).map((f) => f.id);
        const { ids, totals } = await walk(query, limit);
        expect(ids).toEqual(expected);
        expect([...totals]).toEqual([expected.length]);
        sizes.push(expected.length);
      }),
      { numRuns: ENGINE === 'postgres' ? 40 : 80, seed: 4242 },
    );
    // The property means something only if many queries find rows, several pages of them.
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThan(sizes.length / 3);
    expect(sizes.filter((n) => n > 100).length).toBeGreaterThan(sizes.length / 10);
  }, 60_000);

  it('agrees with the list on the broad queries a user starts from', async () => {
    const broad: FollowUpListQuery[] = FOLLOW_UP_SORTS.flatMap((sort) => [
      { sort },
      { sort: `-${sort}` },
      { sort, status: ['open', 'in-progress'], sectorId: 'education' },
      { sort: `-${sort}`, due: 'overdue' },
      { sort, q: 'laporan' },
    ]);
    for (const query of broad) {
      const expected = selectItems(listing, query).map((f) => f.id);
      const { ids, totals } = await walk(query, 97);
      expect(ids, JSON.stringify(query)).toEqual(expected);
      expect([...totals]).toEqual([expected.length]);
    }
  }, 60_000);

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
