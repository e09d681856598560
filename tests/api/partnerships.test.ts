import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { canChangeStage, STAGES } from '../../src/domain/partnership';
import { NOW, testApi as baseTestApi } from './helpers';
import { asUser } from './as-user';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validPartnership } from './fixtures';

/** Partnership writes and stage changes are the manager's (src/domain/permissions.ts). */
const testApi = (...args: Parameters<typeof baseTestApi>) => asUser(baseTestApi(...args), IDS.manager);

const TODAY_IN_JAKARTA = '2025-11-01';
const ids = (response: { body: any }) => response.body.items.map((p: any) => p.id);

describe('GET /api/partnerships', () => {
  it('lists every partnership sorted by partner name', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/partnerships');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(demoSnapshot().partnerships.length);
    const partnerNames = await Promise.all(response.body.items.map(async (p: any) => (await api.store.regions.get(p.partnerRegionId))!.name.toLowerCase()));
    expect(partnerNames).toEqual([...partnerNames].sort());
  });

  it('filters by stage (one or several), type, country, sector, home and partner region', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/partnerships?stage=exploring'))).toEqual([IDS.partnership]);
    expect(ids(await api.request('GET', '/partnerships?stage=active,dormant')).sort()).toEqual(['pts-geelong', 'pts-gimhae']);
    expect(ids(await api.request('GET', '/partnerships?type=sister-city'))).toEqual(['pts-gimhae']);
    expect(ids(await api.request('GET', '/partnerships?countryCode=CN'))).toEqual([IDS.partnership]);
    expect(ids(await api.request('GET', '/partnerships?sectorId=environment'))).toEqual(['pts-kitakyushu']);
    expect((await api.request('GET', `/partnerships?homeRegionId=${IDS.tangerang}`)).body.total).toBe(5);
    expect(ids(await api.request('GET', `/partnerships?partnerRegionId=${IDS.binzhou}`))).toEqual([IDS.partnership]);
  });

  it('tells the real Binzhou case from the illustrative ones', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/partnerships?illustrative=false'))).toEqual([IDS.partnership]);
    expect((await api.request('GET', '/partnerships?illustrative=true')).body.total).toBe(4);
  });

  it('finds a partnership by the partner region name, local name or province', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/partnerships?q=binzhou'))).toEqual([IDS.partnership]);
    expect(ids(await api.request('GET', `/partnerships?q=${encodeURIComponent('北九州')}`))).toEqual(['pts-kitakyushu']);
  });

  it('finds a partnership by the partner region’s new name after the region is renamed', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/partnerships?q=binzhou'))).toEqual([IDS.partnership]);
    // Regions are edited by the secretariat (staff) and the administrator.
    const renamed = await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { name: 'Binzhou Shi' }, headers: ifMatch(1), user: IDS.staff });
    expect(renamed.status).toBe(200);
    expect(ids(await api.request('GET', '/partnerships?q=binzhou%20shi'))).toEqual([IDS.partnership]);
    expect((await api.request('PATCH', `/regions/${IDS.binzhou}`, { body: { name: 'Zibo' }, headers: ifMatch(2), user: IDS.staff })).status).toBe(200);
    expect(ids(await api.request('GET', '/partnerships?q=zibo'))).toEqual([IDS.partnership]);
    expect(ids(await api.request('GET', '/partnerships?q=binzhou%20shi'))).toEqual([]);
  });

  it('sorts by stage along the pipeline, both ways', async () => {
    const api = await testApi();
    const asc = (await api.request('GET', '/partnerships?sort=stage')).body.items.map((p: any) => STAGES.indexOf(p.stage));
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await api.request('GET', '/partnerships?sort=-stage')).body.items.map((p: any) => STAGES.indexOf(p.stage));
    expect(desc).toEqual([...asc].sort((a, b) => b - a));
  });

  it('pages through many partnerships, each exactly once, in any sort', async () => {
    const snapshot = generateSnapshot({ seed: 5, followUps: 0, meetings: 0, partnerships: 137 });
    const api = await testApi(snapshot);
    const all = snapshot.partnerships.map((p) => p.id);
    await expectPagingWalk(api, '/partnerships', all, 25);
    await expectPagingWalk(api, '/partnerships?sort=stage', all, 9);
    await expectPagingWalk(api, '/partnerships?sort=-updatedAt', all, 100);
    const filtered = snapshot.partnerships.filter((p) => p.stage === 'active').map((p) => p.id);
    await expectPagingWalk(api, '/partnerships?stage=active', filtered, 3);
  });

  it('rejects bad filters and unknown parameters', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/partnerships?stage=married'), { 'stage.0': 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/partnerships?illustrative=maybe'), { illustrative: 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/partnerships?partner=binzhou'), { partner: 'unknownField' });
    expectFieldErrors(await api.request('GET', '/partnerships?sort=name'), { sort: 'invalidOption' });
  });
});

