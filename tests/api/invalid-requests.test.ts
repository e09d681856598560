import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { readDataVersion } from '../../server/db/cache';
import { inspect } from '../../server/db/inspect';
import { encodeCursor } from '../../server/db/lists';
import { MAX_BODY_BYTES } from '../../server/http';
import type { Snapshot } from '../../server/store';
import { nextStages, type Stage } from '../../src/domain/partnership';
import { openSeededDatabase, type TestDatabase } from '../db/harness';
import {
  PROBLEM_JSON,
  validFollowUp,
  validFollowUpDraft,
  validMeeting,
  validOrganization,
  validPartnership,
  validPerson,
  validRegion,
  validSector,
  validUser,
} from './fixtures';
import { NOW } from './helpers';
import { changeStamp, sameState, storedState, type StoredState } from './stored-state';

/**
 * Generated invalid and hostile requests across every endpoint and method, on the engine of the
 * vitest project (SQLite in memory in 'node', PostgreSQL in 'api-postgres'): wrong types, unknown
 * fields, malformed JSON, bodies that are not objects, wrong media types, huge strings and bodies,
 * bad Idempotency-Keys, missing, odd and stale If-Match, bad and forged cursors, bad ids, wrong
 * methods, unknown endpoints, bad query parameters, no user, unknown, disabled and forged users,
 * users without the right. Each must get a 4xx problem+json, never a 5xx, and nothing may be
 * stored: no write moves the data version (checked after every request), and the whole database
 * and the store's snapshot are as they were after each property. Every request here is invalid by
 * construction, so nothing is ever allowed to change (issue 12).
 *
 * MITRA_INVALID_REQUESTS sets how many requests the file sends in all (default 10,000: 59.5%
 * invalid writes, 0.5% huge ones, 20% bad targets, 20% bad queries and cursors).
 */

const TOTAL = Number(process.env.MITRA_INVALID_REQUESTS ?? 10_000);
const RUNS = {
  writes: Math.round(TOTAL * 0.595),
  huge: Math.round(TOTAL * 0.005),
  targets: Math.round(TOTAL * 0.2),
  queries: Math.round(TOTAL * 0.2),
};

/** The demo data, and an administrator who has left (disabled): a user who must not write. */
const DISABLED = 'usr-former-admin';
function seed(): Snapshot {
  const data = demoSnapshot();
  const admin = data.users.find((u) => u.id === IDS.admin)!;
  return { ...data, users: [...data.users, { ...admin, id: DISABLED, email: 'former@example.org', active: false }] };
}
const DATA = seed();

let database: TestDatabase;
let api: ReturnType<typeof createApi>;
let BEFORE: { state: StoredState; snapshot: Snapshot; dataVersion: string };

beforeAll(async () => {
  database = await openSeededDatabase(DATA);
  api = createApi({ database, now: () => NOW });
  BEFORE = { state: await storedState({ database }), snapshot: await inspectSnapshot(), dataVersion: await readDataVersion(database.db) };
}, 60_000);
afterAll(() => database?.close());

/** What the store holds, as the API's resources (server/db/inspect.ts). */
const inspectSnapshot = (): Promise<Snapshot> => inspect(database).snapshot();

type Req = { kind: string; method: string; path: string; headers: Record<string, string>; body?: string; expect?: number[]; cursorError?: boolean };

type Write = { method: 'POST' | 'PATCH'; path: string; body: Record<string, unknown>; version?: number };

const version = (items: Array<{ id: string; version: number }>, id: string) => items.find((i) => i.id === id)!.version;
const binzhou = DATA.partnerships.find((p) => p.id === IDS.partnership)!;

