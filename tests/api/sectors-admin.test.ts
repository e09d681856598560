import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS, SECTORS } from '../../mocks/demo-data';
import { sectorColorContrastOk } from '../../src/domain/sector';
import { SECTOR_THEMES_0006 } from '../../server/seed/sector-themes';
import { NOW, testApi as baseTestApi } from './helpers';
import { asUser } from './as-user';
import { expectFieldErrors, expectProblem, ifMatch, validSector } from './fixtures';

/** Issue 15 item 5: sectors managed by administrators (retire, bring back, readable colours). */
const testApi = (...args: Parameters<typeof baseTestApi>) => asUser(baseTestApi(...args), IDS.admin);

describe('the seeded sectors', () => {
  it('hold the common themes of local-government cooperation, the first list kept as it was', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/sectors?limit=100');
    const ids = response.body.items.map((s: any) => s.id);
    for (const id of [
      'infrastructure', 'environment', 'community-development', 'coastal-marine', 'green-industry', 'trade', 'investment',
      'health', 'education', 'culture', 'tourism', 'creative-economy', 'msme', 'agriculture', 'fisheries',
      'public-administration', 'disaster-management', 'smart-city', 'youth', 'womens-empowerment', 'sports',
    ]) expect(ids, id).toContain(id);
    const education = response.body.items.find((s: any) => s.id === 'education');
    expect(education).toEqual(SECTORS.find((s) => s.id === 'education'));
    expect(response.body.total).toBe(SECTORS.length + SECTOR_THEMES_0006.length);
    expect(response.body.items.every((s: any) => s.retiredAt === undefined)).toBe(true);
  });
});

describe('PATCH /api/sectors/:id retires and brings back', () => {
  it('retires a sector: dated by the server, new version, kept on the records that name it', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(1) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'tourism', version: 2, retiredAt: NOW.toISOString() });
    expect((await api.store.sectors.get('tourism'))?.retiredAt).toBe(NOW.toISOString());
    // Old records keep it, and the list still names it (a record shows its name).
    const visit = await api.request('GET', `/meetings/${IDS.visit}`);
    expect(visit.body.sectorIds).toContain('tourism');
    const list = await api.request('GET', '/sectors?id=tourism');
    expect(list.body.items[0].retiredAt).toBe(NOW.toISOString());
  });

  it('a second retirement keeps the first date and the version', async () => {
    const api = await testApi();
    await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(1) });
    const again = await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(2) });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
  });

  it('brings a retired sector back (retiredAt removed) and renames it in both languages in one patch', async () => {
    const api = await testApi();
    await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(1) });
    const back = await api.request('PATCH', '/sectors/tourism', {
      body: { retired: false, name: { id: 'Pariwisata dan perhotelan', en: 'Tourism and hospitality' } },
      headers: ifMatch(2),
    });
    expect(back.status).toBe(200);
    expect(back.body.retiredAt).toBeUndefined();
    expect(back.body).toMatchObject({ version: 3, name: { id: 'Pariwisata dan perhotelan', en: 'Tourism and hospitality' } });
    expect((await api.store.sectors.get('tourism'))?.retiredAt).toBeUndefined();
  });

  it('refuses a non-boolean retired and a retiredAt sent by the client', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('PATCH', '/sectors/tourism', { body: { retired: 'yes' }, headers: ifMatch(1) }), { retired: 'invalidType' });
    expectFieldErrors(await api.request('PATCH', '/sectors/tourism', { body: { retiredAt: NOW.toISOString() }, headers: ifMatch(1) }), { retiredAt: 'unknownField' });
    expectFieldErrors(await api.request('POST', '/sectors', { body: { ...validSector(), retired: true } }), { retired: 'unknownField' });
    expect((await api.store.sectors.get('tourism'))?.version).toBe(1);
  });

  it('answers 412 with the current sector when retiring a stale version', async () => {
    const api = await testApi();
    await api.request('PATCH', '/sectors/tourism', { body: { color: '#000000' }, headers: ifMatch(1) });
    const stale = await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(1) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ version: 2 });
    expect((await api.store.sectors.get('tourism'))?.retiredAt).toBeUndefined();
  });

  it('is the administrator’s: staff, officers and managers get 403 and nothing changes', async () => {
    const api = await testApi();
    for (const user of [IDS.staff, IDS.officer, IDS.manager]) {
      expectProblem(await api.request('PATCH', '/sectors/tourism', { body: { retired: true }, headers: ifMatch(1), user }), 403);
    }
    expect((await api.store.sectors.get('tourism'))?.version).toBe(1);
  });
});

describe('a sector colour must be readable on the chart background', () => {
  it('refuses a colour under 4.5:1 against white on create, naming the contrast it needs', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/sectors', { body: { ...validSector(), color: '#ffdd00' } });
    expectFieldErrors(response, { color: 'lowContrast' });
    expect(response.body.errors[0].params).toMatchObject({ min: 4.5 });
    expect(await api.store.sectors.get('digital-economy')).toBeUndefined();
  });

  it('refuses it on a patch too, and keeps the old colour', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('PATCH', '/sectors/tourism', { body: { color: '#7fb3d5' }, headers: ifMatch(1) }), { color: 'lowContrast' });
    expect((await api.store.sectors.get('tourism'))?.color).toBe('#0072b2');
  });

  it('every seeded colour passes', () => {
    expect(demoSnapshot().sectors.filter((s) => !sectorColorContrastOk(s.color)).map((s) => s.id)).toEqual([]);
    expect(sectorColorContrastOk('#ffdd00')).toBe(false);
  });
});
