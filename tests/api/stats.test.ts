import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { FOLLOW_UP_STATUSES } from '../../src/domain/follow-up';
import { MEETING_KINDS } from '../../src/domain/meeting';
import { STAGES } from '../../src/domain/partnership';
import type { Snapshot } from '../../server/store';
import { testApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validFollowUp } from './fixtures';

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
    table[quarter] ??= Object.fromEntries(MEETING_KINDS.map((k) => [k, 0]));
    table[quarter]![meeting.kind]! += 1;
  }
  return table;
}

const zeroKinds = Object.fromEntries(MEETING_KINDS.map((k) => [k, 0]));

describe('GET /api/stats/follow-ups-by-sector', () => {
  it('counts follow-ups agreed this year (in Jakarta) by sector and status, for every sector', async () => {
    const api = testApi();
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
    const api = testApi(snapshot);
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
    const api = testApi();
    const byPartnership = await api.request('GET', `/stats/follow-ups-by-sector?partnershipId=pts-gimhae&from=2025-01-01&to=2026-12-31`);
    const manual = manualBySector(demoSnapshot(), '2025-01-01', '2026-12-31', { partnershipId: 'pts-gimhae' });
    expect(Object.fromEntries(byPartnership.body.items.map((i: any) => [i.sectorId, i.counts]))).toEqual(manual);
    const oneSector = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=education');
    expect(oneSector.body.items).toEqual([
      { sectorId: 'education', counts: { open: 1, 'in-progress': 1, blocked: 1, done: 2, cancelled: 0 }, total: 5 },
    ]);
  });

  it('reflects a status change made through the API', async () => {
    const api = testApi();
    await api.request('PATCH', '/follow-ups/fu-binzhou-tourism', { body: { status: 'done' }, headers: ifMatch(1) });
    const response = await api.request('GET', '/stats/follow-ups-by-sector?sectorId=tourism');
    expect(response.body.items[0].counts).toMatchObject({ open: 0, done: 2 });
  });
});

describe('GET /api/stats/meetings-by-quarter', () => {
  it('lists every quarter of the year, empty ones as zero, by kind', async () => {
    const api = testApi();
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
    const api = testApi();
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
    const api = testApi(snapshot);
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
    const api = testApi();
    const binzhou = await api.request('GET', `/stats/meetings-by-quarter?partnershipId=${IDS.partnership}`);
    expect(binzhou.body.items.map((i: any) => i.total)).toEqual([0, 0, 1, 0]);
    const culture = await api.request('GET', '/stats/meetings-by-quarter?sectorId=culture');
    expect(culture.body.items.map((i: any) => i.total)).toEqual([1, 0, 1, 0]);
  });
});

describe('GET /api/stats/partnerships-by-stage', () => {
  it('lists every stage in pipeline order, with zero for the empty ones', async () => {
    const api = testApi();
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
    const api = testApi(snapshot);
    const response = await api.request('GET', '/stats/partnerships-by-stage');
    expect(response.body.items.map((i: any) => i.stage)).toEqual([...STAGES]);
    for (const item of response.body.items) {
      expect(item.count).toBe(snapshot.partnerships.filter((p) => p.stage === item.stage).length);
    }
    const demo = testApi();
    await demo.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      body: { to: 'letter-of-intent', date: '2025-11-01' },
      headers: ifMatch(1),
    });
    const after = await demo.request('GET', '/stats/partnerships-by-stage');
    expect(after.body.items.slice(0, 2)).toEqual([
      { stage: 'exploring', count: 0 },
      { stage: 'letter-of-intent', count: 2 },
    ]);
  });

  it('filters by focus sector', async () => {
    const response = await testApi().request('GET', '/stats/partnerships-by-stage?sectorId=education');
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
    const api = testApi();
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
    const api = testApi(demoSnapshot(), new Date('2025-12-31T17:30:00Z'));
    const response = await api.request('GET', '/stats/kpis');
    expect(response.body.today).toBe('2026-01-01');
    expect(response.body.period).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('compares with the same period a year earlier (this year against last year)', async () => {
    const api = testApi();
    const response = await api.request('GET', '/stats/kpis?from=2025-09-01&to=2025-09-30');
    expect(response.body.previousPeriod).toEqual({ from: '2024-09-01', to: '2024-09-30' });
    expect(response.body.meetings).toBe(1);
    expect(response.body.meetingsPreviousPeriod).toBe(0);
    const august = await api.request('GET', '/stats/kpis?from=2025-08-01&to=2025-08-31');
    expect(august.body.meetings).toBe(1); // Gimhae, 2025-08-11
    expect(august.body.meetingsPreviousPeriod).toBe(1); // Penang, 2024-08-01
  });

  it('maps 29 February to 28 February in the year before', async () => {
    const response = await testApi().request('GET', '/stats/kpis?from=2024-02-29&to=2024-02-29');
    expect(response.body.previousPeriod).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });

  it('has no completion rate when nothing was agreed in the period', async () => {
    const response = await testApi().request('GET', '/stats/kpis?from=2000-01-01&to=2000-12-31');
    expect(response.body).toMatchObject({ followUpsAgreed: 0, followUpsDone: 0, completionRate: null, meetings: 0 });
  });

  it('counts open and overdue follow-ups as the domain rules say, after a change through the API', async () => {
    const api = testApi();
    await api.request('POST', '/follow-ups', { body: validFollowUp({ dueDate: '2025-10-31' }) });
    const response = await api.request('GET', '/stats/kpis');
    expect(response.body.openFollowUps).toBe(10);
    expect(response.body.overdueFollowUps).toBe(2);
    expect(response.body.followUpsAgreed).toBe(8);
  });
});

describe('stats query validation', () => {
  const endpoints = ['/stats/kpis', '/stats/follow-ups-by-sector', '/stats/meetings-by-quarter', '/stats/partnerships-by-stage'];

  it.each(endpoints)('%s names bad parameters', async (path) => {
    const api = testApi();
    expectFieldErrors(await api.request('GET', `${path}?from=2025-02-30`), { from: 'invalidDate' });
    expectFieldErrors(await api.request('GET', `${path}?from=2025-06-01&to=2025-05-31`), { to: 'dateOrder' });
    expectFieldErrors(await api.request('GET', `${path}?year=2025`), { year: 'unknownField' });
    expectFieldErrors(await api.request('GET', `${path}?sectorId=${'x'.repeat(41)}`), { sectorId: 'tooLong' });
  });

  it('an unknown stats endpoint is a 404 problem', async () => {
    expectProblem(await testApi().request('GET', '/stats/everything'), 404);
  });
});
