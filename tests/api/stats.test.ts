import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { FOLLOW_UP_STATUSES, isOverdue, type FollowUp } from '../../src/domain/follow-up';
import { partnershipHealth } from '../../src/domain/health';
import { RECORDED_MEETING_KINDS, type Meeting } from '../../src/domain/meeting';
import { STAGES, type Partnership } from '../../src/domain/partnership';
import type { Snapshot } from '../../server/store';
import { testApi, type TestApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validFollowUp, validMeeting } from './fixtures';

/** Jakarta is UTC+7 all year (no daylight saving): an independent way to get the agreed day. */
const jakartaDay = (instant: string) => new Date(Date.parse(instant) + 7 * 3_600_000).toISOString().slice(0, 10);

/** The by-sector × status table counted by hand over the stored follow-ups. */
function manualBySector(snapshot: Snapshot, from: string, to: string, filter: { partnershipId?: string } = {}) {
  const table: Record<string, Record<string, number>> = {};
  for (const sector of snapshot.sectors) table[sector.id] = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0]));
  for (const item of snapshot.followUps) {
    const day = jakartaDay(item.createdAt);
    if (day < from || day > to) continue;
    if (filter.partnershipId && item.partnershipId !== filter.partnershipId) continue;
    for (const sectorId of item.sectorIds) table[sectorId]![item.status]! += 1;
  }
  return table;
}

function manualByQuarter(snapshot: Snapshot, from: string, to: string) {
  const table: Record<string, Record<string, number>> = {};
  for (const meeting of snapshot.meetings) {
    if (meeting.date < from || meeting.date > to) continue;
    const quarter = `${meeting.date.slice(0, 4)}-Q${Math.ceil(Number(meeting.date.slice(5, 7)) / 3)}`;
    table[quarter] ??= Object.fromEntries(RECORDED_MEETING_KINDS.map((k) => [k, 0]));
    table[quarter]![meeting.kind]! += 1;
  }
  return table;
}

const zeroKinds = Object.fromEntries(RECORDED_MEETING_KINDS.map((k) => [k, 0]));

describe('GET /api/stats/follow-ups-by-sector', () => {
  it('counts follow-ups agreed this year (in Jakarta) by sector and status, for every sector', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/follow-ups-by-sector');
    expect(response.status).toBe(200);
    expect(response.body.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const snapshot = demoSnapshot();
    expect(response.body.items.map((i: any) => i.sectorId).sort()).toEqual(snapshot.sectors.map((s) => s.id).sort());
    const manual = manualBySector(snapshot, '2025-01-01', '2025-12-31');
    for (const item of response.body.items) {
      expect(item.counts).toEqual(manual[item.sectorId]);
      expect(item.total).toBe(Object.values(item.counts as Record<string, number>).reduce((a, b) => a + b, 0));
    }
    // Spelled out for one sector: the Binzhou forum (in progress), the agenda (done), the tourism package (open).
    expect(response.body.items.find((i: any) => i.sectorId === 'tourism').counts).toEqual({
      open: 1,
      'in-progress': 1,
      blocked: 0,
      done: 1,
      cancelled: 0,
    });
  });

  it('equals a count by hand over thousands of generated follow-ups, for any period', async () => {
    const snapshot = generateSnapshot({ seed: 9, followUps: 3_000, meetings: 300, partnerships: 15 });
    const api = await testApi(snapshot);
    for (const [from, to] of [
      ['2019-01-01', '2030-12-31'],
      ['2023-04-01', '2023-06-30'],
      ['2025-09-22', '2025-09-22'],
    ] as const) {
      const response = await api.request('GET', `/stats/follow-ups-by-sector?from=${from}&to=${to}`);
      expect(response.status).toBe(200);
      const manual = manualBySector(snapshot, from, to);
      const got = Object.fromEntries(response.body.items.map((i: any) => [i.sectorId, i.counts]));
      expect(got).toEqual(manual);
    }
  });

  it('filters by partnership and by sector', async () => {
    const api = await testApi();
    const byPartnership = await api.request('GET', `/stats/follow-ups-by-sector?partnershipId=pts-gimhae&from=2025-01-01&to=2026-12-31`);
    const manual = manualBySector(demoSnapshot(), '2025-01-01', '2026-12-31', { partnershipId: 'pts-gimhae' });
    expect(Object.fromEntries(byPartnership.body.items.map((i: any) => [i.sectorId, i.counts]))).toEqual(manual);
    const oneSector = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=education');
    expect(oneSector.body.items).toEqual([
      { sectorId: 'education', counts: { open: 1, 'in-progress': 1, blocked: 1, done: 2, cancelled: 0 }, total: 5 },
    ]);
  });

  it('reflects a status change made through the API', async () => {
    const api = await testApi();
    await api.request('PATCH', '/follow-ups/fu-binzhou-tourism', { body: { status: 'done' }, headers: ifMatch(1) });
    const response = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=tourism');
    expect(response.body.items[0].counts).toMatchObject({ open: 0, done: 2 });
  });
});