const WRITES: Write[] = [
  { method: 'POST', path: '/sectors', body: validSector() },
  { method: 'POST', path: '/regions', body: validRegion() },
  { method: 'POST', path: '/organizations', body: validOrganization() },
  { method: 'POST', path: '/people', body: validPerson() },
  { method: 'POST', path: '/users', body: validUser() },
  { method: 'POST', path: '/partnerships', body: validPartnership() },
  { method: 'POST', path: '/meetings', body: validMeeting({ followUps: [validFollowUpDraft()], carriedFollowUpIds: ['fu-binzhou-exchange'] }) },
  { method: 'POST', path: '/follow-ups', body: validFollowUp() },
  {
    method: 'POST',
    path: '/follow-ups/bulk',
    body: { items: [{ id: 'fu-binzhou-tourism', version: version(DATA.followUps, 'fu-binzhou-tourism') }], changes: { status: 'blocked', comment: 'Menunggu.' } },
  },
  {
    method: 'POST',
    path: `/partnerships/${IDS.partnership}/stage-changes`,
    body: { to: nextStages(binzhou.stage as Stage)[0] ?? 'exploring', date: '2025-11-01', note: 'Lanjut.' },
    version: binzhou.version,
  },
  { method: 'PATCH', path: '/sectors/tourism', body: { color: '#00aa00' }, version: version(DATA.sectors, 'tourism') },
  { method: 'PATCH', path: `/regions/${IDS.binzhou}`, body: { province: 'Shandong', strengths: ['fisheries'] }, version: version(DATA.regions, IDS.binzhou) },
  { method: 'PATCH', path: `/organizations/${IDS.icbc}`, body: { city: 'Jakarta' }, version: version(DATA.organizations, IDS.icbc) },
  { method: 'PATCH', path: `/people/${IDS.qu}`, body: { position: 'Deputy Mayor' }, version: version(DATA.people, IDS.qu) },
  { method: 'PATCH', path: `/users/${IDS.officer2}`, body: { position: 'Analis' }, version: version(DATA.users, IDS.officer2) },
  { method: 'PATCH', path: '/partnerships/pts-gimhae', body: { notes: 'Catatan.' }, version: version(DATA.partnerships, 'pts-gimhae') },
  { method: 'PATCH', path: `/meetings/${IDS.visit}`, body: { place: 'Ruang Rapat' }, version: version(DATA.meetings, IDS.visit) },
  { method: 'PATCH', path: '/follow-ups/fu-binzhou-tourism', body: { priority: 'high' }, version: version(DATA.followUps, 'fu-binzhou-tourism') },
];

const RESOURCES = ['sectors', 'regions', 'organizations', 'people', 'users', 'partnerships', 'meetings', 'follow-ups'];
const LISTS = [
  ...RESOURCES.map((r) => `/${r}`),
  '/search',
  '/audit',
  '/follow-ups/export.csv',
  '/follow-ups/export.ics',
  '/partnerships/activity',
  `/partnerships/${IDS.partnership}/timeline`,
  '/history',
];
const STATS = ['kpis', 'follow-ups-by-sector', 'meetings-by-quarter', 'partnerships-by-stage', 'overdue-by-sector', 'overdue-by-owner', 'completion-by-month', 'health'].map((s) => `/stats/${s}`);

const writeHeaders = (w: Write): Record<string, string> => ({
  'content-type': 'application/json',
  'x-mitra-user': IDS.admin,
  ...(w.version !== undefined ? { 'if-match': `"${w.version}"` } : {}),
});

/** A JSON value of another type than `value` (never null: null clears a field in a PATCH). */
function otherType(value: unknown): fc.Arbitrary<unknown> {
  const choices: Array<fc.Arbitrary<unknown>> = [];
  if (typeof value !== 'string') choices.push(fc.string({ maxLength: 10 }));
  if (typeof value !== 'number') choices.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (typeof value !== 'boolean') choices.push(fc.boolean());
  if (!Array.isArray(value)) choices.push(fc.array(fc.oneof(fc.integer(), fc.boolean(), fc.constant({})), { maxLength: 3 }));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) choices.push(fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }));
  return fc.oneof(...choices);
}

const notJson = fc.oneof(
  fc.constantFrom('{', '[1,', '{"a":1}}', 'nul', 'tru', '\u0000', '', "{'a':1}", '{"a":}', 'NaN', '{"a":1,}', '\ufeff{'),
  fc
    .string({ maxLength: 30 })
    .map((s) => `{${s}`)
    .filter((text) => {
      try {
        JSON.parse(text);
        return false;
      } catch {
        return true;
      }
    }),
);

