import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, PRIORITIES } from '../../src/domain/follow-up';
import { MEETING_KINDS } from '../../src/domain/meeting';
import { ORGANIZATION_KINDS } from '../../src/domain/organization';
import { PARTNERSHIP_TYPES, STAGES } from '../../src/domain/partnership';
import { REGION_LEVELS } from '../../src/domain/region';
import { ROLES } from '../../src/domain/user';

/**
 * The data sets, query arbitraries and fixed query samples of the list and stats equivalence
 * tests (tests/db/follow-up-list, listings, stats). The previous release's API answered these
 * queries once (tests/support/make-golden.mts, over its in-memory store); its answers are kept in
 * tests/fixtures/golden/*.json and the SQL lists and stats must give them again.
 *
 * This module imports only what both releases share (the generator, the domain constants), so
 * make-golden.mts can run it beside a checkout of the previous release.
 */

/** 1 November 2025, 10:00 in Jakarta: "today" for due windows, overdue counts and health. */
export const NOW = new Date('2025-11-01T03:00:00.000Z');
export const TODAY = '2025-11-01';

export const FOLLOW_UP_DATA = { seed: 31, followUps: 900, meetings: 150, partnerships: 10 } as const;
export const LISTINGS_DATA = { seed: 77, followUps: 50, meetings: 400, partnerships: 30 } as const;
export const STATS_DATA = { seed: 57, followUps: 1500, meetings: 300, partnerships: 12 } as const;

/** How many queries each golden file holds, and the seed they are sampled with. */
export const GOLDEN_SEED = 12;
export const FOLLOW_UP_RUNS = 300;
export const LISTING_RUNS = 60; // per resource: 7 resources
export const STATS_RUNS = 80; // periods, each asked of all 8 figures

export type Snapshot = ReturnType<typeof generateSnapshot>;

export const dataSet = (params: Parameters<typeof generateSnapshot>[0]): Snapshot => generateSnapshot(params);

/** A SHA-256 of a value's JSON: the golden file names the data set its answers were made from. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/**
 * The data set as the answers were recorded. Users have since gained `homeRegionIds` (issue 15):
 * in these data sets every user works for the one home government, which changes no list or
 * figure, so the field is left out of the fingerprint; any other change to the generator still
 * shows here.
 */
export const fingerprint = (data: Snapshot): string =>
  sha256(JSON.stringify({ ...data, users: data.users.map(({ homeRegionIds: _homeRegionIds, ...user }) => user) }));

/** An ordered id list as the golden files keep it: its length, first ten ids and digest. */
export type IdDigest = { total: number; head: string[]; sha256: string };
export const digestIds = (ids: readonly string[]): IdDigest => ({ total: ids.length, head: ids.slice(0, 10), sha256: sha256(ids.join('\n')) });

const clean = <T extends Record<string, unknown>>(query: T): T =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)) as T;

// ---------------------------------------------------------------------------------------------
// Follow-up lists

/** The follow-up list's sorts (each also descending, '-key'). */
export const FOLLOW_UP_SORT_KEYS = ['dueDate', 'priority', 'status', 'title', 'updatedAt', 'createdAt'] as const;

export type FollowUpQuery = {
  status?: Array<(typeof FOLLOW_UP_STATUSES)[number]>;
  priority?: Array<(typeof PRIORITIES)[number]>;
  sectorId?: string;
  partnershipId?: string;
  ownerId?: string;
  meetingId?: string;
  due?: (typeof DUE_WINDOWS)[number];
  agreedFrom?: string;
  agreedTo?: string;
  q?: string;
  sort: string;
};

const FOLLOW_UP_WORDS = ['menyusun', 'laporan', 'generated', 'naskah kerja', 'forum', '#12', 'binzhou', 'zzz', 'ANGGARAN', 'teknis'];

/** A filter is set in about one query in four, so most queries find rows, often pages of them. */
const quarter = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary, weight: 1 });

export function followUpQueryArbitrary(data: Snapshot): fc.Arbitrary<FollowUpQuery> {
  return fc
    .record({
      status: quarter(fc.subarray([...FOLLOW_UP_STATUSES], { minLength: 1 })),
      priority: quarter(fc.subarray([...PRIORITIES], { minLength: 1 })),
      sectorId: quarter(fc.constantFrom(...data.sectors.map((s) => s.id))),
      partnershipId: quarter(fc.constantFrom(...data.partnerships.map((p) => p.id))),
      ownerId: quarter(fc.constantFrom(...data.users.map((u) => u.id))),
      meetingId: quarter(fc.constantFrom(...data.meetings.slice(0, 40).map((m) => m.id))),
      due: quarter(fc.constantFrom(...DUE_WINDOWS)),
      agreedFrom: quarter(fc.constantFrom('2021-06-01', '2023-01-01', '2025-01-01')),
      agreedTo: quarter(fc.constantFrom('2022-12-31', '2024-06-30', '2026-12-31')),
      q: quarter(fc.constantFrom(...FOLLOW_UP_WORDS)),
      sort: fc.constantFrom(...FOLLOW_UP_SORT_KEYS.flatMap((s) => [s, `-${s}`])),
    })
    .map((query) => clean(query) as FollowUpQuery);
}