describe('GET /api/stats/meetings-by-quarter', () => {
  it('lists every quarter of the year, empty ones as zero, by kind', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/meetings-by-quarter');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { quarter: '2025-Q1', counts: { ...zeroKinds, virtual: 1, forum: 1 }, total: 2 },
      { quarter: '2025-Q2', counts: zeroKinds, total: 0 },
      { quarter: '2025-Q3', counts: { ...zeroKinds, 'outbound-visit': 1, 'inbound-visit': 1 }, total: 2 },
      { quarter: '2025-Q4', counts: zeroKinds, total: 0 },
    ]);
  });

  it('spans years and partial quarters', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/meetings-by-quarter?from=2024-08-15&to=2026-04-01');
    expect(response.body.items.map((i: any) => i.quarter)).toEqual([
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
    ]);
    // Penang's LoI visit (2024-08-01) is before the period starts; 2026-05-20 is after it ends.
    expect(response.body.items[0].total).toBe(0);
    expect(response.body.items.at(-1).total).toBe(0);
    expect(response.body.items.find((i: any) => i.quarter === '2026-Q1').counts.virtual).toBe(1);
  });

  it('equals a count by hand over generated meetings', async () => {
    const snapshot = generateSnapshot({ seed: 21, followUps: 0, meetings: 2_000, partnerships: 10 });
    const api = await testApi(snapshot);
    const response = await api.request('GET', '/stats/meetings-by-quarter?from=2021-01-01&to=2026-12-31');
    const manual = manualByQuarter(snapshot, '2021-01-01', '2026-12-31');
    expect(response.body.items).toHaveLength(24);
    for (const item of response.body.items) {
      expect(item.counts).toEqual(manual[item.quarter] ?? zeroKinds);
    }
    expect(response.body.items.reduce((sum: number, i: any) => sum + i.total, 0)).toBe(
      snapshot.meetings.filter((m) => m.date >= '2021-01-01' && m.date <= '2026-12-31').length,
    );
  });

  it('filters by partnership and sector', async () => {
    const api = await testApi();
    const binzhou = await api.request('GET', `/stats/meetings-by-quarter?partnershipId=${IDS.partnership}`);
    expect(binzhou.body.items.map((i: any) => i.total)).toEqual([0, 0, 1, 0]);
    const culture = await api.request('GET', '/stats/meetings-by-quarter?sectorId=culture');
    expect(culture.body.items.map((i: any) => i.total)).toEqual([1, 0, 1, 0]);
  });
});

describe('GET /api/stats/partnerships-by-stage', () => {
  it('lists every stage in pipeline order, with zero for the empty ones', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/partnerships-by-stage');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      { stage: 'exploring', count: 1 },
      { stage: 'letter-of-intent', count: 1 },
      { stage: 'mou-drafting', count: 1 },
      { stage: 'mou-signed', count: 0 },
      { stage: 'active', count: 1 },
      { stage: 'dormant', count: 1 },
      { stage: 'ended', count: 0 },
    ]);
  });

  it('equals a count by hand over generated partnerships and follows stage changes', async () => {
    const snapshot = generateSnapshot({ seed: 4, followUps: 0, meetings: 0, partnerships: 250 });
    const api = await testApi(snapshot);
    const response = await api.request('GET', '/stats/partnerships-by-stage');
    expect(response.body.items.map((i: any) => i.stage)).toEqual([...STAGES]);
    for (const item of response.body.items) {
      expect(item.count).toBe(snapshot.partnerships.filter((p) => p.stage === item.stage).length);
    }
    const demo = await testApi();
    const moved = await demo.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      body: { to: 'letter-of-intent', date: '2025-11-01' },
      headers: ifMatch(1),
      user: IDS.manager, // stage changes are the manager's
    });
    expect(moved.status).toBe(200);
    const after = await demo.request('GET', '/stats/partnerships-by-stage');
    expect(after.body.items.slice(0, 2)).toEqual([
      { stage: 'exploring', count: 0 },
      { stage: 'letter-of-intent', count: 2 },
    ]);
  });

  it('filters by focus sector', async () => {
    const response = await (await testApi()).request('GET', '/stats/partnerships-by-stage?sectorId=education');
    expect(Object.fromEntries(response.body.items.map((i: any) => [i.stage, i.count]))).toMatchObject({
      exploring: 1,
      active: 1,
      dormant: 1,
      'mou-drafting': 0,
    });
  });
});

