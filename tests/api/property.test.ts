import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { IDS } from '../../mocks/demo-data';
import { followUpRuleErrors } from '../../src/domain/follow-up';
import { nextStages, type Stage } from '../../src/domain/partnership';
import * as schemas from '../../src/domain/schemas';
import { testApi, type TestApi, type TestStore } from './helpers';
import { changeStamp, sameState, storedState } from './stored-state';
import {
  PROBLEM_JSON,
  validFollowUp,
  validFollowUpDraft,
  validMeeting,
  validOrganization,
  validPartnership,
  validPerson,
  validRegion,
  validUser,
} from './fixtures';

/**
 * Whatever a client sends to a write endpoint, the API never answers 5xx; when it says no (4xx)
 * it has changed nothing; when it says yes (2xx) what it stored passes the domain's own schema.
 */

type Path = Array<string | number>;
type Mutation = { path: Path; op: 'set' | 'delete'; value?: unknown };
type Body =
  | { kind: 'valid' }
  | { kind: 'mutated'; mutations: Mutation[] }
  | { kind: 'anything'; value: unknown }
  | { kind: 'raw'; text: string };

type Endpoint = {
  name: string;
  method: 'POST' | 'PATCH';
  path: string;
  /** A valid body for the store as it is now. */
  valid: (store: TestStore) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The resource's version, for If-Match. */
  version?: (store: TestStore) => Promise<number>;
  /** The stored schema the answer of a successful write must pass. */
  stored: z.ZodType;
  runs: number;
};

const HUGE_LENGTHS = [201, 501, 2_001, 10_001, 100_000];

const hugeString = fc
  .tuple(fc.constantFrom(...HUGE_LENGTHS), fc.constantFrom('x', '滨', '😀', ' ', '\u0000', 'é'))
  .map(([length, unit]) => unit.repeat(length));

const weirdUnicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '\ud800', // a lone surrogate
    '\udfff\ud800',
    '\u202eevil\u202c', // right-to-left override
    '\u200b\u200b', // zero-width spaces
    'e\u0301\u0301\u0301',
    '\ufeff',
    'Ｊａｖａｓｃｒｉｐｔ：alert(1)',
    '滨州市',
    '<script>alert(1)</script>',
    "'; DROP TABLE meetings; --",
    '__proto__',
    'constructor',
    '${7*7}',
    '\n\r\t',
  ),
);

const dangerousUrl = fc.constantFrom(
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(document.domain)',
  'java\tscript:alert(1)',
  '\u0000javascript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  '//evil.example/x',
  'https://',
  'http://[::1',
);

const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  hugeString,
  weirdUnicode,
  dangerousUrl,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('', '   ', '2025-02-30', '2025-13-01', '25:61', '9999-12-31', 'Mars/Olympus'),
  fc.array(fc.oneof(fc.string(), fc.integer(), dangerousUrl), { maxLength: 5 }),
  fc.array(fc.constant('x'), { minLength: 101, maxLength: 120 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Every path in a JSON value (objects and arrays included), so mutations reach nested fields. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

function applyMutation(root: Record<string, unknown>, mutation: Mutation): unknown {
  if (mutation.path.length === 0) return mutation.op === 'delete' ? {} : mutation.value;
  let node: unknown = root;
  for (const key of mutation.path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return root;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node === null || typeof node !== 'object') return root;
  const last = mutation.path.at(-1)!;
  // An array's length is not a field a body can carry (JSON has no such key), and defining it
  // as a string throws in the test itself: a generated "unknown field" named length is skipped.
  if (Array.isArray(node) && last === 'length') return root;
  if (mutation.op === 'delete') delete (node as Record<string | number, unknown>)[last];
  else Object.defineProperty(node, last, { value: mutation.value, enumerable: true, writable: true, configurable: true });
  return root;
}

function bodyArbitrary(example: Record<string, unknown>): fc.Arbitrary<Body> {
  const paths = pathsOf(example);
  const parents = paths.filter((p) => {
    let node: unknown = example;
    for (const key of p) node = (node as Record<string | number, unknown>)[key];
    return node !== null && typeof node === 'object';
  });
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ path: fc.constantFrom(...paths), op: fc.constant('set' as const), value: weirdValue }),
    fc.record({ path: fc.constantFrom(...paths), op: fc.constant('delete' as const) }),
    // An extra, unknown field somewhere.
    fc
      .tuple(fc.constantFrom(...parents), fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('id', 'version', 'history', 'stage', 'createdAt', '__proto__')), weirdValue)
      .map(([parent, key, value]) => ({ path: [...parent, key], op: 'set' as const, value })),
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant<Body>({ kind: 'valid' }) },
    { weight: 8, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }).map<Body>((mutations) => ({ kind: 'mutated', mutations })) },
    { weight: 2, arbitrary: fc.anything().map<Body>((value) => ({ kind: 'anything', value })) },
    { weight: 1, arbitrary: fc.object().map<Body>((value) => ({ kind: 'anything', value })) },
    { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', '[1,', '{"a":1}}', 'nul', '\u0000', '')).map<Body>((text) => ({ kind: 'raw', text })) },
  );
}

