import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { NOW, testApi } from './helpers';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validPerson } from './fixtures';

describe('GET /api/people', () => {
  it('lists the two leads of the Binzhou visit, sorted by name', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/people');
    expect(response.status).toBe(200);
    expect(response.body.items.map((p: any) => p.name)).toEqual(['Intan Nurul Hikmah', 'Qu Yuekuan']);
    expect(response.body.total).toBe(2);
  });

  it('filters by region and by organisation, and finds by position', async () => {
    const api = await testApi();
    expect((await api.request('GET', `/people?regionId=${IDS.binzhou}`)).body.items.map((p: any) => p.id)).toEqual([IDS.qu]);
    const icbcPerson = await api.request('POST', '/people', {
      body: { name: 'Rep ICBC', organizationId: IDS.icbc },
    });
    expect(icbcPerson.status).toBe(201);
    expect((await api.request('GET', `/people?organizationId=${IDS.icbc}`)).body.items.map((p: any) => p.id)).toEqual([
      icbcPerson.body.id,
    ]);
    expect((await api.request('GET', '/people?q=wakil%20bupati')).body.items.map((p: any) => p.id)).toEqual([IDS.intan]);
    expect((await api.request('GET', '/people?sort=-name')).body.items.map((p: any) => p.name)).toEqual([
      'Rep ICBC',
      'Qu Yuekuan',
      'Intan Nurul Hikmah',
    ]);
  });

  it('pages through all people exactly once', async () => {
    const api = await testApi();
    const ids: string[] = [IDS.intan, IDS.qu];
    for (let i = 0; i < 9; i += 1) {
      ids.push((await api.request('POST', '/people', { body: { ...validPerson(), name: `Orang ${i}` } })).body.id);
    }
    await expectPagingWalk(api, '/people', ids, 2);
    await expectPagingWalk(api, '/people?sort=-updatedAt', ids, 3);
  });

  it('rejects unknown query parameters', async () => {
    expectFieldErrors(await (await testApi()).request('GET', '/people?country=CN'), { country: 'unknownField' });
  });
});

describe('GET /api/people/:id', () => {
  it('returns Qu Yuekuan with his position, or 404 for an unknown id', async () => {
    const api = await testApi();
    expect((await api.request('GET', `/people/${IDS.qu}`)).body).toMatchObject({
      name: 'Qu Yuekuan',
      position: 'Deputy Mayor of Binzhou',
    });
    expectProblem(await api.request('GET', '/people/per-nobody'), 404);
  });
});

describe('POST /api/people', () => {
  it('creates a person belonging to a region', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/people', { body: validPerson() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...validPerson(), version: 1, createdAt: NOW.toISOString() });
    expect(response.body.id).toMatch(/^per-/);
  });

  it('needs a region or an organisation', async () => {
    const api = await testApi();
    const { regionId: _r, ...body } = validPerson();
    expectFieldErrors(await api.request('POST', '/people', { body }), { regionId: 'affiliationRequired' });
    expect((await api.store.people.count())).toBe(2);
  });

  it('refuses a region or organisation that does not exist', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', '/people', { body: { ...validPerson(), regionId: 'reg-nowhere', organizationId: 'org-none' } }),
      { regionId: 'unknownReference', organizationId: 'unknownReference' },
    );
    expect((await api.store.people.count())).toBe(2);
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/people', {
      body: { name: '  ', regionId: IDS.binzhou, email: 'not-an-email', phone: 'call me', illustrative: 'yes' },
    });
    expectFieldErrors(response, {
      name: 'required',
      email: 'invalidEmail',
      phone: 'invalidFormat',
      illustrative: 'invalidType',
    });
  });

  it('rejects unknown fields, tooLong names, bad JSON and bad media types', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/people', { body: { ...validPerson(), title: 'Dr.' } }), { title: 'unknownField' });
    expectFieldErrors(await api.request('POST', '/people', { body: { ...validPerson(), name: longText(10_000) } }), {
      name: 'tooLong',
    });
    expectProblem(await api.request('POST', '/people', { body: '[' }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/people', { body: '{}', headers: { 'content-type': 'multipart/form-data' } }), 415);
    expectProblem(await api.request('POST', '/people', { body: validPerson(), user: 'usr-ghost' }), 401);
    expect((await api.store.people.count())).toBe(2);
  });
});

describe('PATCH /api/people/:id', () => {
  it('updates the position and keeps the affiliation', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', `/people/${IDS.qu}`, {
      body: { position: 'Wakil Wali Kota Binzhou' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ position: 'Wakil Wali Kota Binzhou', regionId: IDS.binzhou, version: 2 });
  });

  it('refuses an unknown region on update', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('PATCH', `/people/${IDS.qu}`, { body: { regionId: 'reg-x' }, headers: ifMatch(1) }), {
      regionId: 'unknownReference',
    });
    expect((await api.store.people.get(IDS.qu))?.regionId).toBe(IDS.binzhou);
  });

  it('answers 428, 412 with current and 404', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/people/${IDS.qu}`, { body: { position: 'X' } }), 428);
    const stale = await api.request('PATCH', `/people/${IDS.qu}`, { body: { position: 'X' }, headers: ifMatch(0) });
    expectProblem(stale, 412);
    expect(stale.body.current).toMatchObject({ id: IDS.qu, version: 1 });
    expectProblem(await api.request('PATCH', '/people/per-x', { body: { position: 'X' }, headers: ifMatch(1) }), 404);
  });
});
