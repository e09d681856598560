import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../server/app';
import type { Database } from '../../server/db/engine';
import { LISTINGS, listResources, type ListingName } from '../../server/db/listings';
import { writeSnapshot } from '../../server/db/snapshot';
import { IDS } from '../../server/seed/demo-data';
import {
  apiListIds,
  dataSet,
  digestIds,
  fingerprint,
  LISTING_NAMES,
  listingCases,
  LISTINGS_DATA,
  NOW,
  readGolden,
  type ListingGolden,
  type ListingQuery,
} from '../support/golden-queries';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

/**
 * The resource lists in SQL answer what the previous release's API listed (its JavaScript list
 * engine over the in-memory store): the same items, order and total for every filter, sort and
 * text search. Those answers were recorded once, for a fixed set of queries per resource, in
 * tests/fixtures/golden/listings.json (tests/support/make-golden.mts).
 */
const golden = readGolden<ListingGolden>('listings.json');
const data = dataSet(LISTINGS_DATA);

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

async function sqlIds(name: ListingName, query: ListingQuery, limit: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await listResources<{ id: string }>(database.db, database.engine, name, query, { limit, cursor });
    if (page === 'invalidCursor') throw new Error('invalid cursor');
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (page.nextCursor) expect(page.items.length).toBe(limit);
    ids.push(...page.items.map((i) => i.id));
    totals.add(page.total);
    if (!page.nextCursor) return { ids, totals: [...totals] };
    cursor = page.nextCursor;
  }
  throw new Error('paging never ends');
}

describe('the recorded answers', () => {
  it('were made from this data set, for every resource list', () => {
    expect(golden.data.params).toEqual(LISTINGS_DATA);
    expect(fingerprint(data), 'the generator changed: record the answers again (tests/fixtures/golden/README.md)').toBe(golden.data.sha256);
    expect([...LISTING_NAMES].sort()).toEqual(Object.keys(LISTINGS).sort());
    for (const name of LISTING_NAMES) {
      const cases = golden.cases.filter((c) => c.name === name);
      // Most queries must find something, or the comparison proves little.
      expect(cases.filter((c) => c.total > 0).length, name).toBeGreaterThan(cases.length / 2);
    }
  });
});

describe.runIf(engineAvailable)(`resource lists in SQL on ${ENGINE}`, () => {
  // One replay of the recorded queries per engine, through the API (its query parsing and
  // cursors) over the SQL lists, at each query's recorded page size.
  it.each(LISTING_NAMES)('GET /api/%s: the same items, order and total as the previous release listed, page after page', async (name) => {
    const api = createApi({ database, now: () => NOW });
    const cases = golden.cases.filter((c) => c.name === name);
    expect(cases.length).toBeGreaterThan(0);
    for (const { path, query, limit, name: _name, ...expected } of cases) {
      const { ids, totals } = await apiListIds(api, path, query, IDS.admin, limit);
      expect.soft(digestIds(ids), `${path} ${JSON.stringify(query)} limit ${limit}`).toEqual(expected);
      expect.soft(totals, `${path} ${JSON.stringify(query)}`).toEqual([expected.total]);
    }
  }, 120_000);

  it.each(listingCases(data))('$name: any query walks in disjoint pages that together are the whole list, for any page size', async ({ name, query }) => {
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 1, max: 40 }), async (q, limit) => {
        const whole = await sqlIds(name, q, 1000);
        const paged = await sqlIds(name, q, limit);
        expect(paged.ids).toEqual(whole.ids);
        expect(new Set(paged.ids).size).toBe(paged.ids.length);
        expect(paged.totals).toEqual([paged.ids.length]);
      }),
      { numRuns: ENGINE === 'postgres' ? 10 : 20, seed: 123 },
    );
  }, 60_000);
});