const uniqueSuffix = (() => {
  let n = 0;
  return () => (n += 1).toString(36);
})();

const ENDPOINTS: Endpoint[] = [
  {
    name: 'POST /sectors',
    method: 'POST',
    path: '/sectors',
    valid: () => ({ id: `sector-${uniqueSuffix()}`, name: { id: 'Sektor', en: 'Sector' }, color: '#1d4e89' }),
    stored: schemas.sector,
    runs: 250,
  },
  { name: 'POST /regions', method: 'POST', path: '/regions', valid: validRegion, stored: schemas.region, runs: 250 },
  { name: 'POST /organizations', method: 'POST', path: '/organizations', valid: validOrganization, stored: schemas.organization, runs: 250 },
  { name: 'POST /people', method: 'POST', path: '/people', valid: validPerson, stored: schemas.person, runs: 250 },
  { name: 'POST /users', method: 'POST', path: '/users', valid: validUser, stored: schemas.user, runs: 250 },
  { name: 'POST /partnerships', method: 'POST', path: '/partnerships', valid: validPartnership, stored: schemas.partnership, runs: 250 },
  {
    name: 'POST /meetings',
    method: 'POST',
    path: '/meetings',
    valid: () =>
      validMeeting({
        followUps: [validFollowUpDraft(), validFollowUpDraft({ title: 'Kedua', ownerId: IDS.officer2 })],
        carriedFollowUpIds: ['fu-binzhou-exchange'],
      }),
    stored: schemas.meeting,
    runs: 400,
  },
  {
    name: 'POST /meetings (first contact)',
    method: 'POST',
    path: '/meetings',
    valid: () => {
      const { partnershipId: _p, ...meeting } = validMeeting({
        newPartnership: { region: { name: 'Yantai', localName: '烟台市', level: 'city', countryCode: 'CN', strengths: ['fisheries'] }, type: 'cooperation' },
        newPeople: [{ ref: 'new:1', name: 'Zhang Wei', side: 'guest', email: 'zw@example.org' }],
        delegationLeadId: 'new:1',
        participants: [{ side: 'guest', personId: 'new:1' }],
        followUps: [validFollowUpDraft()],
      });
      return meeting;
    },
    stored: schemas.meeting,
    runs: 250,
  },
  { name: 'POST /follow-ups', method: 'POST', path: '/follow-ups', valid: () => validFollowUp(), stored: schemas.followUp, runs: 300 },
  {
    name: 'PATCH /sectors/:id',
    method: 'PATCH',
    path: '/sectors/tourism',
    valid: () => ({ color: '#006600', name: { id: 'Wisata', en: 'Tourism' } }),
    version: async (s) => (await s.sectors.get('tourism'))!.version,
    stored: schemas.sector,
    runs: 200,
  },
  {
    name: 'PATCH /regions/:id',
    method: 'PATCH',
    path: `/regions/${IDS.binzhou}`,
    valid: () => ({ province: 'Shandong', strengths: ['fisheries'], coordinates: { lat: 37.38, lng: 118.01 } }),
    version: async (s) => (await s.regions.get(IDS.binzhou))!.version,
    stored: schemas.region,
    runs: 200,
  },
  {
    name: 'PATCH /organizations/:id',
    method: 'PATCH',
    path: `/organizations/${IDS.icbc}`,
    valid: () => ({ website: 'https://example.org/icbc', city: 'Jakarta' }),
    version: async (s) => (await s.organizations.get(IDS.icbc))!.version,
    stored: schemas.organization,
    runs: 200,
  },
  {
    name: 'PATCH /people/:id',
    method: 'PATCH',
    path: `/people/${IDS.qu}`,
    valid: () => ({ position: 'Deputy Mayor of Binzhou', email: 'qu@example.org' }),
    version: async (s) => (await s.people.get(IDS.qu))!.version,
    stored: schemas.person,
    runs: 200,
  },
  {
    name: 'PATCH /users/:id',
    method: 'PATCH',
    path: `/users/${IDS.officer2}`,
    valid: () => ({ position: 'Analis', role: 'officer' }),
    version: async (s) => (await s.users.get(IDS.officer2))!.version,
    stored: schemas.user,
    runs: 200,
  },
  {
    name: 'PATCH /partnerships/:id',
    method: 'PATCH',
    path: '/partnerships/pts-gimhae',
    valid: () => ({ notes: 'Catatan.', focusSectorIds: ['culture'], agreements: { mouSignedDate: '2022-01-20', mouExpiresDate: '2027-01-19' } }),
    version: async (s) => (await s.partnerships.get('pts-gimhae'))!.version,
    stored: schemas.partnership,
    runs: 200,
  },
  {
    name: 'PATCH /meetings/:id',
    method: 'PATCH',
    path: `/meetings/${IDS.visit}`,
    valid: () => ({ place: 'Ruang Rapat Wareng', source: { url: 'https://example.org/x', publisher: 'TANGERANGPEDIA' }, outcomes: ['Forum teknis'] }),
    version: async (s) => (await s.meetings.get(IDS.visit))!.version,
    stored: schemas.meeting,
    runs: 250,
  },
  {
    name: 'PATCH /follow-ups/:id',
    method: 'PATCH',
    path: '/follow-ups/fu-binzhou-tourism',
    valid: () => ({ priority: 'high', dueDate: '2026-01-31', status: 'blocked', comment: 'Menunggu anggaran.' }),
    version: async (s) => (await s.followUps.get('fu-binzhou-tourism'))!.version,
    stored: schemas.followUp,
    runs: 300,
  },
  {
    name: 'POST /follow-ups/bulk',
    method: 'POST',
    path: '/follow-ups/bulk',
    valid: async (s) => ({
      items: await Promise.all(['fu-binzhou-tourism', 'fu-binzhou-agenda', 'fu-gimhae-3'].map(async (id) => ({ id, version: (await s.followUps.get(id))!.version }))),
      changes: { status: 'blocked', ownerId: IDS.officer2, dueDate: '2026-01-31', comment: 'Menunggu anggaran.' },
    }),
    stored: schemas.followUpBulkResult,
    runs: 300,
  },
  {
    name: 'POST /partnerships/:id/stage-changes',
    method: 'POST',
    path: `/partnerships/${IDS.partnership}/stage-changes`,
    valid: async (s) => ({ to: nextStages((await s.partnerships.get(IDS.partnership))!.stage as Stage)[0] ?? 'exploring', date: '2025-11-01', note: 'Lanjut.' }),
    version: async (s) => (await s.partnerships.get(IDS.partnership))!.version,
    stored: schemas.partnership,
    runs: 200,
  },
];

