import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { NOW, testApi } from './helpers';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validRegion } from './fixtures';

const ids = (response: { body: any }) => response.body.items.map((r: any) => r.id);

describe('GET /api/regions', () => {
  it('lists the regions sorted by name by default', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/regions');
    expect(response.status).toBe(200);
    const names = response.body.items.map((r: any) => r.name);
    expect(names).toEqual([...names].sort());
    expect(response.body.total).toBe(demoSnapshot().regions.length);
  });

  it('filters by role, level (comma list or repeated) and country', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/regions?role=home'))).toEqual([IDS.tangerang]);
    expect(ids(await api.request('GET', '/regions?level=regency,province')).sort()).toEqual(
      [IDS.tangerang, 'reg-penang'].sort(),
    );
    expect(ids(await api.request('GET', '/regions?level=regency&level=province')).sort()).toEqual(
      [IDS.tangerang, 'reg-penang'].sort(),
    );
    expect(ids(await api.request('GET', '/regions?countryCode=CN'))).toEqual([IDS.binzhou]);
  });

  it('filters by a strength sector', async () => {
    const api = await testApi();
    const expected = demoSnapshot()
      .regions.filter((r) => r.strengths.includes('manufacturing'))
      .map((r) => r.id)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(ids(await api.request('GET', '/regions?sectorId=manufacturing')).sort()).toEqual(expected);
  });

  it('finds Binzhou by its local-script name and by its province', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', `/regions?q=${encodeURIComponent('滨州')}`))).toEqual([IDS.binzhou]);
    expect(ids(await api.request('GET', '/regions?q=shandong'))).toEqual([IDS.binzhou]);
  });

  it('sorts by country code, both ways', async () => {
    const api = await testApi();
    const asc = (await api.request('GET', '/regions?sort=countryCode')).body.items.map((r: any) => r.countryCode);
    expect(asc).toEqual([...asc].sort());
    const desc = (await api.request('GET', '/regions?sort=-countryCode')).body.items.map((r: any) => r.countryCode);
    expect(desc).toEqual([...asc].sort().reverse());
  });

  it('pages through many regions, each exactly once', async () => {
    const snapshot = generateSnapshot({ seed: 11, followUps: 0, meetings: 0, partnerships: 60 });
    const api = await testApi(snapshot);
    await expectPagingWalk(api, '/regions', snapshot.regions.map((r) => r.id), 7);
    await expectPagingWalk(api, '/regions?sort=-countryCode', snapshot.regions.map((r) => r.id), 10);
  });

  it('rejects unknown filter values', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/regions?level=village'), { 'level.0': 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/regions?countryCode=china'), { countryCode: 'invalidCountry' });
    expectFieldErrors(await api.request('GET', '/regions?continent=asia'), { continent: 'unknownField' });
  });
});