describe('GET /api/partnerships/:id', () => {
  it('returns the Binzhou partnership with its stage history and ETag', async () => {
    const api = await testApi();
    const response = await api.request('GET', `/partnerships/${IDS.partnership}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({ stage: 'exploring', partnerRegionId: IDS.binzhou, facilitatorIds: [IDS.icbc] });
    expect(response.body.stageHistory).toHaveLength(1);
  });

  it('answers 404 for an unknown id', async () => {
    expectProblem(await (await testApi()).request('GET', '/partnerships/pts-none'), 404, '/problems/not-found');
  });
});

describe('POST /api/partnerships', () => {
  it('creates a partnership at the stage and on the day the user gives, recorded by the actor', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/partnerships', { body: validPartnership(), user: IDS.manager });
    expect(response.status).toBe(201);
    const { stage: _s, stageDate: _d, ...fields } = validPartnership();
    expect(response.body).toMatchObject({
      ...fields,
      stage: 'exploring',
      agreements: {},
      illustrative: false,
      version: 1,
      createdAt: NOW.toISOString(),
    });
    expect(response.body.stageHistory).toEqual([{ to: 'exploring', date: '2025-10-20', by: IDS.manager, at: NOW.toISOString() }]);
    expect(response.body).not.toHaveProperty('stageDate');
    expect((await api.store.partnerships.get(response.body.id))).toEqual(response.body);
  });

  it('never dates the start silently today: the stage and its date are required, and a future date is refused', async () => {
    const api = await testApi();
    const { stage: _s, stageDate: _d, ...body } = validPartnership();
    expectFieldErrors(await api.request('POST', '/partnerships', { body }), { stage: 'invalidOption', stageDate: 'required' });
    expectFieldErrors(await api.request('POST', '/partnerships', { body: { ...body, stage: 'exploring', stageDate: '2025-11-02' } }), {
      stageDate: 'futureDate',
    });
    expect((await api.request('POST', '/partnerships', { body: { ...body, stage: 'exploring', stageDate: TODAY_IN_JAKARTA } })).status).toBe(201);
    expect((await api.store.partnerships.count())).toBe(6);
  });

  it('a partner first met at an MoU signing starts there, no exploring step, with the signing date filled in', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/partnerships', { body: { ...validPartnership(), stage: 'mou-signed', stageDate: '2019-03-14' } });
    expect(response.status).toBe(201);
    expect(response.body.stageHistory).toEqual([{ to: 'mou-signed', date: '2019-03-14', by: IDS.manager, at: NOW.toISOString() }]);
    expect(response.body.agreements).toEqual({ mouSignedDate: '2019-03-14' });
  });

  it('may have an organisation as counterpart instead of a region', async () => {
    const api = await testApi();
    const { partnerRegionId: _p, ...body } = validPartnership();
    const response = await api.request('POST', '/partnerships', { body: { ...body, partnerOrganizationId: IDS.icbc } });
    expect(response.status).toBe(201);
    expect(response.body.partnerOrganizationId).toBe(IDS.icbc);
  });

  it('needs exactly one counterpart: a region or an organisation', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', '/partnerships', { body: { ...validPartnership(), partnerOrganizationId: IDS.icbc } }),
      { partnerRegionId: 'partnerRequired' },
    );
    const { partnerRegionId: _p, ...none } = validPartnership();
    expectFieldErrors(await api.request('POST', '/partnerships', { body: none }), { partnerRegionId: 'partnerRequired' });
    expect((await api.store.partnerships.count())).toBe(5);
  });

  it('refuses every reference that names nothing, with its exact path', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/partnerships', {
      body: {
        ...validPartnership(),
        homeRegionId: 'reg-x',
        partnerRegionId: 'reg-y',
        facilitatorIds: [IDS.icbc, 'org-z'],
        coordinatorId: 'usr-ghost',
        focusSectorIds: ['tourism', 'space'],
      },
    });
    expectFieldErrors(response, {
      homeRegionId: 'unknownReference',
      partnerRegionId: 'unknownReference',
      'facilitatorIds.1': 'unknownReference',
      coordinatorId: 'unknownReference',
      'focusSectorIds.1': 'unknownReference',
    });
    expect((await api.store.partnerships.count())).toBe(5);
  });

  it('names invalid fields, including nested agreement dates', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/partnerships', {
      body: {
        ...validPartnership(),
        type: 'marriage',
        stage: 'engaged',
        stageDate: '2025-13-01',
        agreements: { loiDate: '22/09/2025', mouSignedDate: '2025-02-30' },
        focusSectorIds: 'tourism',
      },
    });
    expectFieldErrors(response, {
      type: 'invalidOption',
      stage: 'invalidOption',
      stageDate: 'invalidDate',
      'agreements.loiDate': 'invalidDate',
      'agreements.mouSignedDate': 'invalidDate',
      focusSectorIds: 'invalidType',
    });
  });

  it('refuses an MoU that expires before it is signed', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', '/partnerships', {
        body: { ...validPartnership(), agreements: { mouSignedDate: '2025-06-01', mouExpiresDate: '2025-05-31' } },
      }),
      { 'agreements.mouExpiresDate': 'dateOrder' },
    );
  });

  it('rejects unknown fields, stored-only fields and 10,000+ character notes', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/partnerships', { body: { ...validPartnership(), budget: 100 } }), {
      budget: 'unknownField',
    });
    expectFieldErrors(await api.request('POST', '/partnerships', { body: { ...validPartnership(), stageHistory: [] } }), {
      stageHistory: 'unknownField',
    });
    expectFieldErrors(
      await api.request('POST', '/partnerships', { body: { ...validPartnership(), agreements: { signedBy: 'x' } } }),
      { 'agreements.signedBy': 'unknownField' },
    );
    expectFieldErrors(await api.request('POST', '/partnerships', { body: { ...validPartnership(), notes: longText(10_001) } }), {
      notes: 'tooLong',
    });
    expect((await api.store.partnerships.count())).toBe(5);
  });

  it('answers 400 malformed JSON, 415 non-JSON, 401 without user', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/partnerships', { body: "{'single': 'quotes'}" }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/partnerships', { body: '{}', headers: { 'content-type': 'text/html' } }), 415);
    expectProblem(await api.request('POST', '/partnerships', { body: validPartnership(), user: null }), 401);
    expect((await api.store.partnerships.count())).toBe(5);
  });

  it('creates once per Idempotency-Key', async () => {
    const api = await testApi();
    const headers = { 'idempotency-key': 'pts-create-abcdef' };
    const a = await api.request('POST', '/partnerships', { body: validPartnership(), headers });
    const b = await api.request('POST', '/partnerships', { body: validPartnership(), headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body.id).toBe(a.body.id);
    expect((await api.store.partnerships.count())).toBe(6);
  });
});

describe('PATCH /api/partnerships/:id', () => {
  it('changes the notes and keeps sectors, facilitators and agreements', async () => {
    const api = await testApi();
    const before = (await api.store.partnerships.get('pts-gimhae'))!;
    const response = await api.request('PATCH', '/partnerships/pts-gimhae', {
      body: { notes: 'Catatan baru.' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...before, notes: 'Catatan baru.', version: 2, updatedAt: NOW.toISOString() });
  });

  it('does not move the stage: stage goes through stage-changes', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { stage: 'active' }, headers: ifMatch(1) }),
      { stage: 'unknownField' },
    );
    expect((await api.store.partnerships.get(IDS.partnership))?.stage).toBe('exploring');
  });

  it('refuses a second counterpart and unknown references', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('PATCH', `/partnerships/${IDS.partnership}`, {
        body: { partnerOrganizationId: IDS.icbc },
        headers: ifMatch(1),
      }),
      { partnerRegionId: 'partnerRequired' },
    );
    expectFieldErrors(
      await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { focusSectorIds: ['x-y'] }, headers: ifMatch(1) }),
      { 'focusSectorIds.0': 'unknownReference' },
    );
    expect((await api.store.partnerships.get(IDS.partnership))).toEqual(demoSnapshot().partnerships[0]);
  });

  it('answers 428, 412 with current, and 404', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { notes: 'x' } }), 428);
    await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { notes: 'first' }, headers: ifMatch(1) });
    const stale = await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { notes: 'second' }, headers: ifMatch(1) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ id: IDS.partnership, version: 2, notes: 'first' });
    expectProblem(await api.request('PATCH', '/partnerships/pts-none', { body: { notes: 'x' }, headers: ifMatch(1) }), 404);
  });
});

describe('POST /api/partnerships/:id/stage-changes', () => {
  const change = (to: string, date = '2025-11-01', note?: string) => ({ to, date, ...(note ? { note } : {}) });

  it('moves Binzhou from exploring to letter of intent, recording who, when, why, and the LoI date', async () => {
    const api = await testApi();
    const response = await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      body: change('letter-of-intent', '2025-11-01', 'LoI ditandatangani.'),
      headers: ifMatch(1),
      user: IDS.manager,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({
      stage: 'letter-of-intent',
      version: 2,
      updatedAt: NOW.toISOString(),
      agreements: { loiDate: '2025-11-01' },
    });
    expect(response.body.stageHistory.at(-1)).toEqual({
      from: 'exploring',
      to: 'letter-of-intent',
      date: '2025-11-01',
      note: 'LoI ditandatangani.',
      by: IDS.manager,
      at: NOW.toISOString(),
    });
    expect(response.body.stageHistory).toHaveLength(2);
    expect((await api.store.partnerships.get(IDS.partnership))).toEqual(response.body);
  });

  it('moves Binzhou from exploring straight to MoU signed (no letter of intent first), and never to a future date', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, { body: change('mou-signed', '2025-11-02'), headers: ifMatch(1) }),
      { date: 'futureDate' },
    );
    const signed = await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, { body: change('mou-signed', TODAY_IN_JAKARTA), headers: ifMatch(1) });
    expect(signed.status).toBe(200);
    expect(signed.body.stageHistory.at(-1)).toMatchObject({ from: 'exploring', to: 'mou-signed', date: TODAY_IN_JAKARTA });
    expect(signed.body.agreements.mouSignedDate).toBe(TODAY_IN_JAKARTA);
  });

  it('records the MoU signing date and keeps an existing one', async () => {
    const api = await testApi();
    const signed = await api.request('POST', '/partnerships/pts-kitakyushu/stage-changes', {
      body: change('mou-signed', '2025-10-20'),
      headers: ifMatch(1),
    });
    expect(signed.status).toBe(200);
    expect(signed.body.agreements.mouSignedDate).toBe('2025-10-20');
    // Gimhae was already signed (2022-01-20): going dormant then active again leaves that date alone.
    const gimhae = await api.request('POST', '/partnerships/pts-gimhae/stage-changes', { body: change('dormant'), headers: ifMatch(1) });
    expect(gimhae.body.agreements.mouSignedDate).toBe('2022-01-20');
  });

  it('allows exactly the transitions of the stage table, for every pair of stages', async () => {
    const api = await testApi();
    const outcomes: string[] = [];
    for (const from of STAGES) {
      for (const to of STAGES) {
        const created = await api.request('POST', '/partnerships', {
          body: { ...validPartnership(), stage: from, stageDate: '2025-10-01' },
        });
        expect(created.status).toBe(201);
        const response = await api.request('POST', `/partnerships/${created.body.id}/stage-changes`, {
          body: change(to, '2025-10-02'),
          headers: ifMatch(1),
        });
        if (canChangeStage(from, to)) {
          expect(response.status).toBe(200);
          expect(response.body.stage).toBe(to);
          outcomes.push(`${from}->${to}`);
        } else if (from === to) {
          expectFieldErrors(response, { to: 'sameStage' });
        } else {
          expectFieldErrors(response, { to: 'invalidTransition' });
          expect(response.body.errors[0].params).toEqual({ from, to });
          expect((await api.store.partnerships.get(created.body.id))?.stage).toBe(from);
        }
      }
    }
    // Ended is final; every live stage can go dormant or end.
    expect(outcomes.filter((o) => o.startsWith('ended->'))).toEqual([]);
    expect(outcomes).toContain('active->dormant');
    expect(outcomes).toContain('dormant->active');
  });

  it('refuses a date before the last recorded stage change', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
        body: change('letter-of-intent', '2025-09-21'),
        headers: ifMatch(1),
      }),
      { date: 'dateOrder' },
    );
    // The same day as the last change is fine.
    expect(
      (
        await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
          body: change('letter-of-intent', '2025-09-22'),
          headers: ifMatch(1),
        })
      ).status,
    ).toBe(200);
  });

  it('names invalid and unknown fields', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
        body: { to: 'married', date: 'tomorrow', note: longText(501) },
        headers: ifMatch(1),
      }),
      { to: 'invalidOption', date: 'invalidDate', note: 'tooLong' },
    );
    expectFieldErrors(
      await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
        body: { ...change('letter-of-intent'), from: 'exploring' },
        headers: ifMatch(1),
      }),
      { from: 'unknownField' },
    );
    expectFieldErrors(
      await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, { body: {}, headers: ifMatch(1) }),
      { to: 'invalidOption', date: 'required' },
    );
    expect((await api.store.partnerships.get(IDS.partnership))?.version).toBe(1);
  });

  it('answers 428 without If-Match and 412 with the current partnership when stale', async () => {
    const api = await testApi();
    const path = `/partnerships/${IDS.partnership}/stage-changes`;
    expectProblem(await api.request('POST', path, { body: change('letter-of-intent') }), 428, '/problems/if-match-required');
    await api.request('PATCH', `/partnerships/${IDS.partnership}`, { body: { notes: 'changed' }, headers: ifMatch(1) });
    const stale = await api.request('POST', path, { body: change('letter-of-intent'), headers: ifMatch(1) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ id: IDS.partnership, version: 2, stage: 'exploring', notes: 'changed' });
    expect((await api.store.partnerships.get(IDS.partnership))?.stage).toBe('exploring');
  });

  it('answers 404 for an unknown partnership, 401 without a user, 400/415 for bad bodies', async () => {
    const api = await testApi();
    const path = `/partnerships/${IDS.partnership}/stage-changes`;
    expectProblem(await api.request('POST', '/partnerships/pts-none/stage-changes', { body: change('active'), headers: ifMatch(1) }), 404);
    expectProblem(await api.request('POST', path, { body: change('letter-of-intent'), headers: ifMatch(1), user: null }), 401);
    expectProblem(await api.request('POST', path, { body: '{"to":', headers: ifMatch(1) }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('POST', path, { body: 'to=active', headers: { ...ifMatch(1), 'content-type': 'text/plain' } }),
      415,
    );
    expect((await api.store.partnerships.get(IDS.partnership))?.version).toBe(1);
  });
});

describe('GET /api/partnerships/:id/open-follow-ups', () => {
  it('lists the open, in-progress and blocked follow-ups of the partnership, not the done ones', async () => {
    const api = await testApi();
    const response = await api.request('GET', `/partnerships/${IDS.partnership}/open-follow-ups`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((f: any) => f.id).sort()).toEqual(
      ['fu-binzhou-forum', 'fu-binzhou-exchange', 'fu-binzhou-tourism', 'fu-binzhou-youth', 'fu-binzhou-msme'].sort(),
    );
    expect(response.body.total).toBe(5);
    expect(response.body.nextCursor).toBeNull();
  });

  it('answers 404 for an unknown partnership', async () => {
    expectProblem(await (await testApi()).request('GET', '/partnerships/pts-none/open-follow-ups'), 404);
  });

  it('never returns more than 100 items, and says how many there are', async () => {
    const snapshot = generateSnapshot({ seed: 8, followUps: 3_000, meetings: 20, partnerships: 1 });
    const api = await testApi(snapshot);
    const counts = new Map<string, number>();
    for (const f of snapshot.followUps) {
      if (['open', 'in-progress', 'blocked'].includes(f.status)) counts.set(f.partnershipId, (counts.get(f.partnershipId) ?? 0) + 1);
    }
    const [busiest, open] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(open).toBeGreaterThan(100);
    const response = await api.request('GET', `/partnerships/${busiest}/open-follow-ups`);
    expect(response.body.items).toHaveLength(100);
    expect(response.body.total).toBe(open);
    expect(response.body.items.every((f: any) => f.partnershipId === busiest && ['open', 'in-progress', 'blocked'].includes(f.status))).toBe(true);
  });
});

describe('GET /partnerships/activity: the next follow-up', () => {
  it("gives each partnership its earliest-due open follow-up, not a done one", async () => {
    const api = await testApi();
    const response = await api.request('GET', '/partnerships/activity');
    expect(response.status).toBe(200);
    const byPartnership = new Map(
      response.body.items.filter((i: any) => i.nextFollowUp).map((i: any) => [i.partnershipId, i.nextFollowUp]),
    );
    // Binzhou: the agenda (due 2025-11-14) is done; the earliest open one is the tourism package.
    expect(byPartnership.get('pts-tangerang-binzhou')).toMatchObject({ id: 'fu-binzhou-tourism', dueDate: '2026-11-20', status: 'open' });
    // Geelong's only follow-up is cancelled: nothing next.
    expect(byPartnership.has('pts-geelong')).toBe(false);
    for (const [partnershipId, next] of byPartnership as Map<string, any>) {
      const open = (await api.store.followUps.all()).filter((f) => f.partnershipId === partnershipId && ['open', 'in-progress', 'blocked'].includes(f.status));
      const earliest = open.filter((f) => f.dueDate).map((f) => f.dueDate!).sort()[0];
      expect(next.dueDate).toBe(earliest);
    }
  });
});