describe('GET /api/stats/kpis', () => {
  it('gives the dashboard figures for this year', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/kpis');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      period: { from: '2025-01-01', to: '2025-12-31' },
      today: '2025-11-01',
      activePartnerships: 1,
      partnerships: 5,
      meetings: 4,
      meetingsPreviousPeriod: 1,
      previousPeriod: { from: '2024-01-01', to: '2024-12-31' },
      openFollowUps: 9,
      overdueFollowUps: 1,
      followUpsAgreed: 7,
      followUpsDone: 2,
      completionRate: 2 / 7,
    });
  });

  it('takes "this year" in Jakarta: at 17:30 UTC on 31 December it is already next year', async () => {
    const api = await testApi(demoSnapshot(), new Date('2025-12-31T17:30:00Z'));
    const response = await api.request('GET', '/stats/kpis');
    expect(response.body.today).toBe('2026-01-01');
    expect(response.body.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('compares with the same period a year earlier (this year against last year)', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/kpis?from=2025-09-01&to=2025-09-30');
    expect(response.body.previousPeriod).toEqual({ from: '2024-09-01', to: '2024-09-30' });
    expect(response.body.meetings).toBe(1);
    expect(response.body.meetingsPreviousPeriod).toBe(0);
    const august = await api.request('GET', '/stats/kpis?from=2025-08-01&to=2025-08-31');
    expect(august.body.meetings).toBe(1); // Gimhae, 2025-08-11
    expect(august.body.meetingsPreviousPeriod).toBe(1); // Penang, 2024-08-01
  });

  it('maps 29 February to 28 February in the year before', async () => {
    const response = await (await testApi()).request('GET', '/stats/kpis?from=2024-02-29&to=2024-02-29');
    expect(response.body.previousPeriod).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });

  it('has no completion rate when nothing was agreed in the period', async () => {
    const response = await (await testApi()).request('GET', '/stats/kpis?from=2000-01-01&to=2000-12-31');
    expect(response.body).toMatchObject({ followUpsAgreed: 0, followUpsDone: 0, completionRate: null, meetings: 0 });
  });

  it('counts open and overdue follow-ups as the domain rules say, after a change through the API', async () => {
    const api = await testApi();
    await api.request('POST', '/follow-ups', { body: validFollowUp({ dueDate: '2025-10-31' }) });
    const response = await api.request('GET', '/stats/kpis');
    expect(response.body.openFollowUps).toBe(10);
    expect(response.body.overdueFollowUps).toBe(2);
    expect(response.body.followUpsAgreed).toBe(8);
  });
});

describe('stats query validation', () => {
  const endpoints = [
    '/stats/kpis',
    '/stats/follow-ups-by-sector',
    '/stats/meetings-by-quarter',
    '/stats/partnerships-by-stage',
    '/stats/overdue-by-sector',
    '/stats/overdue-by-owner',
    '/stats/completion-by-month',
    '/stats/health',
  ];

  it.each(endpoints)('%s names bad parameters', async (path) => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', `${path}?from=2025-02-30`), { from: 'invalidDate' });
    expectFieldErrors(await api.request('GET', `${path}?from=2025-06-01&to=2025-05-31`), { to: 'dateOrder' });
    expectFieldErrors(await api.request('GET', `${path}?year=2025`), { year: 'unknownField' });
    expectFieldErrors(await api.request('GET', `${path}?sectorId=${'x'.repeat(41)}`), { sectorId: 'tooLong' });
  });

  it('an unknown stats endpoint is a 404 problem', async () => {
    expectProblem(await (await testApi()).request('GET', '/stats/everything'), 404);
  });
});

// ---------------------------------------------------------------------------------------------
// Issue 5: relationship health, overdue by sector and owner, completion per month, drill-down.

