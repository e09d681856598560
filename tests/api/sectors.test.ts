import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { NOW, testApi as baseTestApi } from './helpers';
import { asUser } from './as-user';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validSector } from './fixtures';

/** Sector writes are the administrator's (src/domain/permissions.ts). */
const testApi = (...args: Parameters<typeof baseTestApi>) => asUser(baseTestApi(...args), IDS.admin);

describe('GET /api/sectors', () => {
  it('lists every sector sorted by id with a total and no next page', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/sectors');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const ids = demoSnapshot().sectors.map((s) => s.id).sort();
    expect(response.body.items.map((s: any) => s.id)).toEqual(ids);
    expect(response.body.total).toBe(ids.length);
    expect(response.body.nextCursor).toBeNull();
  });

  it('reads without a user (reads are open, writes are not)', async () => {
    const api = await testApi();
    expect((await api.request('GET', '/sectors', { user: null })).status).toBe(200);
  });

  it('walks through every page exactly once with limit and nextCursor', async () => {
    const api = await testApi();
    const ids = demoSnapshot().sectors.map((s) => s.id);
    const walk = await expectPagingWalk(api, '/sectors', ids, 4);
    expect(walk.ids).toEqual([...ids].sort());
  });

  it('sorts by -id and by English name', async () => {
    const api = await testApi();
    const ids = demoSnapshot().sectors.map((s) => s.id).sort();
    const desc = await api.request('GET', '/sectors?sort=-id&limit=100');
    expect(desc.body.items.map((s: any) => s.id)).toEqual([...ids].reverse());
    const byName = await api.request('GET', '/sectors?sort=name.en&limit=100');
    const names = byName.body.items.map((s: any) => s.name.en);
    expect(names).toEqual([...names].sort());
  });

  it('finds a sector by its Indonesian name, case-insensitively', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/sectors?q=PARIWISATA');
    expect(response.body.items.map((s: any) => s.id)).toEqual(['tourism']);
    expect(response.body.total).toBe(1);
  });

  it('filters by id, several at once', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/sectors?id=msme,youth&id=trade');
    expect(response.body.items.map((s: any) => s.id)).toEqual(['msme', 'trade', 'youth']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['sort=color', 'sort'],
    ['colour=red', 'colour'],
  ])('rejects the bad query %s with a field error on %s', async (query, path) => {
    const api = await testApi();
    const response = await api.request('GET', `/sectors?${query}`);
    expectFieldErrors(response, { [path]: undefined });
  });

  it('says unknownField for an unknown query parameter and invalidOption for an unknown sort', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/sectors?colour=red'), { colour: 'unknownField' });
    expectFieldErrors(await api.request('GET', '/sectors?sort=-colour'), { sort: 'invalidOption' });
  });
});

describe('GET /api/sectors/:id', () => {
  it('returns the sector with its version as ETag', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/sectors/tourism');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'tourism', name: { id: 'Pariwisata', en: 'Tourism' }, version: 1 });
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('answers 404 problem+json for an unknown id', async () => {
    const api = await testApi();
    expectProblem(await api.request('GET', '/sectors/no-such-sector'), 404, '/problems/not-found');
  });
});

describe('POST /api/sectors', () => {
  it('creates a sector with the id the client chose, version 1 and timestamps', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/sectors', { body: validSector() });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe('/api/sectors/digital-economy');
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual({
      ...validSector(),
      version: 1,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    expect((await api.store.sectors.get('digital-economy'))).toEqual(response.body);
  });

  it('refuses an id that is already taken, and keeps the existing sector', async () => {
    const api = await testApi();
    const before = (await api.store.sectors.get('tourism'));
    const response = await api.request('POST', '/sectors', { body: { ...validSector(), id: 'tourism' } });
    expectFieldErrors(response, { id: 'duplicate' });
    expect((await api.store.sectors.get('tourism'))).toEqual(before);
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/sectors', {
      body: { id: 'Not A Slug', name: { id: '   ' }, color: 'red' },
    });
    expectFieldErrors(response, {
      id: 'invalidFormat',
      'name.id': 'required',
      'name.en': 'required',
      color: 'invalidFormat',
    });
    expect((await api.store.sectors.count())).toBe(demoSnapshot().sectors.length);
  });

  it('rejects unknown fields, also nested ones', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/sectors', { body: { ...validSector(), icon: 'x' } }), {
      icon: 'unknownField',
    });
    expectFieldErrors(
      await api.request('POST', '/sectors', { body: { ...validSector(), name: { id: 'a', en: 'b', zh: '数字' } } }),
      { 'name.zh': 'unknownField' },
    );
  });

  it('rejects a 10,000-character name as tooLong', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/sectors', {
      body: { ...validSector(), name: { id: longText(10_000), en: 'x' } },
    });
    expectFieldErrors(response, { 'name.id': 'tooLong' });
    expect(response.body.errors[0].params).toEqual({ max: 200 });
  });

  it('needs a known, active user (401 otherwise)', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/sectors', { body: validSector(), user: null }), 401, '/problems/unauthenticated');
    expectProblem(await api.request('POST', '/sectors', { body: validSector(), user: 'usr-nobody' }), 401);
    expect((await api.store.sectors.get('digital-economy'))).toBeUndefined();
  });

  it('answers 400 malformed-json for a broken body and 415 for a non-JSON one', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/sectors', { body: '{"id": "x",' }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('POST', '/sectors', {
        body: JSON.stringify(validSector()),
        headers: { 'content-type': 'text/plain' },
      }),
      415,
      '/problems/unsupported-media-type',
    );
    expect((await api.store.sectors.count())).toBe(demoSnapshot().sectors.length);
  });

  it('replays the first answer for a repeated Idempotency-Key instead of reporting a duplicate', async () => {
    const api = await testApi();
    const headers = { 'idempotency-key': 'sector-create-0001' };
    const first = await api.request('POST', '/sectors', { body: validSector(), headers });
    const second = await api.request('POST', '/sectors', { body: validSector(), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body).toEqual(first.body);
    expect((await api.store.sectors.count())).toBe(demoSnapshot().sectors.length + 1);
  });
});

