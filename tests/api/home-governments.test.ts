import { beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../server/app';
import { demoSnapshotWithSecondGovernment, IDS } from '../../mocks/demo-data';
import type { Snapshot } from '../../server/store';
import { NOW, testApi, type TestApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validFollowUp, validMeeting, validPartnership, validRegion } from './fixtures';

/**
 * Issue 15, item 1: many home governments in one deployment. Kabupaten Tangerang's users never
 * see Kota Tangerang's records and the other way round — 404 by id (read and write), absent
 * from lists, search, figures, exports and history — while a user of both chooses, and an
 * administrator sees all. Runs on SQLite (node) and PostgreSQL (api-postgres).
 */
const BOTH = 'usr-both';
const REGENCY = IDS.tangerang;
const CITY = IDS.kotaTangerang;
const CITY_RECORDS = { partnership: IDS.kotaPartnership, meeting: IDS.kotaMeeting, followUp: IDS.kotaFollowUp };
const REGENCY_RECORDS = { partnership: IDS.partnership, meeting: IDS.visit, followUp: 'fu-binzhou-youth' };

function snapshot(): Snapshot {
  const data = demoSnapshotWithSecondGovernment();
  const manager = data.users.find((u) => u.id === IDS.manager)!;
  const both = { ...manager, id: BOTH, name: 'Wulan Sari', email: 'wulan.sari@example.org', role: 'staff' as const, homeRegionIds: [REGENCY, CITY] };
  return { ...data, users: [...data.users, both] };
}

const ids = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((i) => i.id);

describe('home governments: separation by the API', { timeout: 30_000 }, () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await testApi(snapshot());
  });

  it("answers 404 for another government's partnership, meeting and follow-up, read and write", async () => {
    for (const [user, records] of [
      [IDS.staff, CITY_RECORDS],
      [IDS.kotaStaff, REGENCY_RECORDS],
    ] as const) {
      expectProblem(await api.request('GET', `/partnerships/${records.partnership}`, { user }), 404);
      expectProblem(await api.request('GET', `/partnerships/${records.partnership}/timeline`, { user }), 404);
      expectProblem(await api.request('GET', `/partnerships/${records.partnership}/open-follow-ups`, { user }), 404);
      expectProblem(await api.request('GET', `/meetings/${records.meeting}`, { user }), 404);
      expectProblem(await api.request('GET', `/follow-ups/${records.followUp}`, { user }), 404);
      expectProblem(await api.request('PATCH', `/meetings/${records.meeting}`, { user, body: { title: 'x' }, headers: ifMatch(1) }), 404);
      expectProblem(await api.request('PATCH', `/follow-ups/${records.followUp}`, { user, body: { title: 'x' }, headers: ifMatch(1) }), 404);
    }
    expectProblem(
      await api.request('POST', `/partnerships/${CITY_RECORDS.partnership}/stage-changes`, {
        user: IDS.manager,
        body: { to: 'letter-of-intent', date: '2025-10-01' },
        headers: ifMatch(1),
      }),
      404,
    );
    // Their own records are there.
    expect((await api.request('GET', `/partnerships/${CITY_RECORDS.partnership}`, { user: IDS.kotaStaff })).status).toBe(200);
    expect((await api.request('GET', `/follow-ups/${REGENCY_RECORDS.followUp}`, { user: IDS.staff })).status).toBe(200);
    // An administrator sees every government.
    expect((await api.request('GET', `/meetings/${CITY_RECORDS.meeting}`, { user: IDS.admin })).status).toBe(200);
  });

  it("never lists another government's records; homeRegionId narrows to one of the user's", async () => {
    const regency = await api.request('GET', '/partnerships?limit=100', { user: IDS.staff });
    expect(ids(regency)).not.toContain(CITY_RECORDS.partnership);
    expect(regency.body.total).toBe(5);
    expect(ids(await api.request('GET', '/partnerships', { user: IDS.kotaStaff }))).toEqual([CITY_RECORDS.partnership]);
    expect(ids(await api.request('GET', '/meetings?limit=100', { user: IDS.staff }))).not.toContain(CITY_RECORDS.meeting);
    expect(ids(await api.request('GET', '/meetings', { user: IDS.kotaStaff }))).toEqual([CITY_RECORDS.meeting]);
    expect(ids(await api.request('GET', '/follow-ups?limit=100', { user: IDS.staff }))).not.toContain(CITY_RECORDS.followUp);
    expect(ids(await api.request('GET', '/follow-ups', { user: IDS.kotaStaff }))).toEqual([CITY_RECORDS.followUp]);
    const activity = await api.request('GET', '/partnerships/activity', { user: IDS.kotaStaff });
    expect(activity.body.items.map((i: { partnershipId: string }) => i.partnershipId)).toEqual([CITY_RECORDS.partnership]);

    // A user of both sees both, and picks one with homeRegionId.
    expect((await api.request('GET', '/partnerships', { user: BOTH })).body.total).toBe(6);
    expect(ids(await api.request('GET', `/partnerships?homeRegionId=${CITY}`, { user: BOTH }))).toEqual([CITY_RECORDS.partnership]);
    expect((await api.request('GET', `/partnerships?homeRegionId=${REGENCY}`, { user: BOTH })).body.total).toBe(5);
    expect(ids(await api.request('GET', `/meetings?homeRegionId=${CITY}`, { user: BOTH }))).toEqual([CITY_RECORDS.meeting]);
    expect(ids(await api.request('GET', `/follow-ups?homeRegionId=${CITY}`, { user: BOTH }))).toEqual([CITY_RECORDS.followUp]);
    // Another government asked for by name: nothing, never its records.
    expect((await api.request('GET', `/partnerships?homeRegionId=${CITY}`, { user: IDS.staff })).body.total).toBe(0);
    expect((await api.request('GET', `/follow-ups?homeRegionId=${CITY}`, { user: IDS.staff })).body.total).toBe(0);
  });

  it("leaves another government's records out of search", async () => {
    const regency = await api.request('GET', '/search?q=sampah', { user: IDS.staff });
    expect(regency.body.followUps.items.map((f: { id: string }) => f.id)).not.toContain(CITY_RECORDS.followUp);
    expect(regency.body.meetings.items.map((m: { id: string }) => m.id)).not.toContain(CITY_RECORDS.meeting);
    const city = await api.request('GET', '/search?q=sampah', { user: IDS.kotaStaff });
    expect(city.body.followUps.items.map((f: { id: string }) => f.id)).toEqual([CITY_RECORDS.followUp]);
    expect(city.body.meetings.items.map((m: { id: string }) => m.id)).toEqual([CITY_RECORDS.meeting]);
    const kitakyushu = await api.request('GET', '/search?q=Kitakyushu', { user: IDS.kotaStaff });
    expect(kitakyushu.body.partnerships.items.map((p: { id: string }) => p.id)).toEqual([CITY_RECORDS.partnership]);
  });

  it("counts only the user's governments in every figure, with a breakdown per government", async () => {
    const period = 'from=2025-01-01&to=2025-12-31';
    const city = await api.request('GET', `/stats/kpis?${period}`, { user: IDS.kotaStaff });
    expect(city.body).toMatchObject({ partnerships: 1, meetings: 1, followUpsAgreed: 1, followUpsDone: 1 });
    expect(city.body.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const regency = await api.request('GET', `/stats/kpis?${period}`, { user: IDS.staff });
    const both = await api.request('GET', `/stats/kpis?${period}`, { user: BOTH });
    expect(both.body.partnerships).toBe(regency.body.partnerships + 1);
    expect(both.body.meetings).toBe(regency.body.meetings + 1);
    const narrowed = await api.request('GET', `/stats/kpis?${period}&homeRegionId=${REGENCY}`, { user: BOTH });
    expect({ ...narrowed.body, period: undefined }).toEqual({ ...regency.body, period: undefined });
    const stages = await api.request('GET', '/stats/partnerships-by-stage', { user: IDS.staff });
    expect(stages.body.items.reduce((n: number, i: { count: number }) => n + i.count, 0)).toBe(5);
    const health = await api.request('GET', '/stats/health', { user: IDS.staff });
    expect(health.body.items.map((i: { partnershipId: string }) => i.partnershipId)).not.toContain(CITY_RECORDS.partnership);

    const breakdown = await api.request('GET', `/stats/by-home-region?${period}`, { user: BOTH });
    expect(breakdown.status).toBe(200);
    expect(breakdown.body.items).toEqual([
      { homeRegionId: REGENCY, partnerships: 5, meetings: regency.body.meetings, openFollowUps: regency.body.openFollowUps, overdueFollowUps: regency.body.overdueFollowUps },
      { homeRegionId: CITY, partnerships: 1, meetings: 1, openFollowUps: 0, overdueFollowUps: 0 },
    ]);
    const own = await api.request('GET', `/stats/by-home-region?${period}`, { user: IDS.kotaStaff });
    expect(own.body.items.map((i: { homeRegionId: string }) => i.homeRegionId)).toEqual([CITY]);
  });

  it("exports only the user's governments' follow-ups (CSV and calendar)", async () => {
    const regencyCsv = await fetchText(api, '/follow-ups/export.csv', IDS.staff);
    expect(regencyCsv).not.toContain(CITY_RECORDS.followUp);
    expect(regencyCsv).toContain(REGENCY_RECORDS.followUp);
    const cityCsv = await fetchText(api, '/follow-ups/export.csv', IDS.kotaStaff);
    expect(cityCsv).toContain(CITY_RECORDS.followUp);
    expect(cityCsv).not.toContain(REGENCY_RECORDS.followUp);
    expect(await fetchText(api, '/follow-ups/export.ics', IDS.staff)).not.toContain(`${CITY_RECORDS.followUp}@mitra`);
    expect(await fetchText(api, '/follow-ups/export.ics', IDS.kotaStaff)).toContain(`${CITY_RECORDS.followUp}@mitra`);
  });

  it("keeps another government's history out of the history panel and the trail", async () => {
    const changed = await api.request('PATCH', `/follow-ups/${CITY_RECORDS.followUp}`, {
      user: IDS.kotaStaff,
      body: { description: 'Diperbarui oleh staf kota.' },
      headers: ifMatch(1),
    });
    expect(changed.status).toBe(200);
    const own = await api.request('GET', `/history?entity=followUp&entityId=${CITY_RECORDS.followUp}`, { user: IDS.kotaStaff });
    expect(own.body.total).toBe(1);
    const other = await api.request('GET', `/history?entity=followUp&entityId=${CITY_RECORDS.followUp}`, { user: IDS.staff });
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    // The administrator's trail has it (administrators see every government).
    const trail = await api.request('GET', `/audit?entityId=${CITY_RECORDS.followUp}`, { user: IDS.admin });
    expect(trail.body.total).toBe(1);
  });

  it("refuses to write into another government: its partnership as a reference, its follow-ups in bulk", async () => {
    expectFieldErrors(
      await api.request('POST', '/follow-ups', { user: IDS.staff, body: validFollowUp({ partnershipId: CITY_RECORDS.partnership, meetingId: undefined }) }),
      { partnershipId: 'unknownReference' },
    );
    expectFieldErrors(
      await api.request('POST', '/meetings', { user: IDS.kotaStaff, body: validMeeting({ carriedFollowUpIds: [] }) }),
      // The regency's partnership, and its vice-regent as host lead and participant (people are scoped too).
      { partnershipId: 'unknownReference', hostLeadId: 'unknownReference', 'participants.0.personId': 'unknownReference' },
    );
    expectFieldErrors(
      await api.request('POST', '/partnerships', { user: IDS.manager, body: { ...validPartnership(), homeRegionId: CITY } }),
      { homeRegionId: 'unknownReference' },
    );
    const bulk = await api.request('POST', '/follow-ups/bulk', {
      user: IDS.staff,
      body: { items: [{ id: CITY_RECORDS.followUp, version: 2 }], changes: { status: 'cancelled', comment: 'x' } },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.updated).toEqual([]);
    expect(bulk.body.failed).toMatchObject([{ id: CITY_RECORDS.followUp, status: 404 }]);
    // Nothing changed.
    const stored = await api.request('GET', `/follow-ups/${CITY_RECORDS.followUp}`, { user: IDS.kotaStaff });
    expect(stored.body.status).toBe('done');
  });

  it('a first-contact visit belongs to the government chosen; with several, a choice is required', async () => {
    const firstContact = (homeRegionId?: string) => {
      const { partnershipId: _p, carriedFollowUpIds: _c, ...meeting } = validMeeting({
        title: 'Kunjungan perdana delegasi Yantai',
        newPartnership: {
          region: { name: 'Yantai', level: 'city', countryCode: 'CN', strengths: [] },
          type: 'cooperation',
          ...(homeRegionId ? { homeRegionId } : {}),
        },
      });
      return meeting;
    };
    expectFieldErrors(await api.request('POST', '/meetings', { user: BOTH, body: firstContact() }), { 'newPartnership.homeRegionId': 'required' });
    expectFieldErrors(await api.request('POST', '/meetings', { user: IDS.staff, body: firstContact(CITY) }), {
      'newPartnership.homeRegionId': 'unknownReference',
    });
    const created = await api.request('POST', '/meetings', { user: BOTH, body: firstContact(CITY) });
    expect(created.status).toBe(201);
    const partnership = await api.request('GET', `/partnerships/${created.body.partnershipId}`, { user: IDS.kotaStaff });
    expect(partnership.body.homeRegionId).toBe(CITY);
    expectProblem(await api.request('GET', `/meetings/${created.body.id}`, { user: IDS.staff }), 404);
    // A user of one government needs no choice: theirs (naming none of the regency's officials).
    const { hostLeadId: _h, participants: _ps, ...withoutRegencyOfficials } = firstContact();
    const own = await api.request('POST', '/meetings', { user: IDS.kotaStaff, body: { ...withoutRegencyOfficials, title: 'Kunjungan kedua' } });
    expect(own.status).toBe(201);
    expect((await api.request('GET', `/partnerships/${own.body.partnershipId}`, { user: IDS.kotaStaff })).body.homeRegionId).toBe(CITY);
  });

  it("assigns users to home governments: only home regions, and one at least for anyone but an administrator", async () => {
    const user = { name: 'Agus Prasetyo', email: 'agus.home@example.org', role: 'officer' };
    expectFieldErrors(
      await api.request('POST', '/users', { user: IDS.admin, body: { ...user, homeRegionIds: [IDS.binzhou] } }),
      { 'homeRegionIds.0': 'unknownReference' },
    );
    const created = await api.request('POST', '/users', { user: IDS.admin, body: { ...user, homeRegionIds: [CITY] } });
    expect(created.status).toBe(201);
    expect(created.body.homeRegionIds).toEqual([CITY]);
    const moved = await api.request('PATCH', `/users/${created.body.id}`, {
      user: IDS.admin,
      body: { homeRegionIds: [REGENCY, CITY] },
      headers: ifMatch(1),
    });
    expect(moved.status).toBe(200);
    expect([...moved.body.homeRegionIds].sort()).toEqual([REGENCY, CITY].sort());
    expectFieldErrors(
      await api.request('PATCH', `/users/${created.body.id}`, { user: IDS.admin, body: { homeRegionIds: [] }, headers: ifMatch(2) }),
      { homeRegionIds: 'required' },
    );
    const session = await api.request('GET', '/session', { user: IDS.kotaStaff });
    expect(session.body.user.homeRegionIds).toEqual([CITY]);
  });

  it('lets only administrators add a home government or make a region one', async () => {
    const before = await api.store.regions.count();
    const home = { ...validRegion(), name: 'Tangerang Selatan', level: 'city', countryCode: 'ID', role: 'home' };
    expectProblem(await api.request('POST', '/regions', { user: IDS.staff, body: home }), 403);
    expect(await api.store.regions.count()).toBe(before);
    const partner = await api.request('POST', '/regions', { user: IDS.staff, body: { ...validRegion(), role: 'partner' } });
    expect(partner.status).toBe(201);
    const made = partner.body as { id: string; version: number };
    expectProblem(await api.request('PATCH', `/regions/${made.id}`, { user: IDS.staff, body: { role: 'home' }, headers: ifMatch(made.version) }), 403);
    expect((await api.store.regions.get(made.id))?.role).toBe('partner');
    expect((await api.request('POST', '/regions', { user: IDS.admin, body: home })).status).toBe(201);
  });
});

/** An export's text (the test API's `request` reads JSON). */
async function fetchText(api: TestApi, path: string, user: string): Promise<string> {
  const response = await createApi({ database: api.database, now: () => NOW }).fetch(
    new Request(`http://mitra.test/api${path}`, { headers: { 'x-mitra-user': user } }),
  );
  expect(response.status).toBe(200);
  return response.text();
}