/** A demo store with extra meetings and follow-ups, added as stored items (ids and dates as given). */
function withExtras(extra: { meetings?: Array<{ id: string; date: string; kind?: Meeting['kind']; time?: string }>; followUps?: Array<{ id: string; createdAt: string; status?: FollowUp['status']; sectorIds?: string[] }> }): Snapshot {
  const snapshot = demoSnapshot();
  const meeting = snapshot.meetings.find((m) => m.id === IDS.visit)!;
  const followUp = snapshot.followUps.find((f) => f.id === 'fu-binzhou-tourism')!;
  for (const m of extra.meetings ?? []) {
    const { time: _time, ...rest } = meeting;
    snapshot.meetings.push({ ...rest, id: m.id, date: m.date, kind: m.kind ?? 'virtual', ...(m.time ? { time: m.time } : {}), sectorIds: ['health'] });
  }
  for (const f of extra.followUps ?? []) {
    snapshot.followUps.push({ ...followUp, id: f.id, createdAt: f.createdAt, updatedAt: f.createdAt, status: f.status ?? 'open', sectorIds: f.sectorIds ?? ['health'] });
  }
  return snapshot;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('GET /api/stats/health', () => {
  it('lists the partnerships that need attention, most reasons first, with what to say about each', async () => {
    const response = await (await testApi()).request('GET', '/stats/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      today: '2025-11-01',
      items: [
        {
          partnershipId: 'pts-penang',
          reasons: [
            { code: 'noMeetingIn6Months', params: { lastMeetingDate: '2024-08-01', sinceDate: '2024-08-01', months: 15 } },
            { code: 'loiWithoutMouOver12Months', params: { loiDate: '2024-08-01', months: 15 } },
            { code: 'overdueFollowUps', params: { count: 1 } },
          ],
        },
        {
          // Kitakyushu's last meeting was 2025-03-03; the one on 2026-02-12 is still to come.
          partnershipId: 'pts-kitakyushu',
          reasons: [{ code: 'noMeetingIn6Months', params: { lastMeetingDate: '2025-03-03', sinceDate: '2025-03-03', months: 7 } }],
        },
      ],
    });
  });

  it('leaves out healthy, dormant and ended partnerships (Geelong is dormant with an MoU expired in 2024)', async () => {
    const response = await (await testApi()).request('GET', '/stats/health');
    const ids = response.body.items.map((i: any) => i.partnershipId);
    expect(ids).not.toContain('pts-geelong');
    expect(ids).not.toContain('pts-gimhae'); // met 2025-08-11, MoU to 2027
    expect(ids).not.toContain(IDS.partnership); // met 2025-09-22
  });

  it('filters by partnership and by focus sector; from/to do not change it but are still checked', async () => {
    const api = await testApi();
    const penang = await api.request('GET', '/stats/health?partnershipId=pts-penang');
    expect(penang.body.items.map((i: any) => i.partnershipId)).toEqual(['pts-penang']);
    const environment = await api.request('GET', '/stats/health?sectorId=environment');
    expect(environment.body.items.map((i: any) => i.partnershipId)).toEqual(['pts-kitakyushu']);
    const none = await api.request('GET', '/stats/health?partnershipId=pts-gimhae');
    expect(none.body.items).toEqual([]);
    const all = await api.request('GET', '/stats/health');
    expect((await api.request('GET', '/stats/health?from=2000-01-01&to=2000-12-31')).body).toEqual(all.body);
    expectFieldErrors(await api.request('GET', '/stats/health?from=2025-06-01&to=2025-05-31'), { to: 'dateOrder' });
  });

  it('follows changes made through the API: a meeting logged, a follow-up done, an MoU expiring', async () => {
    const api = await testApi();
    // Each write by the role allowed to make it (src/domain/permissions.ts).
    expect((await api.request('PATCH', '/follow-ups/fu-penang-1', { body: { status: 'done' }, headers: ifMatch(1), user: IDS.officer })).status).toBe(200);
    const logged = await api.request('POST', '/meetings', {
      body: validMeeting({ partnershipId: 'pts-kitakyushu', date: '2025-10-15', hostLeadId: undefined, delegationLeadId: undefined, participants: [], statements: [], sectorIds: ['environment'] }),
    });
    expect(logged.status).toBe(201);
    expect((await api.request('PATCH', '/partnerships/pts-gimhae', { body: { agreements: { loiDate: '2021-10-04', mouSignedDate: '2022-01-20', mouExpiresDate: '2026-01-15' } }, headers: ifMatch(1), user: IDS.manager })).status).toBe(200);
    const response = await api.request('GET', '/stats/health');
    expect(response.body.items).toEqual([
      {
        partnershipId: 'pts-penang',
        reasons: [
          { code: 'noMeetingIn6Months', params: { lastMeetingDate: '2024-08-01', sinceDate: '2024-08-01', months: 15 } },
          { code: 'loiWithoutMouOver12Months', params: { loiDate: '2024-08-01', months: 15 } },
        ],
      },
      { partnershipId: 'pts-gimhae', reasons: [{ code: 'mouExpiringWithin90Days', params: { expiresDate: '2026-01-15', daysLeft: 75 } }] },
    ]);
  });

  it('equals the domain rule applied partnership by partnership over generated data, in order', async () => {
    const snapshot = generateSnapshot({ seed: 17, followUps: 4_000, meetings: 600, partnerships: 80 });
    const api = await testApi(snapshot);
    const today = '2025-11-01';
    const collator = new Intl.Collator('id', { sensitivity: 'base' });
    const name = (p: Partnership) =>
      snapshot.regions.find((r) => r.id === p.partnerRegionId)?.name ?? snapshot.organizations.find((o) => o.id === p.partnerOrganizationId)?.name ?? '';
    const expected = snapshot.partnerships
      .map((p) => {
        const held = snapshot.meetings.filter((m) => m.partnershipId === p.id && m.date <= today).map((m) => m.date).sort();
        const overdueCount = snapshot.followUps.filter((f) => f.partnershipId === p.id && isOverdue(f, today)).length;
        return { p, reasons: partnershipHealth(p, { lastMeetingDate: held.at(-1), overdueCount, today }) };
      })
      .filter((x) => x.reasons.length > 0)
      .sort((a, b) => b.reasons.length - a.reasons.length || collator.compare(name(a.p), name(b.p)) || a.p.id.localeCompare(b.p.id))
      .map((x) => ({ partnershipId: x.p.id, reasons: x.reasons }));
    const response = await api.request('GET', '/stats/health');
    expect(response.body.items).toEqual(expected);
    // Not vacuous: dozens of partnerships flagged, for several kinds of reason, some for more than one.
    expect(response.body.items.length).toBeGreaterThan(20);
    const seen = new Set(response.body.items.flatMap((i: any) => i.reasons.map((r: any) => r.code)));
    expect([...seen]).toEqual(expect.arrayContaining(['noMeetingIn6Months', 'loiWithoutMouOver12Months', 'overdueFollowUps']));
    expect(response.body.items[0].reasons.length).toBeGreaterThan(1);
    const counts = response.body.items.map((i: any) => i.reasons.length);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
  });
});

