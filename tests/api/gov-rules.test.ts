import { beforeEach, describe, expect, it } from 'vitest';
import { demoSnapshotWithSecondGovernment, IDS } from '../../server/seed/demo-data';
import type { Snapshot } from '../../server/store';
import { testApi, type TestApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validFollowUpDraft, validMeeting, validPerson } from './fixtures';

/**
 * Issue 15, the gaps of home-government separation: people named in a write are checked as
 * partnerships are; an idempotent replay is scoped again; a follow-up agreed in a meeting moves
 * with the meeting's date; "kind not stated" meetings count in the quarter chart.
 * Runs on SQLite (node) and PostgreSQL (api-postgres).
 */
const BOTH = 'usr-both';
const REGENCY = IDS.tangerang;
const CITY = IDS.kotaTangerang;
/** An official of Kota Tangerang (home side of the second government). */
const CITY_OFFICIAL = 'per-kota-official';

function snapshot(): Snapshot {
  const data = demoSnapshotWithSecondGovernment();
  const manager = data.users.find((u) => u.id === IDS.manager)!;
  const both = { ...manager, id: BOTH, name: 'Wulan Sari', email: 'wulan.sari@example.org', role: 'staff' as const, homeRegionIds: [REGENCY, CITY] };
  const intan = data.people.find((p) => p.id === IDS.intan)!;
  const official = { ...intan, id: CITY_OFFICIAL, name: 'Pejabat Kota Tangerang', position: 'Asisten Pemerintahan', regionId: CITY };
  return { ...data, users: [...data.users, both], people: [...data.people, official] };
}

const ids = (response: { body: { items: Array<{ id: string }> } }) => response.body.items.map((i) => i.id);

/** A meeting of Kota Tangerang's partnership that names no regency official. */
const cityMeeting = (overrides: Record<string, unknown> = {}) =>
  validMeeting({
    partnershipId: IDS.kotaPartnership,
    hostLeadId: CITY_OFFICIAL,
    delegationLeadId: IDS.qu,
    participants: [
      { side: 'host', personId: CITY_OFFICIAL },
      { side: 'guest', personId: IDS.qu },
      { side: 'facilitator', organizationId: IDS.icbc },
    ],
    ...overrides,
  });

describe('home governments: people', { timeout: 30_000 }, () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await testApi(snapshot());
  });

  it("lists and shows only the user's governments' officials; partner-side people are shared", async () => {
    const regency = ids(await api.request('GET', '/people?limit=100', { user: IDS.staff }));
    expect(regency).toContain(IDS.intan);
    expect(regency).toContain(IDS.qu);
    expect(regency).not.toContain(CITY_OFFICIAL);
    const city = ids(await api.request('GET', '/people?limit=100', { user: IDS.kotaStaff }));
    expect(city).toContain(CITY_OFFICIAL);
    expect(city).toContain(IDS.qu);
    expect(city).not.toContain(IDS.intan);
    expectProblem(await api.request('GET', `/people/${CITY_OFFICIAL}`, { user: IDS.staff }), 404);
    expectProblem(await api.request('GET', `/people/${IDS.intan}`, { user: IDS.kotaStaff }), 404);
    expect((await api.request('GET', `/people/${IDS.qu}`, { user: IDS.kotaStaff })).status).toBe(200);
    expect(ids(await api.request('GET', '/people?limit=100', { user: BOTH }))).toEqual(expect.arrayContaining([IDS.intan, CITY_OFFICIAL]));
    // Nor found by search, or by asking for the government's region.
    const found = await api.request('GET', '/search?q=Pejabat', { user: IDS.staff });
    expect(found.body.people.items).toEqual([]);
    expect((await api.request('GET', '/search?q=Pejabat', { user: IDS.kotaStaff })).body.people.items.map((p: { id: string }) => p.id)).toEqual([CITY_OFFICIAL]);
    expect((await api.request('GET', `/people?regionId=${CITY}`, { user: IDS.staff })).body.total).toBe(0);
  });

  it("refuses another government's officials in a new visit, as an unknown reference, and saves nothing", async () => {
    const before = await api.store.meetings.count();
    expectFieldErrors(
      await api.request('POST', '/meetings', {
        user: IDS.kotaStaff,
        body: cityMeeting({
          hostLeadId: IDS.intan,
          participants: [{ side: 'host', personId: IDS.intan }],
          statements: [{ personId: IDS.intan, text: 'Selamat datang.' }],
        }),
      }),
      { hostLeadId: 'unknownReference', 'participants.0.personId': 'unknownReference', 'statements.0.personId': 'unknownReference' },
    );
    expectFieldErrors(
      await api.request('POST', '/meetings', { user: IDS.staff, body: validMeeting({ delegationLeadId: CITY_OFFICIAL, carriedFollowUpIds: [] }) }),
      { delegationLeadId: 'unknownReference' },
    );
    expect(await api.store.meetings.count()).toBe(before);
    // Their own officials, partner-side people and organisations (shared by every government) are fine.
    expect((await api.request('POST', '/meetings', { user: IDS.kotaStaff, body: cityMeeting() })).status).toBe(201);
    // A user of both governments may name either.
    expect((await api.request('POST', '/meetings', { user: BOTH, body: cityMeeting({ title: 'Rapat kedua' }) })).status).toBe(201);
  });

  it("refuses another government's officials and partnership when a meeting is edited", async () => {
    const patch = (body: Record<string, unknown>) =>
      api.request('PATCH', `/meetings/${IDS.kotaMeeting}`, { user: IDS.kotaStaff, body, headers: ifMatch(1) });
    expectFieldErrors(await patch({ hostLeadId: IDS.intan }), { hostLeadId: 'unknownReference' });
    expectFieldErrors(await patch({ participants: [{ side: 'host', personId: IDS.intan }] }), { 'participants.0.personId': 'unknownReference' });
    expectFieldErrors(await patch({ statements: [{ personId: IDS.intan, text: 'x' }] }), { 'statements.0.personId': 'unknownReference' });
    // A meeting never moves to another partnership (let alone another government's).
    expectFieldErrors(await patch({ partnershipId: IDS.partnership }), { partnershipId: 'unknownField' });
    const stored = await api.request('GET', `/meetings/${IDS.kotaMeeting}`, { user: IDS.kotaStaff });
    expect(stored.body.version).toBe(1);
    expect((await patch({ hostLeadId: CITY_OFFICIAL })).status).toBe(200);
  });

  it("never files a person under another government (create or edit)", async () => {
    const before = await api.store.people.count();
    expectFieldErrors(
      await api.request('POST', '/people', { user: IDS.kotaStaff, body: { ...validPerson(), regionId: REGENCY } }),
      { regionId: 'unknownReference' },
    );
    expect(await api.store.people.count()).toBe(before);
    expectFieldErrors(
      await api.request('PATCH', `/people/${CITY_OFFICIAL}`, { user: IDS.kotaStaff, body: { regionId: REGENCY }, headers: ifMatch(1) }),
      { regionId: 'unknownReference' },
    );
    expect((await api.request('POST', '/people', { user: IDS.kotaStaff, body: { ...validPerson(), regionId: CITY } })).status).toBe(201);
    expect((await api.request('POST', '/people', { user: IDS.kotaStaff, body: validPerson() })).status).toBe(201);
    expect((await api.request('POST', '/people', { user: IDS.admin, body: { ...validPerson(), regionId: REGENCY } })).status).toBe(201);
  });
});

