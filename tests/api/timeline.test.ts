import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { testApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch } from './fixtures';

describe('GET /api/partnerships/:id/timeline', () => {
  it('merges the visit, the stage record and the follow-up events, newest first', async () => {
    const api = await testApi();
    const response = await api.request('GET', `/partnerships/${IDS.partnership}/timeline?limit=100`);
    expect(response.status).toBe(200);
    const items = response.body.items as Array<{ kind: string; date: string }>;
    const snapshot = demoSnapshot();
    const events = snapshot.followUps.filter((f) => f.partnershipId === IDS.partnership).reduce((n, f) => n + f.history.length, 0);
    expect(response.body.total).toBe(1 + 1 + events);
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
    expect(items.at(-1)).toMatchObject({ kind: 'meeting', meetingId: IDS.visit, date: '2025-09-22' });
  });

  it('filters by kind, one or several', async () => {
    const api = await testApi();
    const stages = await api.request('GET', `/partnerships/${IDS.partnership}/timeline?kind=stage`);
    expect(stages.body.items.map((i: any) => i.kind)).toEqual(['stage']);
    const two = await api.request('GET', `/partnerships/${IDS.partnership}/timeline?kind=meeting,stage`);
    expect(two.body.items.map((i: any) => i.kind).sort()).toEqual(['meeting', 'stage']);
  });

  it('shows a stage change and a status change as they happen', async () => {
    const api = await testApi();
    const moved = await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      user: IDS.manager,
      headers: ifMatch(1),
      body: { to: 'letter-of-intent', date: '2025-10-30', note: 'Surat minat ditandatangani.' },
    });
    expect(moved.status).toBe(200);
    const response = await api.request('GET', `/partnerships/${IDS.partnership}/timeline?kind=stage`);
    expect(response.body.items[0]).toMatchObject({
      kind: 'stage',
      from: 'exploring',
      to: 'letter-of-intent',
      date: '2025-10-30',
      note: 'Surat minat ditandatangani.',
      by: IDS.manager,
    });
  });

  it('refuses unknown kinds and parameters, and answers 404 for an unknown partnership', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', `/partnerships/${IDS.partnership}/timeline?kind=party`), { 'kind.0': 'invalidOption' });
    expectProblem(await api.request('GET', `/partnerships/${IDS.partnership}/timeline?colour=red`), 400);
    expectProblem(await api.request('GET', '/partnerships/pts-nope/timeline'), 404);
    expectProblem(await api.request('GET', `/partnerships/${IDS.partnership}/timeline`, { user: null }), 401);
  });
});

describe('GET /api/partnerships/activity', () => {
  it('gives each partnership its last meeting and next open follow-up', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/partnerships/activity');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(demoSnapshot().partnerships.length);
    const binzhou = response.body.items.find((i: any) => i.partnershipId === IDS.partnership);
    expect(binzhou.lastMeeting).toMatchObject({ id: IDS.visit, date: '2025-09-22' });
    const open = demoSnapshot()
      .followUps.filter((f) => f.partnershipId === IDS.partnership && f.status !== 'done' && f.status !== 'cancelled' && f.dueDate)
      .map((f) => f.dueDate!)
      .sort();
    expect(binzhou.nextFollowUp.dueDate).toBe(open[0]);
  });

  it('takes no parameters', async () => {
    expectProblem(await (await testApi()).request('GET', '/partnerships/activity?zz=1'), 400);
  });
});