describe('GET /api/stats/overdue-by-sector and overdue-by-owner', () => {
  it('counts what is overdue today by sector, every sector listed, zeros included', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/stats/overdue-by-sector');
    expect(response.status).toBe(200);
    expect(response.body.today).toBe('2025-11-01');
    const snapshot = demoSnapshot();
    expect(response.body.items.map((i: any) => i.sectorId)).toEqual(snapshot.sectors.map((s) => s.id));
    // Only Penang's tourism and trade item (due 2025-03-31) is overdue on 1 November 2025.
    expect(response.body.items.filter((i: any) => i.count > 0)).toEqual([
      { sectorId: 'tourism', count: 1 },
      { sectorId: 'trade', count: 1 },
    ]);
    const one = await api.request('GET', '/stats/overdue-by-sector?sectorId=trade');
    expect(one.body.items).toEqual([{ sectorId: 'trade', count: 1 }]);
  });

  it('counts by owner: every active officer and manager, zeros included, and any other owner with overdue items', async () => {
    const api = await testApi();
    const before = await api.request('GET', '/stats/overdue-by-owner');
    expect(before.body.items).toEqual([
      { ownerId: IDS.officer, count: 1 },
      { ownerId: IDS.officer2, count: 0 },
      { ownerId: IDS.manager, count: 0 },
    ]);
    // An admin given an overdue item appears; an officer made inactive with nothing overdue does not.
    await api.request('POST', '/follow-ups', { body: validFollowUp({ ownerId: IDS.admin, dueDate: '2025-10-01' }) });
    await api.request('POST', '/follow-ups', { body: validFollowUp({ ownerId: IDS.admin, dueDate: '2025-10-31' }) });
    await api.request('POST', '/follow-ups', { body: validFollowUp({ ownerId: IDS.admin, dueDate: '2025-11-01' }) }); // due today: not overdue
    expect((await api.request('PATCH', `/users/${IDS.manager}`, { body: { active: false }, headers: ifMatch(1), user: IDS.admin })).status).toBe(200);
    const after = await api.request('GET', '/stats/overdue-by-owner');
    expect(after.body.items).toEqual([
      { ownerId: IDS.admin, count: 2 },
      { ownerId: IDS.officer, count: 1 },
      { ownerId: IDS.officer2, count: 0 },
    ]);
    const kpis = await api.request('GET', '/stats/kpis');
    expect(sum(after.body.items.map((i: any) => i.count))).toBe(kpis.body.overdueFollowUps);
  });

  it('ignores the period (overdue is as of today, like the KPI) but applies partnership and sector', async () => {
    const snapshot = generateSnapshot({ seed: 3, followUps: 3_000, meetings: 300, partnerships: 20 });
    const api = await testApi(snapshot);
    const today = '2025-11-01';
    for (const path of ['/stats/overdue-by-sector', '/stats/overdue-by-owner']) {
      const all = await api.request('GET', path);
      expect((await api.request('GET', `${path}?from=2019-01-01&to=2019-01-31`)).body.items).toEqual(all.body.items);
    }
    const byOwner = await api.request('GET', '/stats/overdue-by-owner?sectorId=education');
    const manual = new Map<string, number>();
    for (const f of snapshot.followUps) {
      if (isOverdue(f, today) && f.sectorIds.includes('education')) manual.set(f.ownerId!, (manual.get(f.ownerId!) ?? 0) + 1);
    }
    expect(Object.fromEntries(byOwner.body.items.filter((i: any) => i.count > 0).map((i: any) => [i.ownerId, i.count]))).toEqual(Object.fromEntries(manual));
    const kpis = await api.request('GET', '/stats/kpis?sectorId=education');
    expect(sum(byOwner.body.items.map((i: any) => i.count))).toBe(kpis.body.overdueFollowUps);
    const bySector = await api.request('GET', '/stats/overdue-by-sector');
    for (const item of bySector.body.items) {
      expect(item.count).toBe(snapshot.followUps.filter((f) => isOverdue(f, today) && f.sectorIds.includes(item.sectorId)).length);
    }
  });
});