function encode(body: Body, valid: Record<string, unknown>): string {
  switch (body.kind) {
    case 'valid':
      return JSON.stringify(valid);
    case 'mutated': {
      let value: unknown = valid;
      for (const mutation of body.mutations) value = applyMutation(value as Record<string, unknown>, mutation);
      return JSON.stringify(value) ?? 'null';
    }
    case 'anything':
      return JSON.stringify(body.value) ?? 'null';
    case 'raw':
      return body.text;
  }
}

/**
 * A user whose role may write to this path (src/domain/permissions.ts), so the generated bodies
 * reach validation; who may not is the roles matrix's business (roles-matrix.test.ts).
 */
function writerFor(path: string): string {
  if (/^\/(sectors|users)\b/.test(path)) return IDS.admin;
  if (path.startsWith('/partnerships')) return IDS.manager;
  return IDS.staff;
}

async function send(api: TestApi, endpoint: Endpoint, text: string, versionHeader: string | undefined) {
  return api.request(endpoint.method, endpoint.path, {
    user: writerFor(endpoint.path),
    body: text,
    headers: { 'content-type': 'application/json', ...(versionHeader !== undefined ? { 'if-match': versionHeader } : {}) },
  });
}

describe('every write endpoint, fed generated bodies', () => {
  let total = 0;

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: never 5xx; a 4xx changes nothing; a 2xx stores a valid resource`, async () => {
      const api = await testApi();
      const statuses = new Map<number, number>();
      const example = await endpoint.valid(api.store);
      // Mostly the current version, sometimes a stale, odd or missing one.
      const versionChoice = fc.oneof(
        { weight: 8, arbitrary: fc.constant<'current'>('current') },
        { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, '"0"', '*', 'W/"1"', '"abc"', '', '"1", "2"') },
      );
      // What the database holds now: taken again after a request only if a statement wrote (or
      // tried to write) a row, so it is always the state before the next request.
      let state = await storedState(api);
      let changes = await changeStamp(api);

      await fc.assert(
        fc.asyncProperty(bodyArbitrary(example), versionChoice, async (body, choice) => {
          const before = state;
          const earlier = endpoint.stored === schemas.followUpBulkResult ? await api.store.followUps.all() : [];
          const text = encode(body, await endpoint.valid(api.store));
          const version =
            endpoint.version === undefined ? undefined : choice === 'current' ? `"${await endpoint.version(api.store)}"` : choice;
          const response = await send(api, endpoint, text, version);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const changesNow = await changeStamp(api);
          if (changesNow !== changes) state = await storedState(api);
          changes = changesNow;

          expect(response.status, `5xx for ${text.slice(0, 300)}`).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
            expect(response.body.status).toBe(response.status);
            expect(sameState(state, before), `a ${response.status} changed the store`).toBe(true);
          } else {
            expect([200, 201]).toContain(response.status);
            const parsed = endpoint.stored.safeParse(response.body);
            expect(parsed.success, `stored an invalid resource: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
            if (endpoint.stored === schemas.followUp) expect(followUpRuleErrors(response.body)).toEqual([]);
            if (endpoint.stored === schemas.followUpBulkResult) {
              for (const item of response.body.updated) {
                expect(followUpRuleErrors(item)).toEqual([]);
                expect(await api.store.followUps.get(item.id)).toEqual(item);
              }
              // An item that failed is as it was.
              for (const failure of response.body.failed) {
                expect(await api.store.followUps.get(failure.id)).toEqual(earlier.find((f) => f.id === failure.id));
              }
            }
            if (endpoint.path === '/meetings') {
              for (const item of (await api.store.followUps.all()).filter((f) => f.meetingIds.includes(response.body.id))) {
                expect(schemas.followUp.safeParse(item).success).toBe(true);
                expect(followUpRuleErrors(item)).toEqual([]);
              }
            }
          }
        }),
        { numRuns: endpoint.runs },
      );

      total += endpoint.runs;
      // The generator reached both sides of the contract: refusals and successful writes.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(endpoint.runs / 4);
      expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    }, 120_000);
  }

  it('sent a few thousand bodies in all', async () => {
    expect(total).toBeGreaterThanOrEqual(4_000);
  });
});

