import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { inDueWindow, isOverdue, type FollowUp } from '../../src/domain/follow-up';
import { NOW, testApi, type TestApi } from './helpers';
import { expectFieldErrors, expectPagingWalk, expectProblem, ifMatch, longText, validFollowUp } from './fixtures';

const TODAY = '2025-11-01'; // NOW in Asia/Jakarta, a Saturday
const AT = NOW.toISOString();
const ids = (response: { body: any }) => response.body.items.map((f: any) => f.id);

async function create(api: TestApi, overrides: Record<string, unknown>): Promise<FollowUp> {
  const response = await api.request('POST', '/follow-ups', { body: validFollowUp(overrides) });
  expect(response.status).toBe(201);
  return response.body as FollowUp;
}

describe('GET /api/follow-ups', () => {
  it('lists follow-ups by due date, earliest first, undated last', async () => {
    const api = await testApi();
    const undated = await create(api, { status: 'done', dueDate: undefined });
    const response = await api.request('GET', '/follow-ups?limit=100');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(demoSnapshot().followUps.length + 1);
    const dues = response.body.items.map((f: any) => f.dueDate);
    expect(dues.at(-1)).toBeUndefined();
    expect(response.body.items.at(-1).id).toBe(undated.id);
    const dated = dues.slice(0, -1);
    expect(dated).toEqual([...dated].sort());
  });

  it('filters by status, priority, sector, partnership, owner and meeting', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/follow-ups?status=blocked'))).toEqual(['fu-binzhou-youth']);
    expect(ids(await api.request('GET', '/follow-ups?status=done,cancelled')).sort()).toEqual(
      ['fu-binzhou-agenda', 'fu-gimhae-1', 'fu-kitakyushu-1', 'fu-geelong-1'].sort(),
    );
    expect(ids(await api.request('GET', '/follow-ups?priority=high')).sort()).toEqual(['fu-binzhou-agenda', 'fu-binzhou-forum']);
    expect(ids(await api.request('GET', '/follow-ups?sectorId=environment')).sort()).toEqual(['fu-kitakyushu-1', 'fu-kitakyushu-2']);
    expect((await api.request('GET', `/follow-ups?partnershipId=${IDS.partnership}`)).body.total).toBe(6);
    expect((await api.request('GET', `/follow-ups?meetingId=${IDS.visit}`)).body.total).toBe(6);
    const mine = demoSnapshot().followUps.filter((f) => f.ownerId === IDS.officer2).map((f) => f.id);
    expect(ids(await api.request('GET', `/follow-ups?ownerId=${IDS.officer2}&limit=100`)).sort()).toEqual(mine.sort());
    expect(ids(await api.request('GET', `/follow-ups?partnershipId=${IDS.partnership}&status=open&sectorId=education`))).toEqual([
      'fu-binzhou-exchange',
    ]);
  });

  it('filters by due window, with today taken in Asia/Jakarta', async () => {
    const api = await testApi();
    const today = await create(api, { title: 'today', dueDate: '2025-11-01' });
    const sunday = await create(api, { title: 'sunday', dueDate: '2025-11-02' });
    const monday = await create(api, { title: 'monday', dueDate: '2025-10-27' });
    const nextWeek = await create(api, { title: 'next week', dueDate: '2025-11-03' });
    const endOfMonth = await create(api, { title: 'end of month', dueDate: '2025-11-30' });
    const doneToday = await create(api, { title: 'done today', dueDate: '2025-11-01', status: 'done' });
    const undated = await create(api, { title: 'undated', dueDate: undefined, status: 'cancelled' });

    expect(ids(await api.request('GET', '/follow-ups?due=overdue')).sort()).toEqual(['fu-penang-1', monday.id].sort());
    expect(ids(await api.request('GET', '/follow-ups?due=today'))).toEqual([today.id]);
    expect(ids(await api.request('GET', '/follow-ups?due=week')).sort()).toEqual([today.id, sunday.id, monday.id].sort());
    expect(ids(await api.request('GET', '/follow-ups?due=month')).sort()).toEqual(
      [today.id, sunday.id, nextWeek.id, endOfMonth.id].sort(),
    );
    expect(ids(await api.request('GET', '/follow-ups?due=none'))).toEqual([undated.id]);
    expect(ids(await api.request('GET', '/follow-ups?due=today&status=done'))).toEqual([]);
    expect(doneToday.status).toBe('done');

    // The API agrees with the domain rule over the whole store.
    for (const window of ['overdue', 'today', 'week', 'month', 'none'] as const) {
      const expected = (await api.store.followUps.all())
        .filter((f) => inDueWindow(f, window, TODAY))
        .map((f) => f.id)
        .sort();
      expect(ids(await api.request('GET', `/follow-ups?due=${window}&limit=100`)).sort()).toEqual(expected);
    }
  });

  it('counts "today" in Jakarta, not UTC: at 17:30 UTC on 31 October it is already 1 November', async () => {
    const api = await testApi(demoSnapshot(), new Date('2025-10-31T17:30:00Z'));
    const dueToday = await create(api, { dueDate: '2025-11-01' });
    expect(ids(await api.request('GET', '/follow-ups?due=today'))).toEqual([dueToday.id]);
  });

  it('finds follow-ups by words of the title or description', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/follow-ups?q=forum%20teknis'))).toEqual(['fu-binzhou-forum']);
    expect(ids(await api.request('GET', '/follow-ups?q=PERTUKARAN%20pelajar'))).toEqual(['fu-binzhou-exchange']);
  });

  it('sorts by priority, status, title and dates', async () => {
    const api = await testApi();
    const rank = { high: 0, normal: 1, low: 2 } as const;
    const byPriority = (await api.request('GET', '/follow-ups?sort=priority&limit=100')).body.items.map((f: any) => rank[f.priority as keyof typeof rank]);
    expect(byPriority).toEqual([...byPriority].sort((a, b) => a - b));
    const titles = (await api.request('GET', '/follow-ups?sort=-title&limit=100')).body.items.map((f: any) => f.title.toLowerCase());
    expect(titles).toEqual([...titles].sort().reverse());
    const dues = (await api.request('GET', '/follow-ups?sort=-dueDate&limit=100')).body.items.map((f: any) => f.dueDate);
    expect(dues).toEqual([...dues].sort().reverse());
  });

  it('pages through thousands of follow-ups, each exactly once, with and without filters', async () => {
    const snapshot = generateSnapshot({ seed: 42, followUps: 2_500, meetings: 200, partnerships: 20 });
    const api = await testApi(snapshot);
    const all = snapshot.followUps.map((f) => f.id);
    await expectPagingWalk(api, '/follow-ups', all, 100);
    await expectPagingWalk(api, '/follow-ups?sort=-priority', all, 77);
    const overdue = snapshot.followUps.filter((f) => isOverdue(f, TODAY)).map((f) => f.id);
    expect(overdue.length).toBeGreaterThan(100);
    await expectPagingWalk(api, '/follow-ups?due=overdue&sort=status', overdue, 50);
    // A database of 2,500 follow-ups written for this test (about 2 s here), then three walks.
  }, 30_000);

  it('rejects bad filters and a cursor that was not issued by the API', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/follow-ups?status=finished'), { 'status.0': 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/follow-ups?due=yesterday'), { due: 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/follow-ups?mine=true'), { mine: 'unknownField' });
    expectFieldErrors(await api.request('GET', `/follow-ups?cursor=${btoa('x42')}`), { cursor: 'invalidFormat' });
    expectFieldErrors(await api.request('GET', `/follow-ups?ownerId=${longText(81)}`), { ownerId: 'tooLong' });
  });
});