/** An invalid write: its body, headers or target is wrong in one way or more. */
const invalidWrite: fc.Arbitrary<Req> = fc.constantFrom(...WRITES).chain((w) => {
  const keys = Object.keys(w.body);
  const base = { method: w.method, path: w.path, headers: writeHeaders(w) };
  const text = JSON.stringify(w.body);
  const variants: Array<fc.Arbitrary<Req>> = [
    fc
      .tuple(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }))
      .map(([key, value]) => ({ kind: 'unknown field', ...base, body: JSON.stringify({ ...w.body, [`zz${key}`]: value }) })),
    fc
      .constantFrom(...keys)
      .chain((key) => otherType(w.body[key]).map((value) => ({ kind: 'wrong type', ...base, body: JSON.stringify({ ...w.body, [key]: value }) }))),
    fc.integer({ min: 0, max: text.length - 1 }).map((n) => ({ kind: 'malformed JSON', ...base, body: text.slice(0, n) })),
    notJson.map((body) => ({ kind: 'malformed JSON', ...base, body })),
    fc
      .oneof(fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), fc.integer(), fc.string(), fc.constant(null), fc.boolean())
      .map((value) => ({ kind: 'not an object', ...base, body: JSON.stringify(value) })),
    fc
      .constantFrom(undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml')
      .map((type) => {
        const { 'content-type': _drop, ...headers } = base.headers;
        return { kind: 'wrong media type', ...base, headers: type ? { ...headers, 'content-type': type } : headers, body: text };
      }),
    fc.constant({ kind: 'no user', ...base, headers: (({ 'x-mitra-user': _u, ...h }) => h)(base.headers), body: text }),
    fc
      .constantFrom('nobody', 'usr-', 'USR-SARI', 'usr-sari-x', IDS.admin.toUpperCase(), `${IDS.admin},${IDS.staff}`, '__proto__', 'constructor', "usr-' OR '1'='1", 'x'.repeat(5_000))
      .map((user) => ({ kind: 'unknown user', ...base, headers: { ...base.headers, 'x-mitra-user': user }, body: text, expect: [401] })),
    fc.constant({ kind: 'disabled user', ...base, headers: { ...base.headers, 'x-mitra-user': DISABLED }, body: text, expect: [401] }),
  ];
  // U+0000 or a lone surrogate in any string, even a short one: no engine keeps it.
  const stringKeys = keys.filter((k) => typeof w.body[k] === 'string');
  if (stringKeys.length > 0) {
    variants.push(
      fc
        .tuple(fc.constantFrom(...stringKeys), fc.constantFrom('\u0000', 'a\u0000b', '\u0000\u0000', '\ud800', 'a\udfffb', '\udfff\ud800'))
        .map(([key, value]) => ({ kind: 'unkeepable text', ...base, body: JSON.stringify({ ...w.body, [key]: value }), expect: [400, 401, 403, 412, 428] })),
    );
  }
  // An officer may change only the follow-ups they own: anything else is refused whole.
  if (!w.path.startsWith('/follow-ups')) {
    variants.push(fc.constant({ kind: 'role without the right', ...base, headers: { ...base.headers, 'x-mitra-user': IDS.officer }, body: text, expect: [403] }));
  }
  if (w.method === 'POST' && !w.path.includes('stage-changes')) {
    variants.push(fc.constant({ kind: 'empty object', ...base, body: '{}' }));
    variants.push(
      fc
        .constantFrom('short', 'has spaces in it', 'x'.repeat(201), 'bad/slash/key', 'key!with!bang')
        .map((key) => ({ kind: 'bad Idempotency-Key', ...base, headers: { ...base.headers, 'idempotency-key': key }, body: text })),
    );
  }
  if (w.version !== undefined) {
    variants.push(
      fc
        .constantFrom<string | undefined>(undefined, '', '"0"', `"${w.version + 1}"`, 'W/"0"', 'garbage', '"abc"', '"-1"', '"1.5e9"')
        .map((ifMatch) => {
          const { 'if-match': _drop, ...headers } = base.headers;
          return { kind: 'bad If-Match', ...base, headers: ifMatch === undefined ? headers : { ...headers, 'if-match': ifMatch }, body: text };
        }),
    );
  }
  return fc.oneof(...variants);
});

/**
 * A write with a huge string in a field (beyond the longest field's limit, up to the body limit)
 * or a body beyond the limit. Megabyte bodies cost the most to build and send: they are a
 * property of their own, with fewer runs.
 */
