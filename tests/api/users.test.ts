import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { NOW, testApi as baseTestApi } from './helpers';
import { asUser } from './as-user';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validUser } from './fixtures';

/** User writes are the administrator's (src/domain/permissions.ts). */
const testApi = (...args: Parameters<typeof baseTestApi>) => asUser(baseTestApi(...args), IDS.admin);

describe('GET /api/users', () => {
  it('lists the users sorted by name', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/users');
    expect(response.status).toBe(200);
    const names = response.body.items.map((u: any) => u.name);
    expect(names).toEqual([...names].sort());
    expect(response.body.total).toBe(demoSnapshot().users.length);
  });

  it('filters by role and by active', async () => {
    const api = await testApi();
    expect((await api.request('GET', '/users?role=officer')).body.items.map((u: any) => u.id).sort()).toEqual(
      [IDS.officer, IDS.officer2].sort(),
    );
    expect((await api.request('GET', '/users?role=admin,manager')).body.total).toBe(2);
    expect((await api.request('GET', '/users?active=false')).body.total).toBe(0);
    expect((await api.request('GET', '/users?active=true')).body.total).toBe(demoSnapshot().users.length);
    expectFieldErrors(await api.request('GET', '/users?active=yes'), { active: 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/users?role=boss'), { 'role.0': 'invalidOption' });
  });

  it('sorts by role and pages through every user once', async () => {
    const api = await testApi();
    const roles = (await api.request('GET', '/users?sort=role')).body.items.map((u: any) => u.role);
    expect(roles).toEqual([...roles].sort());
    await expectPagingWalk(api, '/users', demoSnapshot().users.map((u) => u.id), 2);
  });
});

describe('GET /api/users/:id', () => {
  it('returns a user, or 404', async () => {
    const api = await testApi();
    expect((await api.request('GET', `/users/${IDS.officer}`)).body).toMatchObject({ name: 'Budi Santoso', role: 'officer' });
    expectProblem(await api.request('GET', '/users/usr-ghost'), 404);
  });
});

describe('POST /api/users', () => {
  it('creates an active user by default', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/users', { body: validUser(), user: IDS.admin });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...validUser(), active: true, version: 1, createdAt: NOW.toISOString() });
    expect(response.body.id).toMatch(/^usr-/);
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/users', {
      body: { name: '', email: 'agus@', role: 'superuser', position: '', active: 1 },
    });
    expectFieldErrors(response, {
      name: 'required',
      email: 'invalidEmail',
      role: 'invalidOption',
      position: 'required',
      active: 'invalidType',
    });
  });

  it('rejects unknown fields (no password smuggling), tooLong names, bad JSON and media types', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/users', { body: { ...validUser(), password: 'hunter2' } }), {
      password: 'unknownField',
    });
    expectFieldErrors(await api.request('POST', '/users', { body: { ...validUser(), name: longText(10_000) } }), {
      name: 'tooLong',
    });
    expectProblem(await api.request('POST', '/users', { body: '{"name":' }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/users', { body: '{}', headers: { 'content-type': 'application/xml' } }), 415);
    expect((await api.store.users.count())).toBe(demoSnapshot().users.length);
  });
});

describe('PATCH /api/users/:id', () => {
  it('deactivating a user stops their writes (401) and their session', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', `/users/${IDS.officer2}`, {
      body: { active: false },
      headers: ifMatch(1),
      user: IDS.admin,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ active: false, version: 2 });
    expectProblem(await api.request('GET', '/session', { user: IDS.officer2 }), 401);
    expectProblem(
      await api.request('POST', '/organizations', { body: { name: 'X', kind: 'ngo' }, user: IDS.officer2 }),
      401,
    );
  });

  it('renaming an inactive user does not reactivate them', async () => {
    const api = await testApi();
    await api.request('PATCH', `/users/${IDS.officer2}`, { body: { active: false }, headers: ifMatch(1) });
    const response = await api.request('PATCH', `/users/${IDS.officer2}`, {
      body: { name: 'Dewi Lestari, S.H.' },
      headers: ifMatch(2),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Dewi Lestari, S.H.', active: false, version: 3 });
  });

  it('answers 428, 412 with current, 404 and field errors', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/users/${IDS.officer}`, { body: { role: 'manager' } }), 428);
    const stale = await api.request('PATCH', `/users/${IDS.officer}`, { body: { role: 'manager' }, headers: ifMatch(2) });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ id: IDS.officer, role: 'officer', version: 1 });
    expectProblem(await api.request('PATCH', '/users/usr-ghost', { body: { role: 'manager' }, headers: ifMatch(1) }), 404);
    expectFieldErrors(await api.request('PATCH', `/users/${IDS.officer}`, { body: { role: 'root' }, headers: ifMatch(1) }), {
      role: 'invalidOption',
    });
    expect((await api.store.users.get(IDS.officer))?.role).toBe('officer');
  });
});

describe('the last administrator', () => {
  it('cannot be disabled or lose the role while no other active administrator exists', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    expectFieldErrors(await api.request('PATCH', `/users/${IDS.admin}`, { body: { active: false }, headers: ifMatch(1) }), { active: 'invalid' });
    expectFieldErrors(await api.request('PATCH', `/users/${IDS.admin}`, { body: { role: 'manager' }, headers: ifMatch(1) }), { role: 'invalid' });
    expect((await api.store.snapshot())).toEqual(before);
    // With a second administrator, either may step down.
    expect((await api.request('PATCH', `/users/${IDS.manager}`, { body: { role: 'admin' }, headers: ifMatch(1) })).status).toBe(200);
    expect((await api.request('PATCH', `/users/${IDS.admin}`, { body: { active: false }, headers: ifMatch(1) })).status).toBe(200);
  });
});