describe('GET /api/stats/completion-by-month', () => {
  it('lists every month of the period with agreed, done and the rate; empty months as zero with no rate', async () => {
    const response = await (await testApi()).request('GET', '/stats/completion-by-month');
    expect(response.status).toBe(200);
    expect(response.body.items).toHaveLength(12);
    const row = (month: string) => response.body.items.find((i: any) => i.month === month);
    expect(row('2025-08')).toEqual({ month: '2025-08', from: '2025-08-01', to: '2025-08-31', agreed: 1, done: 1, rate: 1 });
    expect(row('2025-09')).toEqual({ month: '2025-09', from: '2025-09-01', to: '2025-09-30', agreed: 6, done: 1, rate: 1 / 6 });
    expect(row('2025-02')).toEqual({ month: '2025-02', from: '2025-02-01', to: '2025-02-28', agreed: 0, done: 0, rate: null });
    const kpis = await (await testApi()).request('GET', '/stats/kpis');
    expect(sum(response.body.items.map((i: any) => i.agreed))).toBe(kpis.body.followUpsAgreed);
    expect(sum(response.body.items.map((i: any) => i.done))).toBe(kpis.body.followUpsDone);
  });

  it('cuts the first and last months at the period ends', async () => {
    const response = await (await testApi()).request('GET', '/stats/completion-by-month?from=2024-11-15&to=2025-02-10');
    expect(response.body.items.map((i: any) => [i.month, i.from, i.to])).toEqual([
      ['2024-11', '2024-11-15', '2024-11-30'],
      ['2024-12', '2024-12-01', '2024-12-31'],
      ['2025-01', '2025-01-01', '2025-01-31'],
      ['2025-02', '2025-02-01', '2025-02-10'],
    ]);
  });

  it('leaves cancelled items out and counts by the day agreed in Jakarta', async () => {
    const api = await testApi(
      withExtras({
        followUps: [
          { id: 'fu-x-1', createdAt: '2025-03-31T17:30:00.000Z', status: 'done' }, // 1 April in Jakarta
          { id: 'fu-x-2', createdAt: '2025-03-31T16:59:59.000Z', status: 'open' }, // still 31 March
          { id: 'fu-x-3', createdAt: '2025-03-10T03:00:00.000Z', status: 'cancelled' },
        ],
      }),
    );
    const response = await api.request('GET', '/stats/completion-by-month?from=2025-03-01&to=2025-04-30');
    expect(response.body.items).toEqual([
      { month: '2025-03', from: '2025-03-01', to: '2025-03-31', agreed: 1, done: 0, rate: 0 },
      { month: '2025-04', from: '2025-04-01', to: '2025-04-30', agreed: 1, done: 1, rate: 1 },
    ]);
  });
});

describe('time zone and period edges', () => {
  it('puts a meeting on 2025-03-31 in Q1 and one on 2025-04-01 in Q2, whatever its time of day', async () => {
    const api = await testApi(
      withExtras({
        meetings: [
          { id: 'mtg-x-q1', date: '2025-03-31', time: '23:30', kind: 'forum' },
          { id: 'mtg-x-q2', date: '2025-04-01', time: '00:15', kind: 'forum' },
        ],
      }),
    );
    const response = await api.request('GET', '/stats/meetings-by-quarter?sectorId=health');
    expect(response.body.items.map((i: any) => [i.quarter, i.counts.forum])).toEqual([
      ['2025-Q1', 1],
      ['2025-Q2', 1],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
    ]);
    const q1 = await api.request('GET', '/meetings?sectorId=health&kind=forum&from=2025-01-01&to=2025-03-31');
    expect(q1.body.items.map((m: any) => m.id)).toEqual(['mtg-x-q1']);
  });

  it('counts a follow-up created at 2025-03-31T17:30:00Z as agreed on 1 April (Q2) in stats and lists alike', async () => {
    const api = await testApi(withExtras({ followUps: [{ id: 'fu-x-late', createdAt: '2025-03-31T17:30:00.000Z' }] }));
    const q1 = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=health&from=2025-01-01&to=2025-03-31');
    const q2 = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=health&from=2025-04-01&to=2025-06-30');
    expect(q1.body.items[0].total).toBe(0);
    expect(q2.body.items[0].counts.open).toBe(1);
    const listQ1 = await api.request('GET', '/follow-ups?sectorId=health&agreedFrom=2025-01-01&agreedTo=2025-03-31');
    const listQ2 = await api.request('GET', '/follow-ups?sectorId=health&agreedFrom=2025-04-01&agreedTo=2025-04-01');
    expect(listQ1.body.total).toBe(0);
    expect(listQ2.body.items.map((f: any) => f.id)).toEqual(['fu-x-late']);
  });

  it('the same instant created through the API, with the clock at 00:30 in Jakarta on 1 April', async () => {
    const api = await testApi(demoSnapshot(), new Date('2025-03-31T17:30:00.000Z'));
    // Not agreed in a meeting and no day given: agreed the day it was recorded, in Jakarta.
    const created = await api.request('POST', '/follow-ups', { body: validFollowUp({ sectorIds: ['health'], dueDate: '2025-06-01', meetingId: undefined }) });
    expect(created.body.createdAt).toBe('2025-03-31T17:30:00.000Z');
    expect(created.body).not.toHaveProperty('agreedOn');
    const months = await api.request('GET', '/stats/completion-by-month?sectorId=health&from=2025-03-01&to=2025-04-30');
    expect(months.body.items.map((i: any) => [i.month, i.agreed])).toEqual([
      ['2025-03', 0],
      ['2025-04', 1],
    ]);
  });

  it('shows an empty period as zeros in every endpoint', async () => {
    const api = await testApi();
    const q = 'from=2000-01-01&to=2000-12-31';
    const bySector = await api.request('GET', `/stats/follow-ups-by-sector?${q}`);
    expect(bySector.body.items.every((i: any) => i.total === 0)).toBe(true);
    expect(bySector.body.items).toHaveLength(demoSnapshot().sectors.length);
    const byQuarter = await api.request('GET', `/stats/meetings-by-quarter?${q}`);
    expect(byQuarter.body.items).toEqual(['2000-Q1', '2000-Q2', '2000-Q3', '2000-Q4'].map((quarter) => ({ quarter, counts: zeroKinds, total: 0 })));
    const byMonth = await api.request('GET', `/stats/completion-by-month?${q}`);
    expect(byMonth.body.items).toHaveLength(12);
    expect(byMonth.body.items.every((i: any) => i.agreed === 0 && i.done === 0 && i.rate === null)).toBe(true);
  });

  it('new endpoints check their query like the others', async () => {
    const api = await testApi();
    for (const path of ['/stats/health', '/stats/overdue-by-sector', '/stats/overdue-by-owner', '/stats/completion-by-month']) {
      expectFieldErrors(await api.request('GET', `${path}?from=2025-02-30`), { from: 'invalidDate' });
      expectFieldErrors(await api.request('GET', `${path}?year=2025`), { year: 'unknownField' });
      expectFieldErrors(await api.request('GET', `${path}?partnershipId=${'x'.repeat(81)}`), { partnershipId: 'tooLong' });
    }
    expectFieldErrors(await api.request('GET', '/follow-ups?agreedFrom=2025-13-01'), { agreedFrom: 'invalidDate' });
  });
});