const hugeWrite: fc.Arbitrary<Req> = fc.constantFrom(...WRITES).chain((w) => {
  const keys = Object.keys(w.body);
  const stringKeys = keys.filter((k) => typeof w.body[k] === 'string');
  const base = { method: w.method, path: w.path, headers: writeHeaders(w) };
  const oversizedBody = fc.constantFrom(MAX_BODY_BYTES + 1, 2 * MAX_BODY_BYTES).map((size) => ({
    kind: 'oversized body',
    ...base,
    body: JSON.stringify({ ...w.body, [keys[0]!]: 'x'.repeat(size) }),
  }));
  if (stringKeys.length === 0) return oversizedBody;
  return fc.oneof(
    oversizedBody,
    fc
      .tuple(fc.constantFrom(...stringKeys), fc.constantFrom(10_001, 60_000, 200_001), fc.constantFrom('x', '滨', '😀', '\u0000'))
      .map(([key, length, unit]) => ({ kind: 'oversized string', ...base, body: JSON.stringify({ ...w.body, [key]: unit.repeat(length) }) })),
  );
});

const rawId = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => `zz${encodeURIComponent(s)}`),
  fc.constantFrom('%ZZ', '%E0%A4%A', '__proto__', 'constructor', 'toString', '..%2F..%2Fsectors', '%00', '0', '-1', "1'%20OR%20'1'='1"),
);

/** A read or write naming a resource that does not exist, or a method no route takes. */
const badTarget: fc.Arbitrary<Req> = fc.oneof(
  fc.tuple(fc.constantFrom(...RESOURCES), rawId, fc.constantFrom('GET', 'PATCH', 'GET-history')).map(([resource, id, method]) => ({
    kind: 'bad id',
    method: method === 'PATCH' ? 'PATCH' : 'GET',
    path: method === 'GET-history' ? `/${resource}/${id}/history` : `/${resource}/${id}`,
    headers: { 'x-mitra-user': IDS.admin, 'content-type': 'application/json', 'if-match': '"1"' },
    body: method === 'PATCH' ? '{}' : undefined,
  })),
  rawId.map((id) => ({
    kind: 'bad id',
    method: 'POST',
    path: `/partnerships/${id}/stage-changes`,
    headers: { 'x-mitra-user': IDS.admin, 'content-type': 'application/json', 'if-match': '"1"' },
    body: JSON.stringify({ to: 'active', date: '2025-11-01' }),
  })),
  fc
    .tuple(fc.constantFrom(...LISTS, ...STATS, '/sectors/tourism', `/meetings/${IDS.visit}`, '/session'), fc.constantFrom('PUT', 'DELETE', 'OPTIONS'))
    .map(([path, method]) => ({ kind: 'wrong method', method, path, headers: { 'x-mitra-user': IDS.admin, 'content-type': 'application/json' }, body: '{}' })),
  fc.constantFrom(...STATS, '/search', '/audit').map((path) => ({
    kind: 'wrong method',
    method: 'POST',
    path,
    headers: { 'x-mitra-user': IDS.admin, 'content-type': 'application/json' },
    body: '{}',
  })),
  fc.stringMatching(/^[a-z-]{1,12}$/).filter((s) => !RESOURCES.includes(s) && !['stats', 'search', 'session', 'audit', 'history', 'auth'].includes(s)).map((name) => ({
    kind: 'no such endpoint',
    method: 'GET',
    path: `/${name}`,
    headers: { 'x-mitra-user': IDS.admin },
  })),
);

/** A list, stats, search or export query with a parameter it refuses. */
const badQuery: fc.Arbitrary<Req> = fc
  .tuple(
    fc.constantFrom(...LISTS, ...STATS),
    fc.oneof(
      fc.tuple(fc.string({ maxLength: 8 }).map((k) => `zz${k}`), fc.string({ maxLength: 8 })),
      fc.tuple(fc.constant('limit'), fc.constantFrom('0', '-1', '101', '1000', 'abc', '1.5', '1e9', '', ' ')),
      fc.tuple(fc.constant('cursor'), fc.string({ maxLength: 20 }).map((s) => `!${s}`)),
      fc.tuple(fc.constant('sort'), fc.string({ maxLength: 10 }).map((s) => `zz${s}`)),
      fc.tuple(fc.constant('q'), fc.constantFrom(201, 500, 5_000).map((n) => 'q'.repeat(n))),
      fc.tuple(fc.constantFrom('from', 'to'), fc.constantFrom('2025-02-30', '2025-13-01', 'yesterday', '01/11/2025', '20251101', '2025-1-1')),
      fc.tuple(fc.constantFrom('q', 'from', 'partnershipId', 'sectorId', 'zz'), fc.constantFrom('\u0000', 'a\u0000', '\u0000b')),
    ),
  )
  .filter(([path, [key]]) => !(path.startsWith('/stats') && ['limit', 'cursor', 'sort', 'q'].includes(key)) || key.startsWith('zz'))
  .map(([path, [key, value]]) => ({
    kind: 'bad query',
    method: 'GET',
    path: `${path}?${new URLSearchParams([[key, value]]).toString()}`,
    headers: { 'x-mitra-user': IDS.admin },
  }));

