import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../server/app';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { can, type Action } from '../../src/domain/permissions';
import { ROLES, type Role } from '../../src/domain/user';
import type { Snapshot } from '../../server/store';
import { NOW, testApi, type TestApi } from './helpers';
import { IMPORT_WRITE_ROUTES } from './import-helpers';
import {
  expectProblem,
  ifMatch,
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

/**
 * Every write endpoint × every role, plus no user and a disabled user. The table below is the
 * policy written out by hand (DESIGN.md: who does what); a test further down checks it agrees
 * with src/domain/permissions.ts, another that it names every write route the API registers.
 */
const DISABLED = 'usr-former-admin';

/** The demo data plus a disabled administrator: being disabled beats any role. */
function snapshot(): Snapshot {
  const data = demoSnapshot();
  const admin = data.users.find((u) => u.id === IDS.admin)!;
  return { ...data, users: [...data.users, { ...admin, id: DISABLED, email: 'former@example.org', active: false }] };
}

type Case = {
  name: string;
  method: 'POST' | 'PATCH';
  /** The route as registered, to check every write route is here. */
  route: string;
  path: string;
  body: () => unknown;
  headers?: Record<string, string>;
  allowed: readonly Role[];
};

const STAFF: Role = 'staff';
const OFFICER: Role = 'officer';
const MANAGER: Role = 'manager';
const ADMIN: Role = 'admin';

const CASES: Case[] = [
  { name: 'create a sector', method: 'POST', route: '/sectors', path: '/sectors', body: validSector, allowed: [ADMIN] },
  {
    name: 'edit a sector',
    method: 'PATCH',
    route: '/sectors/:id',
    path: '/sectors/tourism',
    body: () => ({ color: '#006600' }), // readable on the chart background (4.5:1, issue 15)
    headers: ifMatch(1),
    allowed: [ADMIN],
  },
  { name: 'create a region', method: 'POST', route: '/regions', path: '/regions', body: validRegion, allowed: [STAFF, ADMIN] },
  {
    name: 'edit a region',
    method: 'PATCH',
    route: '/regions/:id',
    path: `/regions/${IDS.binzhou}`,
    body: () => ({ province: 'Shandong Sheng' }),
    headers: ifMatch(1),
    allowed: [STAFF, ADMIN],
  },
  { name: 'create an organisation', method: 'POST', route: '/organizations', path: '/organizations', body: validOrganization, allowed: [STAFF, ADMIN] },
  {
    name: 'edit an organisation',
    method: 'PATCH',
    route: '/organizations/:id',
    path: `/organizations/${IDS.icbc}`,
    body: () => ({ city: 'Jakarta Selatan' }),
    headers: ifMatch(1),
    allowed: [STAFF, ADMIN],
  },
  { name: 'create a person', method: 'POST', route: '/people', path: '/people', body: validPerson, allowed: [STAFF, ADMIN] },
  {
    name: 'edit a person',
    method: 'PATCH',
    route: '/people/:id',
    path: `/people/${IDS.qu}`,
    body: () => ({ position: 'Deputy Mayor' }),
    headers: ifMatch(1),
    allowed: [STAFF, ADMIN],
  },
  { name: 'create a user', method: 'POST', route: '/users', path: '/users', body: validUser, allowed: [ADMIN] },
  {
    name: 'disable a user',
    method: 'PATCH',
    route: '/users/:id',
    path: `/users/${IDS.officer2}`,
    body: () => ({ active: false }),
    headers: ifMatch(1),
    allowed: [ADMIN],
  },
  { name: 'create a partnership', method: 'POST', route: '/partnerships', path: '/partnerships', body: validPartnership, allowed: [MANAGER, ADMIN] },
  {
    name: 'edit a partnership',
    method: 'PATCH',
    route: '/partnerships/:id',
    path: '/partnerships/pts-gimhae',
    body: () => ({ notes: 'Catatan.' }),
    headers: ifMatch(1),
    allowed: [MANAGER, ADMIN],
  },
  {
    name: 'change a partnership stage',
    method: 'POST',
    route: '/partnerships/:id/stage-changes',
    path: `/partnerships/${IDS.partnership}/stage-changes`,
    body: () => ({ to: 'letter-of-intent', date: '2025-11-01' }),
    headers: ifMatch(1),
    allowed: [MANAGER],
  },
  {
    name: 'log a visit',
    method: 'POST',
    route: '/meetings',
    path: '/meetings',
    body: () => validMeeting({ followUps: [validFollowUpDraft()] }),
    allowed: [STAFF],
  },
  {
    name: 'log a first-contact visit (new partner region, partnership and people inline)',
    method: 'POST',
    route: '/meetings',
    path: '/meetings',
    body: () => {
      const { partnershipId: _p, ...meeting } = validMeeting({
        newPartnership: { region: { name: 'Yantai', level: 'city', countryCode: 'CN', strengths: [] }, type: 'cooperation' },
        newPeople: [{ ref: 'new:1', name: 'Zhang Wei', side: 'guest' }],
        delegationLeadId: 'new:1',
      });
      return meeting;
    },
    allowed: [STAFF],
  },
  {
    name: 'edit a meeting',
    method: 'PATCH',
    route: '/meetings/:id',
    path: `/meetings/${IDS.visit}`,
    body: () => ({ place: 'Ruang Rapat Wareng' }),
    headers: ifMatch(1),
    allowed: [STAFF],
  },
  { name: 'create a follow-up', method: 'POST', route: '/follow-ups', path: '/follow-ups', body: () => validFollowUp(), allowed: [STAFF, MANAGER] },
  {
    // fu-binzhou-forum is Budi's (the officer's): he may change its status, the admin may not.
    name: "change the status of the officer's own follow-up",
    method: 'PATCH',
    route: '/follow-ups/:id',
    path: '/follow-ups/fu-binzhou-forum',
    body: () => ({ status: 'done', comment: 'Selesai.' }),
    headers: ifMatch(2),
    allowed: [STAFF, OFFICER, MANAGER],
  },
  {
    name: 'reassign a follow-up',
    method: 'PATCH',
    route: '/follow-ups/:id',
    path: '/follow-ups/fu-binzhou-forum',
    body: () => ({ ownerId: IDS.officer2 }),
    headers: ifMatch(2),
    allowed: [STAFF, MANAGER],
  },
  {
    name: 'bulk change follow-ups',
    method: 'POST',
    route: '/follow-ups/bulk',
    path: '/follow-ups/bulk',
    body: () => ({ items: [{ id: 'fu-binzhou-forum', version: 2 }], changes: { status: 'done', comment: 'Selesai.' } }),
    allowed: [STAFF, OFFICER, MANAGER],
  },
];

const USER_OF: Record<Role, string> = { staff: IDS.staff, officer: IDS.officer, manager: IDS.manager, admin: IDS.admin };

async function call(api: TestApi, c: Case, user: string | null) {
  return api.request(c.method, c.path, { body: c.body(), user, ...(c.headers ? { headers: c.headers } : {}) });
}

describe('roles × write endpoints', () => {
  for (const c of CASES) {
    describe(`${c.method} ${c.path}: ${c.name}`, () => {
      // A refusal changes nothing (each test checks it), so the refusals of one endpoint share a
      // database; each allowed write gets a fresh one.
      let refusals: TestApi;
      beforeAll(async () => {
        refusals = await testApi(snapshot());
      }, 30_000);
      afterAll(() => refusals.database.close());

      for (const role of ROLES) {
        const allowed = c.allowed.includes(role);
        it(`${role}: ${allowed ? 'allowed' : '403, nothing changed'}`, async () => {
          const api = allowed ? await testApi(snapshot()) : refusals;
          const before = await api.store.snapshot();
          const response = await call(api, c, USER_OF[role]);
          if (allowed) {
            // Not just "not 403": the valid request does what it asks.
            expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(200);
            expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
            if (c.route === '/follow-ups/bulk') expect(response.body.failed).toEqual([]);
            expect(await api.store.snapshot()).not.toEqual(before);
          } else {
            // A bulk request is let in for any follow-up right; the item the officer does not
            // own is refused on its own (below). Roles without any follow-up right get 403.
            expectProblem(response, 403, '/problems/forbidden');
            expect(await api.store.snapshot()).toEqual(before);
          }
        });
      }
      for (const [who, user] of [
        ['no user', null],
        ['an unknown user', 'usr-ghost'],
        ['a disabled administrator', DISABLED],
      ] as const) {
        it(`${who}: 401, nothing changed`, async () => {
          const api = refusals;
          const before = await api.store.snapshot();
          expectProblem(await call(api, c, user), 401, '/problems/unauthenticated');
          expect(await api.store.snapshot()).toEqual(before);
        });
      }
    });
  }
});

describe('follow-ups: an officer changes only their own items, never their owner', () => {
  it("refuses an officer's change to a colleague's follow-up, and the hand-over of their own", async () => {
    const api = await testApi(snapshot());
    const before = await api.store.snapshot();
    // fu-binzhou-exchange is Dewi's; Budi may not touch it.
    expectProblem(
      await api.request('PATCH', '/follow-ups/fu-binzhou-exchange', { body: { status: 'done' }, headers: ifMatch(1), user: IDS.officer }),
      403,
      '/problems/forbidden',
    );
    // His own item, but handed to Dewi: managers reassign.
    expectProblem(
      await api.request('PATCH', '/follow-ups/fu-binzhou-forum', {
        body: { ownerId: IDS.officer2, comment: 'Untuk Dewi.' },
        headers: ifMatch(2),
        user: IDS.officer,
      }),
      403,
      '/problems/forbidden',
    );
    // Naming himself as owner is no reassignment.
    expect(await api.store.snapshot()).toEqual(before);
    const same = await api.request('PATCH', '/follow-ups/fu-binzhou-forum', {
      body: { ownerId: IDS.officer, priority: 'high' },
      headers: ifMatch(2),
      user: IDS.officer,
    });
    expect(same.status).toBe(200);
  });

  it('bulk: each item the officer may not change fails alone with 403; his own are saved', async () => {
    const api = await testApi(snapshot());
    const response = await api.request('POST', '/follow-ups/bulk', {
      user: IDS.officer,
      body: {
        items: [
          { id: 'fu-binzhou-forum', version: 2 }, // Budi's
          { id: 'fu-binzhou-exchange', version: 1 }, // Dewi's
          { id: 'fu-gimhae-3', version: 1 }, // Budi's
        ],
        changes: { status: 'blocked', comment: 'Menunggu anggaran.' },
      },
    });
    expect(response.status).toBe(200);
    expect(response.body.updated.map((f: { id: string }) => f.id)).toEqual(['fu-binzhou-forum', 'fu-gimhae-3']);
    expect(response.body.failed).toEqual([
      expect.objectContaining({ id: 'fu-binzhou-exchange', status: 403, type: '/problems/forbidden' }),
    ]);
    expect(await api.store.followUps.get('fu-binzhou-exchange')).toEqual(demoSnapshot().followUps.find((f) => f.id === 'fu-binzhou-exchange'));
  });

  it('bulk: reassigning is refused item by item for an officer, even his own items', async () => {
    const api = await testApi(snapshot());
    const before = await api.store.snapshot();
    const response = await api.request('POST', '/follow-ups/bulk', {
      user: IDS.officer,
      body: { items: [{ id: 'fu-binzhou-forum', version: 2 }], changes: { ownerId: IDS.officer2 } },
    });
    expect(response.status).toBe(200);
    expect(response.body.failed.map((f: { status: number }) => f.status)).toEqual([403]);
    expect(await api.store.snapshot()).toEqual(before);
  });
});

describe('the matrix and the permissions table', () => {
  it('says, for every single-action endpoint, exactly what can() says', async () => {
    const actionOf: Record<string, Action> = {
      'POST /sectors': 'sector.write',
      'PATCH /sectors/:id': 'sector.write',
      'POST /regions': 'region.write',
      'PATCH /regions/:id': 'region.write',
      'POST /organizations': 'organization.write',
      'PATCH /organizations/:id': 'organization.write',
      'POST /people': 'person.write',
      'PATCH /people/:id': 'person.write',
      'POST /users': 'user.manage',
      'PATCH /users/:id': 'user.manage',
      'POST /partnerships': 'partnership.create',
      'PATCH /partnerships/:id': 'partnership.update',
      'POST /partnerships/:id/stage-changes': 'partnership.changeStage',
      'POST /meetings': 'meeting.create',
      'PATCH /meetings/:id': 'meeting.update',
      'POST /follow-ups': 'followUp.create',
    };
    for (const c of CASES) {
      const action = actionOf[`${c.method} ${c.route}`];
      if (!action) continue;
      expect({ case: c.name, allowed: [...c.allowed].sort() }).toEqual({
        case: c.name,
        allowed: ROLES.filter((role) => can(role, action)).sort(),
      });
    }
  });

  it('covers every write route the API registers', async () => {
    const api = createApi({ database: (await testApi()).database, now: () => NOW });
    const writes = new Set(
      api.routes.filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method)).map((r) => `${r.method} ${r.path.replace(/^\/api/, '')}`),
    );
    // The import API's routes depend on the import's resource: their roles are tested in
    // tests/api/imports-roles.test.ts.
    const covered = new Set([...CASES.map((c) => `${c.method} ${c.route}`), ...IMPORT_WRITE_ROUTES]);
    expect([...writes].sort()).toEqual([...covered].sort());
  });
});

describe('deny by default', () => {
  it('refuses a write route that declared no rule, for every role, before its handler runs', async () => {
    const api = createApi({ database: (await testApi()).database, now: () => NOW });
    let ran = false;
    // A route added without `deps.rules.declare(...)`, as a careless new feature would.
    api.post('/experiments', () => {
      ran = true;
      return new Response(null, { status: 204 });
    });
    for (const user of Object.values(USER_OF)) {
      const response = await api.fetch(
        new Request('http://mitra.test/api/experiments', {
          method: 'POST',
          headers: { 'x-mitra-user': user, 'content-type': 'application/json' },
          body: '{}',
        }),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(((await response.json()) as { type: string }).type).toBe('/problems/forbidden');
    }
    expect(ran).toBe(false);
  });

  it('still answers 404 for a method no route has', async () => {
    const api = await testApi();
    expectProblem(await api.request('DELETE', '/sectors/tourism', { user: IDS.admin }), 404);
    expectProblem(await api.request('PUT', '/sectors/tourism', { body: {}, user: IDS.admin }), 404);
  });
});