/**
 * Drill-down is exact: for every cell of every chart and every KPI, the list it links to has
 * exactly that many items. Over generated data where a seventh of the follow-ups were created late
 * in the evening UTC (already the next day in Jakarta), so month and quarter edges are crossed.
 */
describe('drill-down: every number equals the total of the list behind it', () => {
  const snapshot = generateSnapshot({ seed: 55, followUps: 4_000, meetings: 500, partnerships: 30 });
  snapshot.followUps = snapshot.followUps.map((f, i) =>
    i % 7 === 0 ? { ...f, createdAt: `${f.createdAt.slice(0, 10)}T17:30:00.000Z` } : f,
  );
  const busiest = [...snapshot.followUps.reduce((m, f) => m.set(f.partnershipId, (m.get(f.partnershipId) ?? 0) + 1), new Map<string, number>())].sort((a, b) => b[1] - a[1])[0]![0];

  const quarterRange = (quarter: string) => {
    const [year, q] = quarter.split('-Q').map(Number) as [number, number];
    const first = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
    const lastMonth = `${year}-${String(q * 3).padStart(2, '0')}`;
    const lastDay = new Date(Date.UTC(year, q * 3, 0)).getUTCDate();
    return { from: first, to: `${lastMonth}-${lastDay}` };
  };
  // Only reads here: one database of generated data for the four periods, closed at the end.
  let api: TestApi;
  beforeAll(async () => {
    api = await testApi(snapshot);
  }, 60_000);
  afterAll(() => api.database.close());
  const later = (a: string, b: string) => (a > b ? a : b);
  const earlier = (a: string, b: string) => (a < b ? a : b);

  it.each([
    { name: 'this year (default period)', filters: {} },
    { name: 'a period cutting quarters and months', filters: { from: '2023-02-15', to: '2024-08-20' } },
    { name: 'six years, one sector', filters: { from: '2021-01-01', to: '2026-12-31', sectorId: 'education' } },
    { name: 'one partnership', filters: { from: '2022-01-01', to: '2025-12-31', partnershipId: busiest } },
  ] as Array<{ name: string; filters: Record<string, string> }>)('$name', async ({ filters }) => {
    const query = (params: Record<string, string | undefined>) =>
      new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();
    const statsQ = query(filters);
    const get = async (path: string) => {
      const response = await api.request('GET', path);
      expect(response.status, path).toBe(200);
      return response.body;
    };
    const total = async (path: string, params: Record<string, string | undefined>) => (await get(`${path}?${query({ ...params, limit: '1' })}`)).total as number;
    const { partnershipId, sectorId } = filters;
    let checked = 0;
    let nonZero = 0;
    const expectCell = async (value: number, path: string, params: Record<string, string | undefined>) => {
      expect(await total(path, params), `${path} ${JSON.stringify(params)}`).toBe(value);
      checked += 1;
      if (value > 0) nonZero += 1;
    };

    const kpis = await get(`/stats/kpis?${statsQ}`);
    const { from, to } = kpis.period as { from: string; to: string };
    const agreed = { agreedFrom: from, agreedTo: to };
    const scope = { partnershipId, sectorId };

    // KPIs.
    await expectCell(kpis.openFollowUps, '/follow-ups', { ...scope, status: 'open,in-progress,blocked' });
    await expectCell(kpis.overdueFollowUps, '/follow-ups', { ...scope, due: 'overdue' });
    await expectCell(kpis.meetings, '/meetings', { ...scope, from, to });
    await expectCell(kpis.meetingsPreviousPeriod, '/meetings', { ...scope, ...kpis.previousPeriod });
    await expectCell(kpis.activePartnerships, '/partnerships', { sectorId, id: partnershipId, stage: 'mou-signed,active' });
    await expectCell(kpis.partnerships, '/partnerships', { sectorId, id: partnershipId });
    await expectCell(kpis.followUpsAgreed, '/follow-ups', { ...scope, ...agreed, status: 'open,in-progress,blocked,done' });
    await expectCell(kpis.followUpsDone, '/follow-ups', { ...scope, ...agreed, status: 'done' });

    // Follow-ups by sector × status.
    for (const row of (await get(`/stats/follow-ups-by-sector?${statsQ}`)).items) {
      for (const [status, count] of Object.entries(row.counts as Record<string, number>)) {
        await expectCell(count, '/follow-ups', { partnershipId, sectorId: row.sectorId, status, ...agreed });
      }
    }

    // Meetings per quarter × kind (the first and last quarters cut at the period's ends).
    for (const row of (await get(`/stats/meetings-by-quarter?${statsQ}`)).items) {
      const range = quarterRange(row.quarter);
      for (const [kind, count] of Object.entries(row.counts as Record<string, number>)) {
        await expectCell(count, '/meetings', { ...scope, kind, from: later(range.from, from), to: earlier(range.to, to) });
      }
    }

    // Partnerships by stage.
    for (const row of (await get(`/stats/partnerships-by-stage?${statsQ}`)).items) {
      await expectCell(row.count, '/partnerships', { sectorId, id: partnershipId, stage: row.stage });
    }

    // Overdue by sector and by owner (as of today; the period does not apply).
    for (const row of (await get(`/stats/overdue-by-sector?${statsQ}`)).items) {
      await expectCell(row.count, '/follow-ups', { partnershipId, sectorId: row.sectorId, due: 'overdue' });
    }
    for (const row of (await get(`/stats/overdue-by-owner?${statsQ}`)).items) {
      await expectCell(row.count, '/follow-ups', { ...scope, ownerId: row.ownerId, due: 'overdue' });
    }

    // Completion per month: agreed (cancelled left out) and done.
    for (const row of (await get(`/stats/completion-by-month?${statsQ}`)).items) {
      const month = { ...scope, agreedFrom: row.from, agreedTo: row.to };
      await expectCell(row.agreed, '/follow-ups', { ...month, status: 'open,in-progress,blocked,done' });
      await expectCell(row.done, '/follow-ups', { ...month, status: 'done' });
    }

    // Health: each partnership's overdue count.
    for (const row of (await get(`/stats/health?${statsQ}`)).items) {
      const overdue = row.reasons.find((r: any) => r.code === 'overdueFollowUps');
      await expectCell(overdue?.params.count ?? 0, '/follow-ups', { partnershipId: row.partnershipId, due: 'overdue' });
    }

    expect(checked).toBeGreaterThan(60);
    expect(nonZero).toBeGreaterThan(20);
  }, 60_000);
});

