import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { testApi as baseTestApi, NOW } from './helpers';
import { asUser } from './as-user';
import { expectFieldErrors, ifMatch, validFollowUp, validMeeting } from './fixtures';

/**
 * Issue 15, back-logged visits: a visit logged long after it happened, with follow-ups nobody
 * owns yet, counted in the period they were agreed; partners started at the stage they were met
 * at; an organisation as counterpart created with the visit.
 */
const testApi = (...args: Parameters<typeof baseTestApi>) => asUser(baseTestApi(...args), IDS.staff);

const unassigned = { title: 'Menjajaki pertukaran pelajar', sectorIds: ['education'] };

const backlogged = (overrides: Record<string, unknown> = {}) =>
  validMeeting({ date: '2019-05-14', time: undefined, title: 'Kunjungan 2019 (dicatat kemudian)', followUps: [unassigned], ...overrides });

describe('a back-logged visit with a follow-up not yet assigned', () => {
  it('saves the follow-up without owner or due date, agreed on the meeting’s date', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/meetings', { body: backlogged() });
    expect(response.status).toBe(201);
    const [item] = (await api.request('GET', `/follow-ups?meetingId=${response.body.id}`)).body.items;
    expect(item).toMatchObject({ title: unassigned.title, status: 'open', agreedOn: '2019-05-14', createdAt: NOW.toISOString() });
    expect(item).not.toHaveProperty('ownerId');
    expect(item).not.toHaveProperty('dueDate');
    expect(await api.store.followUps.get(item.id)).toMatchObject({ agreedOn: '2019-05-14' });
  });

  it('leaves the overdue KPI, the overdue charts and "needs attention" unchanged', async () => {
    const api = await testApi();
    const paths = ['/stats/kpis', '/stats/overdue-by-sector', '/stats/overdue-by-owner', '/stats/health'];
    const before = await Promise.all(paths.map(async (p) => (await api.request('GET', p)).body));
    expect((await api.request('POST', '/meetings', { body: backlogged() })).status).toBe(201);
    const after = await Promise.all(paths.map(async (p) => (await api.request('GET', p)).body));
    expect(after[0].overdueFollowUps).toBe(before[0].overdueFollowUps);
    expect(after[0].openFollowUps).toBe(before[0].openFollowUps + 1);
    expect(after.slice(1)).toEqual(before.slice(1));
    expect((await api.request('GET', '/follow-ups?due=overdue')).body.total).toBe(before[0].overdueFollowUps);
  });

  it('is counted in the period it was agreed, not the one it was typed in', async () => {
    const api = await testApi();
    const year2019 = 'from=2019-01-01&to=2019-12-31';
    const now = 'from=2025-01-01&to=2025-12-31';
    const [kpi2019, kpiNow] = await Promise.all([api.request('GET', `/stats/kpis?${year2019}`), api.request('GET', `/stats/kpis?${now}`)]);
    expect((await api.request('POST', '/meetings', { body: backlogged() })).status).toBe(201);
    expect((await api.request('GET', `/stats/kpis?${year2019}`)).body.followUpsAgreed).toBe(kpi2019.body.followUpsAgreed + 1);
    expect((await api.request('GET', `/stats/kpis?${now}`)).body.followUpsAgreed).toBe(kpiNow.body.followUpsAgreed);
    const bySector = (await api.request('GET', `/stats/follow-ups-by-sector?${year2019}`)).body.items;
    expect(bySector.find((s: any) => s.sectorId === 'education').counts.open).toBeGreaterThanOrEqual(1);
    const may = (await api.request('GET', `/stats/completion-by-month?${year2019}`)).body.items.find((m: any) => m.month === '2019-05');
    expect(may.agreed).toBeGreaterThanOrEqual(1);
    // The list behind the chart agrees: agreedFrom/agreedTo read the same day.
    expect((await api.request('GET', '/follow-ups?agreedFrom=2019-05-14&agreedTo=2019-05-14')).body.items.map((f: any) => f.title)).toContain(unassigned.title);
  });

  it('has its own filter: ?assigned=no lists open items without an owner', async () => {
    const api = await testApi();
    expect((await api.request('GET', '/follow-ups?assigned=no')).body.total).toBe(0);
    await api.request('POST', '/meetings', { body: backlogged() });
    const list = await api.request('GET', '/follow-ups?assigned=no');
    expect(list.body.items.map((f: any) => f.title)).toEqual([unassigned.title]);
    const all = (await api.request('GET', '/follow-ups')).body.total;
    expect((await api.request('GET', '/follow-ups?assigned=yes')).body.total).toBe(all - 1);
    expectFieldErrors(await api.request('GET', '/follow-ups?assigned=maybe'), { assigned: 'invalidOption' });
  });

  it('refuses a due date nobody owns, and stores nothing', async () => {
    const api = await testApi();
    const before = await api.store.followUps.count();
    expectFieldErrors(await api.request('POST', '/meetings', { body: backlogged({ followUps: [{ ...unassigned, dueDate: '2019-06-01' }] }) }), {
      'followUps.0.ownerId': 'ownerRequired',
    });
    expect(await api.store.followUps.count()).toBe(before);
  });

  it('gets its owner and due date later, by PATCH or bulk change (both at once: an owner needs a date)', async () => {
    const api = await testApi();
    await api.request('POST', '/meetings', { body: backlogged({ followUps: [unassigned, { ...unassigned, title: 'Kedua' }] }) });
    const [a, b] = (await api.request('GET', '/follow-ups?assigned=no&sort=title')).body.items;
    const manager = IDS.manager;
    expectFieldErrors(await api.request('PATCH', `/follow-ups/${a.id}`, { body: { ownerId: IDS.officer }, headers: ifMatch(1), user: manager }), {
      dueDate: 'dueDateRequired',
    });
    const patched = await api.request('PATCH', `/follow-ups/${a.id}`, {
      body: { ownerId: IDS.officer, dueDate: '2025-12-01' },
      headers: ifMatch(1),
      user: manager,
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ownerId: IDS.officer, dueDate: '2025-12-01', agreedOn: '2019-05-14' });
    const bulk = await api.request('POST', '/follow-ups/bulk', {
      body: { items: [{ id: b.id, version: 1 }], changes: { ownerId: IDS.officer2, dueDate: '2025-12-15' } },
      user: manager,
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.updated[0]).toMatchObject({ ownerId: IDS.officer2, dueDate: '2025-12-15' });
    expect((await api.request('GET', '/follow-ups?assigned=no')).body.total).toBe(0);
  });

  it('POST /follow-ups takes a day agreed (never after today), else its meeting’s date', async () => {
    const api = await asUser(baseTestApi(), IDS.manager);
    const given = await api.request('POST', '/follow-ups', { body: validFollowUp({ meetingId: undefined, ownerId: undefined, dueDate: undefined, agreedOn: '2020-02-03' }) });
    expect(given.status).toBe(201);
    expect(given.body).toMatchObject({ agreedOn: '2020-02-03' });
    expect(given.body).not.toHaveProperty('ownerId');
    const fromMeeting = await api.request('POST', '/follow-ups', { body: validFollowUp() });
    expect(fromMeeting.body.agreedOn).toBe('2025-09-22');
    // Recorded on the day it was agreed: nothing to keep.
    const today = await api.request('POST', '/follow-ups', { body: validFollowUp({ meetingId: undefined, agreedOn: '2025-11-01' }) });
    expect(today.status).toBe(201);
    expect(today.body).not.toHaveProperty('agreedOn');
    expectFieldErrors(await api.request('POST', '/follow-ups', { body: validFollowUp({ agreedOn: '2025-11-02' }) }), { agreedOn: 'futureDate' });
  });
});

