import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { NOW, testApi } from './helpers';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validOrganization } from './fixtures';

describe('GET /api/organizations', () => {
  it('lists ICBC Jakarta, the facilitator of the Binzhou visit', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/organizations');
    expect(response.status).toBe(200);
    expect(response.body.items.map((o: any) => o.id)).toEqual([IDS.icbc]);
    expect(response.body.total).toBe(1);
    expect(response.body.nextCursor).toBeNull();
  });

  it('filters by kind and finds by acronym', async () => {
    const api = await testApi();
    await api.request('POST', '/organizations', { body: validOrganization() });
    const councils = await api.request('GET', '/organizations?kind=business-council');
    expect(councils.body.items.map((o: any) => o.id)).toEqual([IDS.icbc]);
    const both = await api.request('GET', '/organizations?kind=business-council,chamber-of-commerce');
    expect(both.body.total).toBe(2);
    expect((await api.request('GET', '/organizations?q=kadin')).body.items.map((o: any) => o.acronym)).toEqual(['KADIN']);
    expectFieldErrors(await api.request('GET', '/organizations?kind=club'), { 'kind.0': 'invalidOption' });
  });

  it('pages through all organisations exactly once, sorted by name', async () => {
    const api = await testApi();
    const created: string[] = [IDS.icbc];
    for (let i = 0; i < 12; i += 1) {
      const response = await api.request('POST', '/organizations', {
        body: { ...validOrganization(), name: `Organisasi ${String(i).padStart(2, '0')}` },
      });
      created.push(response.body.id);
    }
    const walk = await expectPagingWalk(api, '/organizations', created, 5);
    const names = await Promise.all(walk.ids.map(async (id) => (await api.store.organizations.get(id))!.name));
    expect(names).toEqual([...names].sort());
  });
});

describe('GET /api/organizations/:id', () => {
  it('returns the organisation, or 404', async () => {
    const api = await testApi();
    expect((await api.request('GET', `/organizations/${IDS.icbc}`)).body).toMatchObject({ acronym: 'ICBC', city: 'Jakarta' });
    expectProblem(await api.request('GET', '/organizations/org-none'), 404);
  });
});

describe('POST /api/organizations', () => {
  it('creates an organisation', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/organizations', { body: validOrganization() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...validOrganization(), illustrative: false, version: 1, updatedAt: NOW.toISOString() });
    expect(response.body.id).toMatch(/^org-/);
    expect((await api.store.organizations.count())).toBe(2);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    '  javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'https://',
    'example.org',
  ])('refuses the website %j as invalidUrl and stores nothing', async (website) => {
    const api = await testApi();
    const response = await api.request('POST', '/organizations', { body: { ...validOrganization(), website } });
    expectFieldErrors(response, { website: 'invalidUrl' });
    expect((await api.store.organizations.count())).toBe(1);
  });

  it('accepts http and https websites', async () => {
    const api = await testApi();
    for (const website of ['http://example.org', 'https://example.org/a?b=c#d']) {
      const response = await api.request('POST', '/organizations', { body: { ...validOrganization(), website } });
      expect(response.status).toBe(201);
      expect(response.body.website).toBe(website);
    }
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/organizations', {
      body: { name: '', acronym: longText(41), kind: 'club', countryCode: 'IDN', website: 42 },
    });
    expectFieldErrors(response, {
      name: 'required',
      acronym: 'tooLong',
      kind: 'invalidOption',
      countryCode: 'invalidCountry',
      website: 'invalidType',
    });
  });

  it('rejects unknown fields and 10,000-character names', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/organizations', { body: { ...validOrganization(), logo: 'x.png' } }), {
      logo: 'unknownField',
    });
    expectFieldErrors(await api.request('POST', '/organizations', { body: { ...validOrganization(), name: longText(10_000) } }), {
      name: 'tooLong',
    });
    expect((await api.store.organizations.count())).toBe(1);
  });

  it('answers 400 for malformed JSON, 415 for text, 401 without a user', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/organizations', { body: 'not json' }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/organizations', { body: '{}', headers: { 'content-type': 'text/plain' } }), 415);
    expectProblem(await api.request('POST', '/organizations', { body: validOrganization(), user: null }), 401);
    expect((await api.store.organizations.count())).toBe(1);
  });
});

describe('PATCH /api/organizations/:id', () => {
  it('updates the website and keeps the rest', async () => {
    const api = await testApi();
    const before = (await api.store.organizations.get(IDS.icbc))!;
    const response = await api.request('PATCH', `/organizations/${IDS.icbc}`, {
      body: { website: 'https://example.org/icbc' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before, website: 'https://example.org/icbc', version: 2, updatedAt: NOW.toISOString() });
  });

  it('refuses a javascript: website on update too', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', `/organizations/${IDS.icbc}`, {
      body: { website: 'javascript:alert(1)' },
      headers: ifMatch(1),
    });
    expectFieldErrors(response, { website: 'invalidUrl' });
    expect((await api.store.organizations.get(IDS.icbc))?.website).toBeUndefined();
  });

  it('answers 428, 412 with current, 404 and unknownField as the contract says', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/organizations/${IDS.icbc}`, { body: { city: 'Bandung' } }), 428);
    const stale = await api.request('PATCH', `/organizations/${IDS.icbc}`, { body: { city: 'Bandung' }, headers: ifMatch(7) });
    expectProblem(stale, 412);
    expect(stale.body.current).toEqual(demoSnapshot().organizations[0]);
    expectProblem(await api.request('PATCH', '/organizations/org-none', { body: { city: 'Bandung' }, headers: ifMatch(1) }), 404);
    expectFieldErrors(
      await api.request('PATCH', `/organizations/${IDS.icbc}`, { body: { members: 40 }, headers: ifMatch(1) }),
      { members: 'unknownField' },
    );
    expect((await api.store.organizations.get(IDS.icbc))?.version).toBe(1);
  });
});