describe('GET /api/follow-ups/:id', () => {
  it('returns the item with its history and ETag, or 404', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/follow-ups/fu-binzhou-agenda');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"3"');
    expect(response.body.history.map((e: any) => e.kind)).toEqual(['created', 'status', 'status']);
    expectProblem(await api.request('GET', '/follow-ups/fu-none'), 404, '/problems/not-found');
  });
});

describe('POST /api/follow-ups', () => {
  it('creates an open item linked to its meeting, with a "created" history event', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/follow-ups', { body: validFollowUp(), user: IDS.manager });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/follow-ups/${response.body.id}`);
    expect(response.body).toEqual({
      ...validFollowUp(),
      id: response.body.id,
      status: 'open',
      meetingIds: [IDS.visit],
      // Agreed on its meeting's day (the Binzhou visit), not the day it was typed.
      agreedOn: '2025-09-22',
      history: [{ at: AT, by: IDS.manager, kind: 'created', to: 'open', meetingId: IDS.visit }],
      version: 1,
      createdAt: AT,
      updatedAt: AT,
    });
    expect((await api.store.followUps.get(response.body.id))).toEqual(response.body);
  });

  it('may be created without a meeting', async () => {
    const api = await testApi();
    const { meetingId: _m, ...body } = validFollowUp();
    const response = await api.request('POST', '/follow-ups', { body });
    expect(response.status).toBe(201);
    expect(response.body.meetingIds).toEqual([]);
    expect(response.body.history[0]).not.toHaveProperty('meetingId');
  });

  it('an item created done needs no due date and is completed now', async () => {
    const api = await testApi();
    const { dueDate: _d, ...body } = validFollowUp({ status: 'done' });
    const response = await api.request('POST', '/follow-ups', { body });
    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty('dueDate');
    expect(response.body.completedAt).toBe(AT);
    expect(response.body.history[0].to).toBe('done');
  });

  it('an open item needs a due date', async () => {
    const api = await testApi();
    for (const status of ['open', 'in-progress', 'blocked', undefined]) {
      const { dueDate: _d, ...body } = validFollowUp({ status });
      expectFieldErrors(await api.request('POST', '/follow-ups', { body }), { dueDate: 'dueDateRequired' });
    }
    expect((await api.store.followUps.count())).toBe(demoSnapshot().followUps.length);
  });

  it('refuses a meeting of another partnership and unknown references', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/follow-ups', { body: validFollowUp({ meetingId: 'mtg-gimhae-1' }) }), {
      meetingId: 'unknownReference',
    });
    expectFieldErrors(
      await api.request('POST', '/follow-ups', {
        body: validFollowUp({ partnershipId: 'pts-x', ownerId: 'usr-x', sectorIds: ['msme', 'nope'], meetingId: 'mtg-x' }),
      }),
      {
        partnershipId: 'unknownReference',
        ownerId: 'unknownReference',
        'sectorIds.1': 'unknownReference',
        meetingId: 'unknownReference',
      },
    );
    expect((await api.store.followUps.count())).toBe(demoSnapshot().followUps.length);
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/follow-ups', {
      body: validFollowUp({
        title: '',
        description: longText(10_001),
        dueDate: '01/12/2025',
        priority: 'urgent',
        status: 'waiting',
        sectorIds: ['Bad Sector'],
        ownerId: 3,
      }),
    });
    expectFieldErrors(response, {
      title: 'required',
      description: 'tooLong',
      dueDate: 'invalidDate',
      priority: 'invalidOption',
      status: 'invalidOption',
      'sectorIds.0': 'invalidFormat',
      ownerId: 'invalidType',
    });
  });

  it('rejects stored-only and unknown fields, and 10,000-character titles', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('POST', '/follow-ups', { body: validFollowUp({ history: [], completedAt: AT, tags: ['x'] }) }),
      { history: 'unknownField', completedAt: 'unknownField', tags: 'unknownField' },
    );
    expectFieldErrors(await api.request('POST', '/follow-ups', { body: validFollowUp({ title: longText(10_000) }) }), {
      title: 'tooLong',
    });
  });

  it('answers 400 malformed JSON, 415 non-JSON, 401 without a user', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/follow-ups', { body: '{"title":"x"' }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/follow-ups', { body: '{}', headers: { 'content-type': 'text/plain' } }), 415);
    expectProblem(await api.request('POST', '/follow-ups', { body: validFollowUp(), user: null }), 401);
    expect((await api.store.followUps.count())).toBe(demoSnapshot().followUps.length);
  });

  it('creates once per Idempotency-Key and refuses the key with another body', async () => {
    const api = await testApi();
    const headers = { 'idempotency-key': '2b6a3f7e-follow-up' };
    const first = await api.request('POST', '/follow-ups', { body: validFollowUp(), headers });
    const again = await api.request('POST', '/follow-ups', { body: validFollowUp(), headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    expectProblem(await api.request('POST', '/follow-ups', { body: validFollowUp({ title: 'lain' }), headers }), 422);
    expect((await api.store.followUps.count())).toBe(demoSnapshot().followUps.length + 1);
  });
});