describe('list endpoints, fed generated query strings', () => {
  const lists = ['/sectors', '/regions', '/organizations', '/people', '/users', '/partnerships', '/meetings', '/follow-ups', '/stats/kpis', '/stats/follow-ups-by-sector', '/stats/meetings-by-quarter', '/stats/partnerships-by-stage', '/stats/overdue-by-sector', '/stats/overdue-by-owner', '/stats/completion-by-month', '/stats/health'];
  const keys = fc.constantFrom('limit', 'cursor', 'sort', 'q', 'id', 'status', 'due', 'from', 'to', 'year', 'kind', 'stage', 'level', 'role', 'active', 'illustrative', 'sectorId', 'countryCode', 'agreedFrom', 'agreedTo', 'x');

  it('answer 200 or a 400 problem, never 5xx, and never more than a page', async () => {
    const api = await testApi();
    const before = JSON.stringify(await api.store.snapshot());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...lists),
        fc.array(fc.tuple(keys, fc.oneof(fc.string({ maxLength: 20 }), weirdUnicode, fc.integer().map(String), fc.constantFrom('-1', '0', '100', '101', '1e3', 'NaN', '2025-01-01', '-dueDate', 'open,done', 'b0'))), { maxLength: 4 }),
        async (path, params) => {
          const query = new URLSearchParams(params).toString();
          const response = await api.request('GET', `${path}${query ? `?${query}` : ''}`);
          expect([200, 400]).toContain(response.status);
          if (response.status === 400) expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
          else if (Array.isArray(response.body.items) && !path.startsWith('/stats')) expect(response.body.items.length).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 400 },
    );
    expect(JSON.stringify(await api.store.snapshot())).toBe(before);
  }, 60_000);
});

describe('resource ids in the path, generated', () => {
  const resources = ['sectors', 'regions', 'organizations', 'people', 'users', 'partnerships', 'meetings', 'follow-ups'];
  const rawId = fc.oneof(
    fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
    fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '..%2F..%2Fsectors', '__proto__', 'constructor', 'toString', '%F0%9F%98%80'),
  );

  it('an unknown id is a 404 problem for reads and writes, never 5xx, and changes nothing', async () => {
    const api = await testApi();
    const before = JSON.stringify(await api.store.snapshot());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...resources), rawId, fc.constantFrom('GET', 'PATCH'), async (resource, id, method) => {
        const decoded = decodeURIComponentSafe(id);
        // No stored id holds U+0000 (PostgreSQL could not even be asked for one).
        const known = decoded.includes('\u0000') ? undefined : await api.store[resource === 'follow-ups' ? 'followUps' : (resource as 'sectors')].get(decoded);
        fc.pre(known === undefined);
        const response = await api.request(
          method,
          `/${resource}/${id}`,
          method === 'PATCH' ? { body: {}, headers: { 'if-match': '"1"' }, user: writerFor(`/${resource}`) } : {},
        );
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
      }),
      { numRuns: 300 },
    );
    expect(JSON.stringify(await api.store.snapshot())).toBe(before);
  }, 60_000);
});

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
