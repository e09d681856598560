import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { regionLabel } from '../../src/domain/region';
import { demoSeed } from '../../server/seed/seeds';
import { testApi } from './helpers';

/**
 * Issue 15: what a new database starts with (`npm start`, the browser demo and its build-time
 * file) holds a second, illustrative home government with a few records of its own, so a
 * newcomer sees the separation. The Regency's users see exactly what they saw before; the City's
 * records are seen by its own staff member and by administrators ("every government").
 */
const ids = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((i) => i.id);
const period = 'from=2025-01-01&to=2025-12-31';

describe('the demo seed: a second home government', { timeout: 60_000 }, () => {
  it('adds Kota Tangerang (name "Tangerang", level city: never "Kota Kota Tangerang"), its staff member and its own records', () => {
    const seed = demoSeed();
    const homes = seed.regions.filter((r) => r.role === 'home');
    expect(homes.map((r) => regionLabel(r, (level) => ({ regency: 'Kabupaten', city: 'Kota' })[level as 'regency' | 'city'], 'id'))).toEqual([
      'Kabupaten Tangerang',
      'Kota Tangerang',
    ]);
    expect(homes.map((r) => regionLabel(r, (level) => ({ regency: 'Regency', city: 'City' })[level as 'regency' | 'city'], 'en'))).toEqual([
      'Tangerang Regency',
      'Tangerang City',
    ]);
    const city = seed.partnerships.filter((p) => p.homeRegionId === IDS.kotaTangerang);
    expect(city.map((p) => p.id)).toEqual([IDS.kotaPartnership]);
    expect(seed.meetings.filter((m) => m.partnershipId === IDS.kotaPartnership).map((m) => m.id)).toEqual([IDS.kotaMeeting]);
    expect(seed.followUps.filter((f) => f.partnershipId === IDS.kotaPartnership).map((f) => f.id)).toEqual([IDS.kotaFollowUp]);
    expect(seed.users.find((u) => u.id === IDS.kotaStaff)?.homeRegionIds).toEqual([IDS.kotaTangerang]);
    // Every other user works for the Regency only: the City's records are new to nobody but Ayu and the administrators.
    expect(seed.users.filter((u) => u.homeRegionIds.includes(IDS.kotaTangerang)).map((u) => u.id)).toEqual([IDS.kotaStaff]);
    // Everything else is the Regency's demo data, unchanged.
    const regency = demoSnapshot();
    expect(seed.partnerships.filter((p) => p.homeRegionId !== IDS.kotaTangerang)).toEqual(regency.partnerships);
    expect(seed.meetings.slice(0, regency.meetings.length)).toEqual(regency.meetings);
    expect(seed.followUps.slice(0, regency.followUps.length)).toEqual(regency.followUps);
  });

  it("gives the Regency's users the same lists and figures as before; the City's records only to Ayu and administrators", async () => {
    const before = await testApi(demoSnapshot());
    const api = await testApi(demoSeed());
    for (const user of [IDS.staff, IDS.officer, IDS.manager]) {
      for (const path of ['/partnerships?limit=100', '/meetings?limit=100', '/follow-ups?limit=100']) {
        expect(ids(await api.request('GET', path, { user })), `${user} ${path}`).toEqual(ids(await before.request('GET', path, { user })));
      }
      expect((await api.request('GET', `/stats/kpis?${period}`, { user })).body).toEqual((await before.request('GET', `/stats/kpis?${period}`, { user })).body);
      expect((await api.request('GET', `/partnerships/${IDS.kotaPartnership}`, { user })).status).toBe(404);
    }
    expect(ids(await api.request('GET', '/partnerships', { user: IDS.kotaStaff }))).toEqual([IDS.kotaPartnership]);
    expect(ids(await api.request('GET', '/follow-ups', { user: IDS.kotaStaff }))).toEqual([IDS.kotaFollowUp]);
    // The administrator sees every government: the City's records are among all, and under its own choice.
    const all = await api.request('GET', '/partnerships?limit=100', { user: IDS.admin });
    expect(all.body.total).toBe((await before.request('GET', '/partnerships?limit=100', { user: IDS.admin })).body.total + 1);
    expect(ids(await api.request('GET', `/meetings?homeRegionId=${IDS.kotaTangerang}`, { user: IDS.admin }))).toEqual([IDS.kotaMeeting]);
    const breakdown = await api.request('GET', `/stats/by-home-region?${period}`, { user: IDS.admin });
    expect(breakdown.body.items.map((i: { homeRegionId: string }) => i.homeRegionId)).toEqual([IDS.tangerang, IDS.kotaTangerang]);
  });
});