const LIST_SORTS: Record<string, string> = {
  '/sectors': 'id',
  '/regions': 'name',
  '/organizations': 'name',
  '/people': 'name',
  '/users': 'name',
  '/partnerships': 'partnerName',
  '/meetings': '-date',
  '/follow-ups': 'dueDate',
};

/**
 * A cursor that is not one this list gave: not base64, not JSON, the wrong shape or types, too
 * long, made for another sort, or with values a column could choke on. Always a 400 naming
 * `cursor`, on either engine.
 */
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }).map((s) => `!${s}`),
  fc.constantFrom('', ' ', 'bzEw', 'null', 'W10', 'e30', '%%%', 'AAAA', '____', '----', '=', 'a'.repeat(5_000)),
  fc.base64String({ maxLength: 40 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
  fc
    .oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.tuple(fc.constant('zz-no-sort'), fc.oneof(fc.string(), fc.integer()), fc.string({ maxLength: 20 })),
      fc.tuple(fc.string({ maxLength: 10 }).map((s) => `zz${s}`), fc.constant(null), fc.constant('x')),
      fc.tuple(fc.constant('name'), fc.oneof(fc.object({ maxDepth: 1 }), fc.array(fc.integer()), fc.boolean()), fc.string({ maxLength: 20 })),
      fc.tuple(fc.constant('name'), fc.string({ maxLength: 5 }), fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()))),
      fc.tuple(fc.constant('name'), fc.constant('x'.repeat(401)), fc.constant('id')),
    )
    .map((value) => {
      const json = JSON.stringify(value) ?? 'null';
      return btoa(String.fromCharCode(...new TextEncoder().encode(json))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }),
);

/**
 * Cursors for a list's real sorts, well formed, with a value of the wrong type or form for that
 * sort (a rank that is text, a day that is not one, an instant that is a number, U+0000 in a
 * text): on PostgreSQL these would reach the database as errors if the list let them through.
 */
const TYPED_SORTS: Array<[path: string, sort: string, values: Array<string | number | null>]> = [
  ['/follow-ups', 'dueDate', ['zz', '2025-13-45', 5, '2025-11-01T00:00:00Z', '\u0000']],
  ['/follow-ups', '-status', ['open', '1', '\u0000']],
  ['/follow-ups', 'priority', ['high', '']],
  ['/follow-ups', 'updatedAt', ['yesterday', 20251101, '2025-11-01', '2025-11-01T25:00:00Z']],
  ['/follow-ups', 'title', [7, 'a\u0000']],
  ['/meetings', 'date', ['zz', 20250922, null, '2025-02-30x']],
  ['/meetings', '-updatedAt', ['now', 0]],
  ['/partnerships', 'stage', ['active', null]],
  ['/regions', 'name', [3, null, '\u0000']],
  ['/users', 'role', [1]],
];
const typedCursor: fc.Arbitrary<Req> = fc
  .constantFrom(...TYPED_SORTS)
  .chain(([path, sort, values]) => fc.tuple(fc.constant(path), fc.constant(sort), fc.constantFrom(...values), fc.constantFrom('x', 'fu-1', 'a\u0000')))
  .map(([path, sort, value, id]) => ({
    kind: 'bad cursor',
    method: 'GET',
    path: `${path}?${new URLSearchParams([['sort', sort], ['cursor', encodeCursor({ sort, value, id })]]).toString()}`,
    headers: { 'x-mitra-user': IDS.admin },
    expect: [400],
    cursorError: true,
  }));

/** A cursor from another sort, or a forged one, on a list: 400 with a field error on `cursor`. */
const badCursor: fc.Arbitrary<Req> = fc
  .tuple(
    fc.constantFrom(...Object.keys(LIST_SORTS)),
    fc.oneof(
      forgedCursor.map((cursor) => ({ cursor, sort: undefined as string | undefined })),
      // A well-formed cursor, but read with another sort than the one it was made for.
      fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null)), fc.string({ maxLength: 20 })).map(([value, id]) => ({
        cursor: encodeCursor({ sort: 'zz-another-sort', value, id }),
        sort: undefined as string | undefined,
      })),
    ),
  )
  .map(([path, { cursor, sort }]) => ({
    kind: 'bad cursor',
    method: 'GET',
    path: `${path}?${new URLSearchParams([['cursor', cursor], ...(sort ? [['sort', sort]] : [])]).toString()}`,
    headers: { 'x-mitra-user': IDS.admin },
    expect: [400],
    cursorError: true,
  }));

