import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { MEETING_KINDS } from '../../src/domain/meeting';
import { ORGANIZATION_KINDS } from '../../src/domain/organization';
import { PARTNERSHIP_TYPES, STAGES } from '../../src/domain/partnership';
import { REGION_LEVELS } from '../../src/domain/region';
import { ROLES } from '../../src/domain/user';
import { createApi } from '../../server/app';
import type { Database } from '../../server/db/engine';
import { listResources, type ListingName } from '../../server/db/listings';
import { writeSnapshot } from '../../server/db/snapshot';
import { createMemoryStore } from '../../server/memory-store';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

const NOW = new Date('2025-11-01T03:00:00.000Z');
const data = generateSnapshot({ seed: 77, followUps: 50, meetings: 400, partnerships: 30 });
const api = createApi({ store: createMemoryStore(data), now: () => NOW });

let database: Database;
beforeAll(async () => {
  if (!engineAvailable) return;
  database = await openTestDatabase();
  await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, data));
});
afterAll(async () => {
  await database?.close();
});

type Query = Record<string, unknown> & { sort: string };

/** Every id GET /api/<path> lists today (the JavaScript list over the memory store), page by page. */
async function apiIds(path: string, query: Query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  const ids: string[] = [];
  let total = -1;
  let cursor: string | null = null;
  do {
    if (cursor) params.set('cursor', cursor);
    params.set('limit', '100');
    const response = await api.fetch(new Request(`http://mitra.test/api/${path}?${params}`, { headers: { 'x-mitra-user': IDS.admin } }));
    const body = (await response.json()) as { items: Array<{ id: string }>; total: number; nextCursor: string | null };
    expect(response.status, JSON.stringify(body)).toBe(200);
    ids.push(...body.items.map((i) => i.id));
    total = body.total;
    cursor = body.nextCursor;
  } while (cursor);
  return { ids, total };
}

async function sqlIds(name: ListingName, query: Query, limit: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let pages = 0; pages < 500; pages += 1) {
    const page = await listResources<{ id: string }>(database.db, database.engine, name, query, { limit, cursor });
    if (page === 'invalidCursor') throw new Error('invalid cursor');
    ids.push(...page.items.map((i) => i.id));
    totals.add(page.total);
    if (!page.nextCursor) return { ids, totals: [...totals] };
    cursor = page.nextCursor;
  }
  throw new Error('paging never ends');
}

const sometimes = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });
const sectorIds = data.sectors.map((s) => s.id);
const sorts = (...keys: string[]) => fc.constantFrom(...keys.flatMap((k) => [k, `-${k}`]));

const CASES: Array<{ name: ListingName; path: string; query: fc.Arbitrary<Query> }> = [
  { name: 'sectors', path: 'sectors', query: fc.record({ q: sometimes(fc.constantFrom('pari', 'ekonomi', 'trade', 'an')), sort: sorts('id', 'name.id', 'name.en') }) },
  {
    name: 'regions',
    path: 'regions',
    query: fc.record({
      role: sometimes(fc.subarray(['home', 'partner'], { minLength: 1 })),
      level: sometimes(fc.subarray([...REGION_LEVELS], { minLength: 1 })),
      countryCode: sometimes(fc.constantFrom('CN', 'JP', 'KR', 'NL')),
      sectorId: sometimes(fc.constantFrom(...sectorIds)),
      q: sometimes(fc.constantFrom('generated', 'binzhou', '滨州', 'shandong', 'aster', '1')),
      sort: sorts('name', 'countryCode', 'updatedAt'),
    }),
  },
  { name: 'organizations', path: 'organizations', query: fc.record({ kind: sometimes(fc.subarray([...ORGANIZATION_KINDS], { minLength: 1 })), q: sometimes(fc.constantFrom('icbc', 'jakarta', 'council')), sort: sorts('name', 'updatedAt') }) },
  { name: 'people', path: 'people', query: fc.record({ regionId: sometimes(fc.constantFrom(IDS.tangerang, IDS.binzhou)), q: sometimes(fc.constantFrom('intan', 'wakil', 'qu')), sort: sorts('name', 'updatedAt') }) },
  { name: 'users', path: 'users', query: fc.record({ role: sometimes(fc.subarray([...ROLES], { minLength: 1 })), active: sometimes(fc.boolean()), q: sometimes(fc.constantFrom('budi', 'example', 'a')), sort: sorts('name', 'role') }) },
  {
    name: 'partnerships',
    path: 'partnerships',
    query: fc.record({
      stage: sometimes(fc.subarray([...STAGES], { minLength: 1 })),
      type: sometimes(fc.subarray([...PARTNERSHIP_TYPES], { minLength: 1 })),
      countryCode: sometimes(fc.constantFrom('CN', 'JP', 'KR', 'NL')),
      sectorId: sometimes(fc.constantFrom(...sectorIds)),
      illustrative: sometimes(fc.boolean()),
      q: sometimes(fc.constantFrom('generated', 'binzhou', '滨州', 'aster', 'bayan 1')),
      sort: sorts('partner', 'stage', 'updatedAt'),
    }),
  },
  {
    name: 'meetings',
    path: 'meetings',
    query: fc.record({
      partnershipId: sometimes(fc.constantFrom(IDS.partnership, ...data.partnerships.slice(5, 15).map((p) => p.id))),
      kind: sometimes(fc.subarray([...MEETING_KINDS], { minLength: 1 })),
      sectorId: sometimes(fc.constantFrom(...sectorIds)),
      year: sometimes(fc.constantFrom(2021, 2023, 2025)),
      from: sometimes(fc.constantFrom('2022-01-01', '2024-06-01')),
      to: sometimes(fc.constantFrom('2023-12-31', '2026-01-01')),
      q: sometimes(fc.constantFrom('pertemuan 1', 'generated', 'wareng', '9')),
      sort: sorts('date', 'title', 'updatedAt'),
    }),
  },
];

describe.runIf(engineAvailable)(`resource lists in SQL on ${ENGINE}`, () => {
  it.each(CASES)('$name: the same items, order and total as the API lists today', async ({ name, path, query }) => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(query, fc.integer({ min: 3, max: 60 }), async (q, limit) => {
        const clean = Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Query;
        const expected = await apiIds(path, clean);
        const actual = await sqlIds(name, clean, limit);
        expect(actual.ids, JSON.stringify(clean)).toEqual(expected.ids);
        expect(actual.totals).toEqual([expected.total]);
        if (expected.total > 0) found += 1;
      }),
      { numRuns: 30, seed: 123 },
    );
    expect(found).toBeGreaterThan(10);
  }, 60_000);
});