/** The broad queries a user starts from: every sort both ways, and a few common filters. */
export const BROAD_FOLLOW_UP_QUERIES: FollowUpQuery[] = FOLLOW_UP_SORT_KEYS.flatMap((sort) => [
  { sort },
  { sort: `-${sort}` },
  { sort, status: ['open', 'in-progress'], sectorId: 'education' },
  { sort: `-${sort}`, due: 'overdue' },
  { sort, q: 'laporan' },
]);

/** The recorded follow-up queries: the broad ones, then a fixed sample, each with a page size. */
export function followUpGoldenQueries(data: Snapshot): Array<{ query: FollowUpQuery; limit: number }> {
  const sampled = fc.sample(fc.tuple(followUpQueryArbitrary(data), fc.integer({ min: 15, max: 100 })), { seed: GOLDEN_SEED, numRuns: FOLLOW_UP_RUNS });
  return [...BROAD_FOLLOW_UP_QUERIES.map((query) => ({ query, limit: 97 })), ...sampled.map(([query, limit]) => ({ query, limit }))];
}

// ---------------------------------------------------------------------------------------------
// Resource lists

export type ListingQuery = Record<string, unknown> & { sort: string };
export const LISTING_NAMES = ['sectors', 'regions', 'organizations', 'people', 'users', 'partnerships', 'meetings'] as const;
export type ListingCase = { name: (typeof LISTING_NAMES)[number]; path: string; query: fc.Arbitrary<ListingQuery> };

/** A filter is set in about one query in three. */
const third = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary, weight: 1 });
const sorts = (...keys: string[]) => fc.constantFrom(...keys.flatMap((k) => [k, `-${k}`]));

export function listingCases(data: Snapshot): ListingCase[] {
  const sectorIds = data.sectors.map((s) => s.id);
  const cases: Array<{ name: ListingCase['name']; query: fc.Arbitrary<Record<string, unknown> & { sort: string }> }> = [
    { name: 'sectors', query: fc.record({ q: third(fc.constantFrom('pari', 'ekonomi', 'trade', 'an')), sort: sorts('id', 'name.id', 'name.en') }) },
    {
      name: 'regions',
      query: fc.record({
        role: third(fc.subarray(['home', 'partner'], { minLength: 1 })),
        level: third(fc.subarray([...REGION_LEVELS], { minLength: 1 })),
        countryCode: third(fc.constantFrom('CN', 'JP', 'KR', 'NL')),
        sectorId: third(fc.constantFrom(...sectorIds)),
        q: third(fc.constantFrom('generated', 'binzhou', '滨州', 'shandong', 'aster', '1')),
        sort: sorts('name', 'countryCode', 'updatedAt'),
      }),
    },
    {
      name: 'organizations',
      query: fc.record({ kind: third(fc.subarray([...ORGANIZATION_KINDS], { minLength: 1 })), q: third(fc.constantFrom('icbc', 'jakarta', 'council')), sort: sorts('name', 'updatedAt') }),
    },
    { name: 'people', query: fc.record({ regionId: third(fc.constantFrom(IDS.tangerang, IDS.binzhou)), q: third(fc.constantFrom('intan', 'wakil', 'qu')), sort: sorts('name', 'updatedAt') }) },
    { name: 'users', query: fc.record({ role: third(fc.subarray([...ROLES], { minLength: 1 })), active: third(fc.boolean()), q: third(fc.constantFrom('budi', 'example', 'a')), sort: sorts('name', 'role') }) },
    {
      name: 'partnerships',
      query: fc.record({
        stage: third(fc.subarray([...STAGES], { minLength: 1 })),
        type: third(fc.subarray([...PARTNERSHIP_TYPES], { minLength: 1 })),
        countryCode: third(fc.constantFrom('CN', 'JP', 'KR', 'NL')),
        sectorId: third(fc.constantFrom(...sectorIds)),
        illustrative: third(fc.boolean()),
        q: third(fc.constantFrom('generated', 'binzhou', '滨州', 'aster', 'bayan 1')),
        sort: sorts('partner', 'stage', 'updatedAt'),
      }),
    },
    {
      name: 'meetings',
      query: fc.record({
        partnershipId: third(fc.constantFrom(IDS.partnership, ...data.partnerships.slice(5, 15).map((p) => p.id))),
        kind: third(fc.subarray([...MEETING_KINDS], { minLength: 1 })),
        sectorId: third(fc.constantFrom(...sectorIds)),
        year: third(fc.constantFrom(2021, 2023, 2025)),
        from: third(fc.constantFrom('2022-01-01', '2024-06-01')),
        to: third(fc.constantFrom('2023-12-31', '2026-01-01')),
        q: third(fc.constantFrom('pertemuan 1', 'generated', 'wareng', '9')),
        sort: sorts('date', 'title', 'updatedAt'),
      }),
    },
  ];
  return cases.map(({ name, query }) => ({ name, path: name, query: query.map((q) => clean(q)) }));
}