async function send(request: Req) {
  const init: RequestInit = { method: request.method, headers: request.headers };
  if (request.body !== undefined) init.body = request.body;
  const response = await api.fetch(new Request(`http://mitra.test/api${request.path}`, init));
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type'), text };
}

const tally = new Map<string, number>();
let lastStamp = '';
let sent = 0;

function property(requests: fc.Arbitrary<Req>) {
  return fc.asyncProperty(requests, async (request) => {
    const response = await send(request);
    sent += 1;
    const label = `${request.kind} → ${response.status}`;
    tally.set(label, (tally.get(label) ?? 0) + 1);
    const what = `${request.kind}: ${request.method} ${request.path.slice(0, 120)} ${String(request.body).slice(0, 160)} → ${response.text.slice(0, 300)}`;
    expect(response.status, what).toBeGreaterThanOrEqual(400);
    expect(response.status, what).toBeLessThan(500);
    if (request.expect) expect(request.expect, what).toContain(response.status);
    expect(response.type, what).toBe(PROBLEM_JSON);
    const body = JSON.parse(response.text) as { status: number; type: string; title: string; errors?: Array<{ path: string }> };
    expect(body.status, what).toBe(response.status);
    expect(typeof body.type).toBe('string');
    if (request.cursorError) expect(body.errors?.map((e) => e.path), what).toEqual(['cursor']);
    expect(response.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+|SQLITE_|syntax error|relation "/);
    // Nothing committed: every write transaction moves the data version on. (Asked of the
    // database only when a statement may have written a row since the last request.)
    const stamp = await changeStamp({ database });
    if (stamp !== lastStamp) expect(await readDataVersion(database.db), what).toBe(BEFORE.dataVersion);
    lastStamp = stamp;
  });
}

async function expectNothingStored() {
  expect(sameState(await storedState({ database }), BEFORE.state)).toBe(true);
  expect(await inspectSnapshot()).toEqual(BEFORE.snapshot);
}

describe('generated invalid requests, every endpoint', () => {
  it('invalid writes (bodies, media types, users, roles, keys, If-Match, sizes): 4xx problem+json, nothing written', async () => {
    await fc.assert(property(invalidWrite), { numRuns: RUNS.writes });
    await expectNothingStored();
  }, 120_000);

  it('huge strings and bodies: 4xx problem+json, nothing written', async () => {
    await fc.assert(property(hugeWrite), { numRuns: RUNS.huge });
    await expectNothingStored();
  }, 60_000);

  it('bad ids, wrong methods, unknown endpoints: 4xx problem+json, nothing written', async () => {
    await fc.assert(property(badTarget), { numRuns: RUNS.targets });
    await expectNothingStored();
  }, 60_000);

  it('bad query parameters and cursors on every list, stats, search and export: 400 problem+json', async () => {
    await fc.assert(property(fc.oneof(badQuery, badCursor, typedCursor)), { numRuns: RUNS.queries });
    await expectNothingStored();
  }, 60_000);

  it.runIf(TOTAL >= 10_000)('sent at least 10,000 invalid requests, of every kind', () => {
    expect(sent).toBeGreaterThanOrEqual(10_000);
    const kinds = new Set([...tally.keys()].map((label) => label.split(' → ')[0]));
    for (const kind of ['unknown field', 'wrong type', 'malformed JSON', 'not an object', 'wrong media type', 'no user', 'unknown user', 'disabled user', 'role without the right', 'oversized body', 'oversized string', 'bad Idempotency-Key', 'bad If-Match', 'unkeepable text', 'bad id', 'wrong method', 'no such endpoint', 'bad query', 'bad cursor']) {
      expect(kinds, kind).toContain(kind);
    }
    const statuses = new Set([...tally.keys()].map((label) => Number(label.split(' → ')[1])));
    for (const status of [400, 401, 403, 404, 412, 413, 415, 428]) expect(statuses, String(status)).toContain(status);
  });
});