describe('PATCH /api/follow-ups/:id', () => {
  // By default the item's owner makes the change: an officer changes the follow-ups they own.
  const patch = async (api: TestApi, id: string, body: unknown, version: number, user?: string) =>
    api.request('PATCH', `/follow-ups/${id}`, {
      body,
      headers: ifMatch(version),
      user: user ?? (await api.store.followUps.get(id))?.ownerId ?? IDS.officer,
    });

  it('changes the status with a comment and records from, to, comment, who and when', async () => {
    const api = await testApi();
    const before = (await api.store.followUps.get('fu-binzhou-exchange'))!;
    const response = await patch(api, 'fu-binzhou-exchange', { status: 'in-progress', comment: ' Mulai dikerjakan. ' }, 1, IDS.officer2);
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toEqual({
      ...before,
      status: 'in-progress',
      version: 2,
      updatedAt: AT,
      history: [
        ...before.history,
        { at: AT, by: IDS.officer2, kind: 'status', from: 'open', to: 'in-progress', comment: 'Mulai dikerjakan.' },
      ],
    });
    expect((await api.store.followUps.get('fu-binzhou-exchange'))).toEqual(response.body);
  });

  it('records every changed field from → to in one "updated" event', async () => {
    const api = await testApi();
    const response = await patch(api, 'fu-binzhou-tourism', {
      ownerId: IDS.officer,
      dueDate: '2026-12-01',
      priority: 'high',
      title: 'Menyiapkan paket promosi pariwisata',
      sectorIds: ['tourism', 'culture'],
    }, 1, IDS.manager); // a new owner: managers reassign
    expect(response.status).toBe(200);
    expect(response.body.history.at(-1)).toEqual({
      at: AT,
      by: IDS.manager,
      kind: 'updated',
      changes: [
        { field: 'ownerId', from: IDS.officer2, to: IDS.officer },
        { field: 'dueDate', from: '2026-11-20', to: '2026-12-01' },
        { field: 'sectorIds', from: ['tourism'], to: ['tourism', 'culture'] },
        { field: 'priority', from: 'normal', to: 'high' },
      ],
    });
    expect(response.body.history).toHaveLength(2);
  });

  it('records a field change and a status change as two events of one request', async () => {
    const api = await testApi();
    const response = await patch(api, 'fu-binzhou-msme', { priority: 'high', status: 'in-progress', comment: 'Prioritas naik.' }, 1);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(2);
    expect(response.body.history.slice(-2)).toEqual([
      { at: AT, by: IDS.officer2, kind: 'updated', changes: [{ field: 'priority', from: 'low', to: 'high' }] },
      { at: AT, by: IDS.officer2, kind: 'status', from: 'open', to: 'in-progress', comment: 'Prioritas naik.' },
    ]);
  });

  it('blocking needs a reason as the comment', async () => {
    const api = await testApi();
    expectFieldErrors(await patch(api, 'fu-binzhou-exchange', { status: 'blocked' }, 1), { comment: 'reasonRequired' });
    expectFieldErrors(await patch(api, 'fu-binzhou-exchange', { status: 'blocked', comment: '   ' }, 1), { comment: 'reasonRequired' });
    expect((await api.store.followUps.get('fu-binzhou-exchange'))?.status).toBe('open');
    const ok = await patch(api, 'fu-binzhou-exchange', { status: 'blocked', comment: 'Menunggu jawaban Binzhou.' }, 1);
    expect(ok.status).toBe(200);
    expect(ok.body.history.at(-1)).toMatchObject({ kind: 'status', from: 'open', to: 'blocked', comment: 'Menunggu jawaban Binzhou.' });
  });

  it('an open item cannot lose its due date', async () => {
    const api = await testApi();
    for (const id of ['fu-binzhou-exchange', 'fu-binzhou-forum', 'fu-binzhou-youth']) {
      const version = (await api.store.followUps.get(id))!.version;
      expectFieldErrors(await patch(api, id, { dueDate: null }, version), { dueDate: 'dueDateRequired' });
      expect((await api.store.followUps.get(id))?.dueDate).toBeDefined();
    }
  });

  it('a done item may clear its due date, recorded as a change to null', async () => {
    const api = await testApi();
    const response = await patch(api, 'fu-binzhou-agenda', { dueDate: null }, 3);
    expect(response.status).toBe(200);
    expect(response.body).not.toHaveProperty('dueDate');
    expect(response.body.completedAt).toBe('2025-11-10T07:30:00.000Z');
    expect(response.body.history.at(-1)).toEqual({
      at: AT,
      by: IDS.officer,
      kind: 'updated',
      changes: [{ field: 'dueDate', from: '2025-11-14', to: null }],
    });
  });

  it('finishing an item in the same request as clearing its due date is allowed', async () => {
    const api = await testApi();
    const response = await patch(api, 'fu-binzhou-exchange', { status: 'cancelled', dueDate: null, comment: 'Tidak jadi.' }, 1);
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('cancelled');
    expect(response.body).not.toHaveProperty('dueDate');
    expect(response.body).not.toHaveProperty('completedAt');
  });

  it('sets completedAt when an item is done, clears it when reopened, keeps it on other edits', async () => {
    const api = await testApi();
    const done = await patch(api, 'fu-binzhou-exchange', { status: 'done' }, 1);
    expect(done.status).toBe(200);
    expect(done.body.completedAt).toBe(AT);
    const edited = await patch(api, 'fu-binzhou-agenda', { title: 'Menyusun rancangan agenda bersama (final)' }, 3);
    expect(edited.body.completedAt).toBe('2025-11-10T07:30:00.000Z');
    const reopened = await patch(api, 'fu-binzhou-agenda', { status: 'in-progress', comment: 'Binzhou minta revisi.' }, 4);
    expect(reopened.status).toBe(200);
    expect(reopened.body).not.toHaveProperty('completedAt');
    expect(reopened.body.history.at(-1)).toMatchObject({ kind: 'status', from: 'done', to: 'in-progress' });
  });

  it('reopening an item without a due date needs one', async () => {
    const api = await testApi();
    await patch(api, 'fu-binzhou-agenda', { dueDate: null }, 3);
    expectFieldErrors(await patch(api, 'fu-binzhou-agenda', { status: 'open' }, 4), { dueDate: 'dueDateRequired' });
    const ok = await patch(api, 'fu-binzhou-agenda', { status: 'open', dueDate: '2025-12-15' }, 4);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'open', dueDate: '2025-12-15', version: 5 });
  });

  it('a comment alone is recorded as a comment event', async () => {
    const api = await testApi();
    const response = await patch(api, 'fu-binzhou-forum', { comment: 'Rapat persiapan dijadwalkan.' }, 2);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(3);
    expect(response.body.history.at(-1)).toEqual({ at: AT, by: IDS.officer, kind: 'comment', comment: 'Rapat persiapan dijadwalkan.' });
  });

  it('a patch that changes nothing records nothing and keeps the version', async () => {
    const api = await testApi();
    const before = (await api.store.followUps.get('fu-binzhou-forum'))!;
    const response = await patch(api, 'fu-binzhou-forum', { status: 'in-progress', priority: 'high' }, 2);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(before);
    expect((await api.store.followUps.get('fu-binzhou-forum'))).toEqual(before);
  });

  it('names invalid fields and refuses unknown or fixed ones', async () => {
    const api = await testApi();
    expectFieldErrors(
      await patch(api, 'fu-binzhou-exchange', {
        status: 'finished',
        dueDate: '2025-13-01',
        title: '',
        comment: longText(2_001),
        sectorIds: 'education',
      }, 1),
      { status: 'invalidOption', dueDate: 'invalidDate', title: 'required', comment: 'tooLong', sectorIds: 'invalidType' },
    );
    expectFieldErrors(await patch(api, 'fu-binzhou-exchange', { title: longText(10_000) }, 1), { title: 'tooLong' });
    expectFieldErrors(await patch(api, 'fu-binzhou-exchange', { partnershipId: 'pts-gimhae', history: [] }, 1), {
      partnershipId: 'unknownField',
      history: 'unknownField',
    });
    expectFieldErrors(await patch(api, 'fu-binzhou-exchange', { ownerId: 'usr-ghost', sectorIds: ['x'] }, 1, IDS.manager), {
      ownerId: 'unknownReference',
      'sectorIds.0': 'unknownReference',
    });
    expect((await api.store.followUps.get('fu-binzhou-exchange'))).toEqual(demoSnapshot().followUps.find((f) => f.id === 'fu-binzhou-exchange'));
  });

  it('answers 428 without If-Match and 412 with the current item when stale', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', '/follow-ups/fu-binzhou-exchange', { body: { priority: 'high' } }), 428);
    await patch(api, 'fu-binzhou-exchange', { priority: 'high' }, 1);
    const stale = await patch(api, 'fu-binzhou-exchange', { priority: 'low' }, 1);
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ id: 'fu-binzhou-exchange', version: 2, priority: 'high' });
    expect(stale.body.current.history).toHaveLength(2);
    expect((await api.store.followUps.get('fu-binzhou-exchange'))?.priority).toBe('high');
  });

  it('answers 404, 401, 400 malformed JSON and 415', async () => {
    const api = await testApi();
    expectProblem(await patch(api, 'fu-none', { priority: 'high' }, 1), 404);
    expectProblem(
      await api.request('PATCH', '/follow-ups/fu-binzhou-exchange', { body: { priority: 'high' }, headers: ifMatch(1), user: null }),
      401,
    );
    expectProblem(await patch(api, 'fu-binzhou-exchange', '{"priority":', 1), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('PATCH', '/follow-ups/fu-binzhou-exchange', {
        body: 'priority=high',
        headers: { ...ifMatch(1), 'content-type': 'application/x-www-form-urlencoded' },
      }),
      415,
    );
    expect((await api.store.followUps.get('fu-binzhou-exchange'))?.version).toBe(1);
  });
});