describe('GET /api/regions/:id', () => {
  it('returns Binzhou with its local name', async () => {
    const api = await testApi();
    const response = await api.request('GET', `/regions/${IDS.binzhou}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ name: 'Binzhou', localName: '滨州市', level: 'city' });
  });

  it('answers 404 for an unknown id', async () => {
    expectProblem(await (await testApi()).request('GET', '/regions/reg-atlantis'), 404, '/problems/not-found');
  });
});

describe('POST /api/regions', () => {
  it('creates a region with a generated id', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/regions', { body: validRegion() });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ ...validRegion(), illustrative: false, version: 1, createdAt: NOW.toISOString() });
    expect(response.body.id).toMatch(/^reg-/);
    expect(response.headers.get('location')).toBe(`/api/regions/${response.body.id}`);
    expect((await api.store.regions.get(response.body.id))).toEqual(response.body);
  });

  it('defaults strengths to none and trims text', async () => {
    const api = await testApi();
    const { strengths: _s, ...body } = validRegion();
    const response = await api.request('POST', '/regions', { body: { ...body, name: '  Yantai  ' } });
    expect(response.status).toBe(201);
    expect(response.body.strengths).toEqual([]);
    expect(response.body.name).toBe('Yantai');
  });

  it('names every invalid field with its code', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/regions', {
      body: {
        ...validRegion(),
        name: '',
        level: 'village',
        countryCode: 'cn',
        role: 'enemy',
        strengths: ['Fish Farming'],
        coordinates: { lat: 100, lng: -181 },
      },
    });
    expectFieldErrors(response, {
      name: 'required',
      level: 'invalidOption',
      countryCode: 'invalidCountry',
      role: 'invalidOption',
      'strengths.0': 'invalidFormat',
      'coordinates.lat': 'tooBig',
      'coordinates.lng': 'tooSmall',
    });
  });

  it('reports missing fields (required text, or a choice to make) and wrong types as invalidType', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/regions', { body: {} }), {
      name: 'required',
      level: 'invalidOption',
      countryCode: 'required',
      role: 'invalidOption',
    });
    expectFieldErrors(await api.request('POST', '/regions', { body: { ...validRegion(), name: 7, strengths: 'fisheries' } }), {
      name: 'invalidType',
      strengths: 'invalidType',
    });
  });

  it('refuses a strength that names no sector', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/regions', { body: { ...validRegion(), strengths: ['trade', 'space-mining'] } });
    expectFieldErrors(response, { 'strengths.1': 'unknownReference' });
    expect((await api.store.regions.count())).toBe(demoSnapshot().regions.length);
  });

  it('rejects unknown fields, top-level and nested', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/regions', { body: { ...validRegion(), population: 3_900_000 } }), {
      population: 'unknownField',
    });
    expectFieldErrors(
      await api.request('POST', '/regions', { body: { ...validRegion(), coordinates: { lat: 1, lng: 2, alt: 3 } } }),
      { 'coordinates.alt': 'unknownField' },
    );
  });

  it('rejects a 10,000-character name as tooLong', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/regions', { body: { ...validRegion(), name: longText(10_000) } }), {
      name: 'tooLong',
    });
  });

  it('answers 400 for malformed JSON, 415 for other media types, 401 without a user', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/regions', { body: '{"name":"Yantai"' }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('POST', '/regions', { body: JSON.stringify(validRegion()), headers: { 'content-type': 'text/csv' } }),
      415,
    );
    expectProblem(await api.request('POST', '/regions', { body: validRegion(), user: null }), 401);
    expect((await api.store.regions.count())).toBe(demoSnapshot().regions.length);
  });

  it('answers 413 for a body over one megabyte', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/regions', { body: { ...validRegion(), notes: longText(1_100_000) } });
    expectProblem(response, 413, '/problems/payload-too-large');
  });
});

describe('PATCH /api/regions/:id', () => {
  it('changes one field and leaves every other field as it was', async () => {
    const api = await testApi();
    const before = (await api.store.regions.get(IDS.binzhou))!;
    const response = await api.request('PATCH', `/regions/${IDS.binzhou}`, {
      body: { province: 'Shandong Province' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before, province: 'Shandong Province', version: 2, updatedAt: NOW.toISOString() });
    expect(response.headers.get('etag')).toBe('"2"');
  });

  it('does not reset the illustrative flag of an illustrative region', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/regions/reg-gimhae', { body: { province: 'Gyeongnam' }, headers: ifMatch(1) });
    expect(response.status).toBe(200);
    expect(response.body.illustrative).toBe(true);
    expect(response.body.strengths).toEqual(['manufacturing', 'culture']);
  });

  it('validates the region as it would be after the patch', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { name: '   ' }, headers: ifMatch(1) }), {
      name: 'required',
    });
    expectFieldErrors(
      await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { strengths: ['unicorns'] }, headers: ifMatch(1) }),
      { 'strengths.0': 'unknownReference' },
    );
    expectFieldErrors(
      await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { version: 9 }, headers: ifMatch(1) }),
      { version: 'unknownField' },
    );
    expect((await api.store.regions.get(IDS.binzhou))?.version).toBe(1);
  });

  it('answers 428 without If-Match, 412 with the current region when stale, 404 when unknown', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { province: 'X' } }), 428);
    await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { province: 'Y' }, headers: ifMatch(1) });
    const stale = await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { province: 'Z' }, headers: ifMatch(1) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ id: IDS.binzhou, version: 2, province: 'Y' });
    expectProblem(await api.request('PATCH', '/regions/reg-atlantis', { body: { province: 'X' }, headers: ifMatch(1) }), 404);
    expect((await api.store.regions.get(IDS.binzhou))?.province).toBe('Y');
  });

  it('accepts notes of 10,000 characters and rejects 10,001 as tooLong', async () => {
    const api = await testApi();
    expect(
      (await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { notes: longText(10_000) }, headers: ifMatch(1) })).status,
    ).toBe(200);
    expectFieldErrors(
      await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { notes: longText(10_001) }, headers: ifMatch(2) }),
      { notes: 'tooLong' },
    );
  });
});