/** The recorded resource-list queries: per resource a fixed sample, each with a page size. */
export function listingGoldenQueries(data: Snapshot): Array<{ name: ListingCase['name']; path: string; query: ListingQuery; limit: number }> {
  return listingCases(data).flatMap(({ name, path, query }) =>
    fc.sample(fc.tuple(query, fc.integer({ min: 3, max: 60 })), { seed: GOLDEN_SEED, numRuns: LISTING_RUNS }).map(([q, limit]) => ({ name, path, query: q, limit })),
  );
}

// ---------------------------------------------------------------------------------------------
// Stats

export const STAT_NAMES = [
  'follow-ups-by-sector',
  'meetings-by-quarter',
  'partnerships-by-stage',
  'kpis',
  'overdue-by-sector',
  'overdue-by-owner',
  'completion-by-month',
  'health',
] as const;
export type StatName = (typeof STAT_NAMES)[number];
export type Period = { from: string; to: string; partnershipId?: string; sectorId?: string };

export function periodArbitrary(data: Snapshot): fc.Arbitrary<Period> {
  return fc
    .record({
      from: fc.constantFrom('2021-01-01', '2022-03-15', '2024-01-01', '2025-01-01', '2025-10-31'),
      length: fc.constantFrom(0, 40, 365, 700, 2200),
      partnershipId: fc.option(fc.constantFrom(IDS.partnership, ...data.partnerships.map((x) => x.id)), { nil: undefined, freq: 3 }),
      sectorId: fc.option(fc.constantFrom(...data.sectors.map((s) => s.id)), { nil: undefined, freq: 3 }),
    })
    .map(({ from, length, partnershipId, sectorId }) => {
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
      return { from, to, ...(partnershipId ? { partnershipId } : {}), ...(sectorId ? { sectorId } : {}) };
    });
}

/** The recorded periods: a fixed sample, without repeats. */
export function statsGoldenPeriods(data: Snapshot): Period[] {
  const seen = new Set<string>();
  return fc.sample(periodArbitrary(data), { seed: GOLDEN_SEED, numRuns: STATS_RUNS }).filter((p) => {
    const key = JSON.stringify(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A query object as URL search parameters, the way the API reads it (lists comma-joined). */
export function searchParams(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  return params;
}

/** Something that answers a Request: either release's createApi. */
export type FetchApi = { fetch(request: Request): Response | Promise<Response> };

/** GET /api/<path>?<params> as `user` (demo mode: the x-mitra-user header); throws unless 200. */
export async function apiGet(api: FetchApi, path: string, params: URLSearchParams, user: string): Promise<unknown> {
  const response = await api.fetch(new Request(`http://mitra.test/api/${path}?${params}`, { headers: { 'x-mitra-user': user } }));
  const body: unknown = await response.json();
  if (response.status !== 200) throw new Error(`${path}?${params}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Every id a list endpoint answers, following nextCursor at `limit` a page (100 unless told), and
 * the totals the pages gave. Throws when a page holds more than `limit` items, or fewer while
 * another page follows.
 */
export async function apiListIds(api: FetchApi, path: string, query: Record<string, unknown>, user: string = IDS.admin, limit = 100): Promise<{ ids: string[]; totals: number[] }> {
  const params = searchParams(query);
  params.set('limit', String(limit));
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let pages = 0; pages < 1000; pages += 1) {
    const body = (await apiGet(api, path, params, user)) as { items: Array<{ id: string }>; total: number; nextCursor: string | null };
    const full = body.nextCursor ? body.items.length === limit : body.items.length <= limit;
    if (!full) throw new Error(`${path}?${params}: ${body.items.length} items on a page of ${limit}${body.nextCursor ? ' with a next page' : ''}`);
    ids.push(...body.items.map((i) => i.id));
    totals.add(body.total);
    if (!body.nextCursor) return { ids, totals: [...totals] };
    params.set('cursor', body.nextCursor);
  }
  throw new Error(`${path}: paging never ends`);
}

// ---------------------------------------------------------------------------------------------
// The golden files' shapes

export type GoldenHeader = { release: string; made: string; data: { params: Record<string, number>; sha256: string }; now: string };
export type FollowUpGolden = GoldenHeader & { cases: Array<{ query: FollowUpQuery; limit: number } & IdDigest> };
export type ListingGolden = GoldenHeader & { cases: Array<{ name: ListingCase['name']; path: string; query: ListingQuery; limit: number } & IdDigest> };
export type StatsGolden = GoldenHeader & { cases: Array<{ name: StatName; period: Period; body: unknown }> };

/** A golden file of tests/fixtures/golden, as recorded. */
export function readGolden<T>(name: 'follow-up-list.json' | 'listings.json' | 'stats.json'): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/golden/${name}`, import.meta.url), 'utf8')) as T;
}