describe('text search while typing', () => {
  it('gives the same results when each query narrows the last one as when asked afresh', async () => {
    const snapshot = generateSnapshot({ seed: 5, followUps: 800, meetings: 40, partnerships: 5 });
    const typing = await testApi(structuredClone(snapshot));
    const fresh = () => testApi(structuredClone(snapshot));
    for (const q of ['l', 'la', 'lap', 'lapo', 'lap', 'me', 'men', 'meny', 'menyu naskah', 'menyu naskah #1']) {
      const url = `/follow-ups?limit=100&q=${encodeURIComponent(q)}`;
      const [a, b] = [await typing.request('GET', url), await (await fresh()).request('GET', url)];
      expect(a.body.total, q).toBe(b.body.total);
      expect(a.body.items.map((i: any) => i.id), q).toEqual(b.body.items.map((i: any) => i.id));
    }
    // Eleven databases of 800 follow-ups written for this test.
  }, 30_000);

  it('sees a change made between two keystrokes', async () => {
    const api = await testApi();
    expect((await api.request('GET', '/follow-ups?q=forum')).body.total).toBe(1);
    const renamed = await api.request('PATCH', '/follow-ups/fu-binzhou-youth', {
      body: { title: 'Forum pelatihan pemuda' },
      headers: { 'if-match': '"2"' },
    });
    expect(renamed.status).toBe(200);
    expect((await api.request('GET', '/follow-ups?q=forum%20')).body.total).toBe(2);
  });
});
