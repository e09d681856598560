import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { testApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, validMeeting } from './fixtures';

/** Issue 15 item 6: aims, delegation sizes, names as reported, "kind not stated"; all editable after saving. */
const RECORD = {
  kind: 'not-stated',
  aims: ['Menjajaki kerja sama pendidikan vokasi'],
  delegationSize: { host: { people: 12 }, guest: { people: 80, countries: 12 } },
  namesAsReported: ['Walikota Binzhou', 'Pemkot Binzhou'],
};

describe('the meeting record (issue 15)', () => {
  it('saves aims, delegation sizes per side, names as reported and "kind not stated", and reads them back', async () => {
    const api = await testApi();
    const created = await api.request('POST', '/meetings', { body: validMeeting(RECORD) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(RECORD);
    const read = await api.request('GET', `/meetings/${created.body.id}`);
    expect(read.body).toMatchObject(RECORD);
    expect((await api.store.meetings.get(created.body.id))).toMatchObject(RECORD);
  });

  it('a meeting without them has none (no empty lists or zero sizes invented)', async () => {
    const api = await testApi();
    const created = await api.request('POST', '/meetings', { body: validMeeting() });
    expect(created.body.delegationSize).toBeUndefined();
    expect(created.body.namesAsReported).toBeUndefined();
  });

  it('finds a meeting by a name as reported, through the search and the meeting list', async () => {
    const api = await testApi();
    const created = await api.request('POST', '/meetings', { body: validMeeting(RECORD) });
    const search = await api.request('GET', `/search?q=${encodeURIComponent('walikota binzhou')}`);
    expect(search.body.meetings.items.map((m: any) => m.id)).toEqual([created.body.id]);
    const list = await api.request('GET', `/meetings?q=${encodeURIComponent('Pemkot')}`);
    expect(list.body.items.map((m: any) => m.id)).toEqual([created.body.id]);
  });

  it('filters the meeting list by "kind not stated"', async () => {
    const api = await testApi();
    const created = await api.request('POST', '/meetings', { body: validMeeting(RECORD) });
    const list = await api.request('GET', '/meetings?kind=not-stated');
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: any) => m.id)).toEqual([created.body.id]);
  });

  it('names every bad value and saves nothing', async () => {
    const api = await testApi();
    const before = await api.store.meetings.count();
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        kind: 'unknown',
        delegationSize: { guest: { people: 0, countries: 2.5 }, facilitator: { people: 1 } },
        namesAsReported: ['  '],
      }),
    });
    expectFieldErrors(response, {
      kind: 'invalidOption',
      'delegationSize.guest.people': 'tooSmall',
      'delegationSize.guest.countries': 'invalidType',
      'delegationSize.facilitator': 'unknownField',
      'namesAsReported.0': 'required',
    });
    expect(await api.store.meetings.count()).toBe(before);
  });
});

describe('PATCH /api/meetings/:id: every field of the record after saving', () => {
  it('changes participants, statements, aims, delegation sizes and names as reported, with history', async () => {
    const api = await testApi();
    const before = (await api.store.meetings.get(IDS.visit))!;
    const body = {
      ...RECORD,
      participants: [{ side: 'guest', personId: IDS.qu }, { side: 'host', description: 'Kepala Bappeda' }],
      statements: [{ personId: IDS.qu, text: 'Kami berharap kerja sama ini berlanjut.' }],
    };
    const response = await api.request('PATCH', `/meetings/${IDS.visit}`, { body, headers: ifMatch(before.version) });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ...body, version: before.version + 1 });
    expect(await api.store.meetings.get(IDS.visit)).toMatchObject(body);
    const history = await api.request('GET', `/history?entity=meeting&entityId=${IDS.visit}`);
    const fields = history.body.items[0].changes.map((c: any) => c.field);
    for (const field of ['participants', 'statements', 'aims', 'delegationSize', 'namesAsReported', 'kind']) expect(fields).toContain(field);
  });

  it('removes the delegation sizes and names with null', async () => {
    const api = await testApi();
    const created = await api.request('POST', '/meetings', { body: validMeeting(RECORD) });
    const response = await api.request('PATCH', `/meetings/${created.body.id}`, {
      body: { delegationSize: null, namesAsReported: null },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    const stored = (await api.store.meetings.get(created.body.id))!;
    expect(stored.delegationSize).toBeUndefined();
    expect(stored.namesAsReported).toBeUndefined();
  });

  it('answers 412 with the current meeting for a stale version, and 428 without If-Match', async () => {
    const api = await testApi();
    const { version } = (await api.store.meetings.get(IDS.visit))!;
    await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { aims: ['Pertama'] }, headers: ifMatch(version) });
    const stale = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { aims: ['Kedua'] }, headers: ifMatch(version) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ aims: ['Pertama'], version: version + 1 });
    expectProblem(await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { aims: ['Ketiga'] } }), 428);
    expect((await api.store.meetings.get(IDS.visit))!.aims).toEqual(['Pertama']);
  });
});