describe('stats answers are kept until the data changes', () => {
  it('answers a repeated request with the kept answer, and recomputes after a write', async () => {
    const api = await testApi();
    const path = '/stats/kpis?from=2025-01-01&to=2025-12-31';
    const first = await api.request('GET', path);
    expect(first.status).toBe(200);
    const open = (await api.store.followUps.all()).filter((f) => f.status === 'open' && f.partnershipId === IDS.partnership);
    expect(open.length).toBeGreaterThanOrEqual(2);

    // Kept: a row changed behind the API's back (plain SQL, so the data version does not move)
    // is not seen; the answer is the one computed before.
    await api.database.db.updateTable('follow_ups').set({ status: 'cancelled' }).where('id', '=', open[0]!.id).execute();
    const again = await api.request('GET', path);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    // Another filter is another answer, computed now.
    const other = await api.request('GET', `/stats/kpis?from=2025-01-01&to=2025-12-31&partnershipId=${IDS.partnership}`);
    expect(other.status).toBe(200);
    expect(other.body.openFollowUps).toBeLessThan(first.body.openFollowUps);

    // A follow-up is done through the API: the figures change at once, with both changes seen.
    const item = open[1]!;
    const saved = await api.request('PATCH', `/follow-ups/${item.id}`, { headers: ifMatch(item.version), body: { status: 'done' } });
    expect(saved.status).toBe(200);
    const after = await api.request('GET', path);
    expect(after.body.openFollowUps).toBe(first.body.openFollowUps - 2);
  });
});