describe('a partnership started from the visit form', () => {
  const firstContact = (newPartnership: Record<string, unknown>, overrides: Record<string, unknown> = {}) => {
    const { partnershipId: _p, ...meeting } = backlogged({ newPartnership, hostLeadId: undefined, delegationLeadId: undefined, participants: [], statements: [], facilitatorIds: [], ...overrides });
    return meeting;
  };
  const yantai = { name: 'Yantai', level: 'city', countryCode: 'CN' };

  it('starts at the stage picked, dated the meeting’s day unless another is given, with no exploring step', async () => {
    const api = await testApi();
    const signed = await api.request('POST', '/meetings', { body: firstContact({ region: yantai, type: 'cooperation', stage: 'mou-signed' }) });
    expect(signed.status).toBe(201);
    const partnership = (await api.store.partnerships.get(signed.body.partnershipId))!;
    expect(partnership.stage).toBe('mou-signed');
    expect(partnership.stageHistory).toEqual([expect.objectContaining({ to: 'mou-signed', date: '2019-05-14' })]);
    expect(partnership.agreements).toEqual({ mouSignedDate: '2019-05-14' });

    const loi = await api.request('POST', '/meetings', {
      body: firstContact({ region: { ...yantai, name: 'Weihai' }, type: 'cooperation', stage: 'letter-of-intent', stageDate: '2019-05-13' }),
    });
    const second = (await api.store.partnerships.get(loi.body.partnershipId))!;
    expect(second.stageHistory).toEqual([expect.objectContaining({ to: 'letter-of-intent', date: '2019-05-13' })]);
    expect(second.agreements).toEqual({ loiDate: '2019-05-13' });
  });

  it('refuses a start after today, storing nothing', async () => {
    const api = await testApi();
    const before = await api.store.partnerships.count();
    expectFieldErrors(
      await api.request('POST', '/meetings', { body: firstContact({ region: yantai, type: 'cooperation', stageDate: '2025-11-02' }) }),
      { 'newPartnership.stageDate': 'futureDate' },
    );
    expect(await api.store.partnerships.count()).toBe(before);
  });

  it('lets staff create an organisation as counterpart with the visit, in one save', async () => {
    const api = await testApi();
    const before = await api.store.snapshot();
    const response = await api.request('POST', '/meetings', {
      body: firstContact({ organization: { name: 'UNDP Indonesia', acronym: 'UNDP', kind: 'international-body', countryCode: 'ID' }, type: 'cooperation' }, {
        newPeople: [{ ref: 'new:1', name: 'Norimasa Shimomura', position: 'Resident Representative', side: 'guest' }],
        delegationLeadId: 'new:1',
      }),
    });
    expect(response.status).toBe(201);
    const partnership = (await api.store.partnerships.get(response.body.partnershipId))!;
    expect(partnership.partnerRegionId).toBeUndefined();
    const organization = (await api.store.organizations.get(partnership.partnerOrganizationId!))!;
    expect(organization).toMatchObject({ name: 'UNDP Indonesia', kind: 'international-body', illustrative: false });
    expect(await api.store.people.get(response.body.delegationLeadId)).toMatchObject({ organizationId: organization.id });
    const after = await api.store.snapshot();
    expect(after.organizations).toHaveLength(before.organizations.length + 1);
    expect(after.regions).toHaveLength(before.regions.length);
  });

  it('needs one counterpart, a region or an organisation, and stores nothing when the visit fails', async () => {
    const api = await testApi();
    const before = await api.store.snapshot();
    expectFieldErrors(await api.request('POST', '/meetings', { body: firstContact({ type: 'cooperation' }) }), { 'newPartnership.region': 'partnerRequired' });
    expectFieldErrors(
      await api.request('POST', '/meetings', { body: firstContact({ region: yantai, organization: { name: 'X', kind: 'ngo' }, type: 'cooperation' }) }),
      { 'newPartnership.region': 'partnerRequired' },
    );
    expectFieldErrors(
      await api.request('POST', '/meetings', {
        body: firstContact({ organization: { name: 'UNDP', kind: 'international-body' }, type: 'cooperation' }, { followUps: [{ ...unassigned, ownerId: 'usr-ghost', dueDate: '2019-06-01' }] }),
      }),
      { 'followUps.0.ownerId': 'unknownReference' },
    );
    expect(await api.store.snapshot()).toEqual(before);
  });
});