describe('home governments: an idempotent replay is scoped again', { timeout: 30_000 }, () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await testApi(snapshot());
  });

  async function setGovernments(user: string, homeRegionIds: string[]) {
    const current = await api.request('GET', `/users/${user}`, { user: IDS.admin });
    const moved = await api.request('PATCH', `/users/${user}`, { user: IDS.admin, body: { homeRegionIds }, headers: ifMatch(current.body.version) });
    expect(moved.status).toBe(200);
  }

  it('answers 404, not the stored answer, to a user who no longer works for its government', async () => {
    const { partnershipId: _p, carriedFollowUpIds: _c, ...rest } = cityMeeting({ hostLeadId: undefined, participants: [] });
    const body = { ...rest, title: 'Kunjungan perdana Yantai', newPartnership: { region: { name: 'Yantai', level: 'city', countryCode: 'CN', strengths: [] }, type: 'cooperation' } };
    const headers = { 'idempotency-key': 'replay-after-move-1' };
    const first = await api.request('POST', '/meetings', { user: IDS.kotaStaff, body, headers });
    expect(first.status).toBe(201);
    const again = await api.request('POST', '/meetings', { user: IDS.kotaStaff, body, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    // Ayu moves to the regency: the same request again must not hand back the city's meeting.
    await setGovernments(IDS.kotaStaff, [REGENCY]);
    const replay = await api.request('POST', '/meetings', { user: IDS.kotaStaff, body, headers });
    expectProblem(replay, 404);
    expect(JSON.stringify(replay.body)).not.toContain(first.body.id);
    // Nothing new was made either.
    expect((await api.request('GET', `/meetings?partnershipId=${first.body.partnershipId}`, { user: IDS.admin })).body.total).toBe(1);
  });

  it('answers 404 to the replay of a created person filed under a government the user left', async () => {
    const body = { ...validPerson(), regionId: CITY, name: 'Staf Protokol Kota' };
    const headers = { 'idempotency-key': 'replay-person-1' };
    expect((await api.request('POST', '/people', { user: BOTH, body, headers })).status).toBe(201);
    await setGovernments(BOTH, [REGENCY]);
    const replay = await api.request('POST', '/people', { user: BOTH, body, headers });
    expect(replay.status).toBeGreaterThanOrEqual(400);
    expect(replay.body.name).toBeUndefined();
  });

  it("drops a bulk change's items of a government the user left from its replay", async () => {
    const created = await api.request('POST', '/follow-ups', {
      user: BOTH,
      body: { ...validFollowUpDraft(), partnershipId: IDS.kotaPartnership, meetingId: IDS.kotaMeeting },
    });
    expect(created.status).toBe(201);
    const body = { items: [{ id: created.body.id, version: 1 }], changes: { status: 'in-progress', comment: 'Mulai.' } };
    const headers = { 'idempotency-key': 'replay-bulk-1' };
    const first = await api.request('POST', '/follow-ups/bulk', { user: BOTH, body, headers });
    expect(first.body.updated.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    await setGovernments(BOTH, [REGENCY]);
    const replay = await api.request('POST', '/follow-ups/bulk', { user: BOTH, body, headers });
    expect(replay.status).toBe(200);
    expect(replay.body.updated).toEqual([]);
    expect(replay.body.failed).toMatchObject([{ id: created.body.id, status: 404 }]);
    expect(JSON.stringify(replay.body)).not.toContain('Mulai.');
  });
});

describe("a meeting's date moves the follow-ups agreed in it", { timeout: 30_000 }, () => {
  it('moves agreedOn that was the old date, in the same write with history and audit; leaves others alone', async () => {
    const api = await testApi(snapshot());
    const created = await api.request('POST', '/meetings', {
      user: IDS.staff,
      body: validMeeting({
        date: '2025-10-20',
        carriedFollowUpIds: [],
        followUps: [validFollowUpDraft({ title: 'Kirim notulen' })],
      }),
    });
    expect(created.status).toBe(201);
    const meetingId = created.body.id as string;
    const agreed = await api.request('GET', `/follow-ups?meetingId=${meetingId}&limit=50`);
    const [follows] = agreed.body.items as Array<{ id: string; agreedOn?: string; version: number }>;
    expect(follows?.agreedOn).toBe('2025-10-20');
    // One agreed in the meeting on another day, given explicitly: it keeps it.
    const other = await api.request('POST', '/follow-ups', {
      body: { ...validFollowUpDraft({ title: 'Tindak lanjut lain' }), partnershipId: IDS.partnership, meetingId, agreedOn: '2025-10-22', dueDate: '2025-12-01' },
    });
    expect(other.status).toBe(201);
    expect(other.body.agreedOn).toBe('2025-10-22');

    const moved = await api.request('PATCH', `/meetings/${meetingId}`, { body: { date: '2025-10-15' }, headers: ifMatch(1) });
    expect(moved.status).toBe(200);
    const after = await api.request('GET', `/follow-ups/${follows!.id}`);
    expect(after.body.agreedOn).toBe('2025-10-15');
    expect(after.body.version).toBe(follows!.version + 1);
    expect(after.body.history.at(-1)).toMatchObject({ kind: 'updated', changes: [{ field: 'agreedOn', from: '2025-10-20', to: '2025-10-15' }], meetingId });
    expect((await api.request('GET', `/follow-ups/${other.body.id}`)).body).toMatchObject({ agreedOn: '2025-10-22', version: 1 });
    const trail = await api.request('GET', `/audit?entityId=${follows!.id}`, { user: IDS.admin });
    expect(trail.body.total).toBe(2);
    // The figures count it in the new period (a month earlier here: still October).
    const listed = await api.request('GET', `/follow-ups?agreedFrom=2025-10-15&agreedTo=2025-10-15&limit=50`);
    expect(ids(listed)).toContain(follows!.id);

    // A failed edit of the meeting moves nothing.
    const stale = await api.request('PATCH', `/meetings/${meetingId}`, { body: { date: '2025-10-01' }, headers: ifMatch(1) });
    expect(stale.status).toBe(412);
    expect((await api.request('GET', `/follow-ups/${follows!.id}`)).body.agreedOn).toBe('2025-10-15');
  });
});

describe('meetings per quarter: "kind not stated" counts', { timeout: 30_000 }, () => {
  it('counts a meeting whose kind is not stated in its own segment and in the total', async () => {
    const api = await testApi(snapshot());
    const before = await api.request('GET', '/stats/meetings-by-quarter?from=2025-01-01&to=2025-12-31');
    const q4 = before.body.items.find((i: { quarter: string }) => i.quarter === '2025-Q4');
    expect(q4.counts['not-stated']).toBe(0);
    const created = await api.request('POST', '/meetings', { body: validMeeting({ kind: 'not-stated', date: '2025-10-28', carriedFollowUpIds: [] }) });
    expect(created.status).toBe(201);
    const after = await api.request('GET', '/stats/meetings-by-quarter?from=2025-01-01&to=2025-12-31');
    const q4After = after.body.items.find((i: { quarter: string }) => i.quarter === '2025-Q4');
    expect(q4After.counts['not-stated']).toBe(1);
    expect(q4After.total).toBe(q4.total + 1);
    for (const item of after.body.items) {
      expect(item.total).toBe(Object.values(item.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    }
    // The same count as the list it links to.
    const listed = await api.request('GET', '/meetings?kind=not-stated&from=2025-10-01&to=2025-12-31');
    expect(listed.body.total).toBe(1);
  });
});