describe('PATCH /api/sectors/:id', () => {
  it('changes the colour, bumps the version and the ETag, keeps the names', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/sectors/tourism', {
      body: { color: '#000000' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'tourism',
      color: '#000000',
      name: { id: 'Pariwisata', en: 'Tourism' },
      version: 2,
      updatedAt: NOW.toISOString(),
    });
    expect(response.headers.get('etag')).toBe('"2"');
    expect((await api.store.sectors.get('tourism'))?.color).toBe('#000000');
  });

  it('accepts a weak ETag and a bare number in If-Match', async () => {
    const api = await testApi();
    expect((await api.request('PATCH', '/sectors/tourism', { body: { color: '#000001' }, headers: { 'if-match': 'W/"1"' } })).status).toBe(200);
    expect((await api.request('PATCH', '/sectors/tourism', { body: { color: '#000002' }, headers: { 'if-match': '2' } })).status).toBe(200);
  });

  it('a patch that changes nothing keeps the version', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/sectors/tourism', { body: { color: '#0072b2' }, headers: ifMatch(1) });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(1);
  });

  it('answers 428 without If-Match and changes nothing', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/sectors/tourism', { body: { color: '#000000' } });
    expectProblem(response, 428, '/problems/if-match-required');
    expect((await api.store.sectors.get('tourism'))?.color).toBe('#0072b2');
  });

  it('answers 412 with the current sector when the version is stale', async () => {
    const api = await testApi();
    await api.request('PATCH', '/sectors/tourism', { body: { color: '#111111' }, headers: ifMatch(1) });
    const response = await api.request('PATCH', '/sectors/tourism', { body: { color: '#222222' }, headers: ifMatch(1) });
    expectProblem(response, 412, '/problems/stale-version');
    expect(response.body.current).toMatchObject({ id: 'tourism', version: 2, color: '#111111' });
    expect((await api.store.sectors.get('tourism'))?.color).toBe('#111111');
  });

  it('answers 404 for an unknown sector', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', '/sectors/nope', { body: { color: '#000000' }, headers: ifMatch(1) }), 404);
  });

  it('refuses to change the id, and names bad fields', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('PATCH', '/sectors/tourism', { body: { id: 'travel' }, headers: ifMatch(1) }), {
      id: 'unknownField',
    });
    expectFieldErrors(
      await api.request('PATCH', '/sectors/tourism', { body: { color: 42, name: { id: 'x' } }, headers: ifMatch(1) }),
      { color: 'invalidType', 'name.en': 'required' },
    );
    expect((await api.store.sectors.get('tourism'))?.version).toBe(1);
  });

  it('answers 400 for malformed JSON and 415 for form data', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', '/sectors/tourism', { body: '{', headers: ifMatch(1) }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('PATCH', '/sectors/tourism', {
        body: 'color=%23000000',
        headers: { ...ifMatch(1), 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
  });

  it('needs a user', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', '/sectors/tourism', { body: { color: '#000000' }, headers: ifMatch(1), user: null }), 401);
    expect((await api.store.sectors.get('tourism'))?.version).toBe(1);
  });
});

describe('unknown endpoints', () => {
  it('answers 404 problem+json for a path that is not in the API', async () => {
    const api = await testApi();
    expectProblem(await api.request('GET', '/nothing-here'), 404, '/problems/not-found');
    expectProblem(await api.request('DELETE', '/sectors/tourism'), 404);
    expect((await api.store.sectors.get('tourism'))).toBeDefined();
  });
});
