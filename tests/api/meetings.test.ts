import { describe, expect, it, vi } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { NOW, testApi, type TestApi } from './helpers';
import {
  expectFieldErrors,
  expectPagingWalk,
  expectProblem,
  ifMatch,
  longText,
  validFollowUpDraft,
  validMeeting,
} from './fixtures';

const ids = (response: { body: any }) => response.body.items.map((m: any) => m.id);

async function counts(api: TestApi) {
  return { meetings: (await api.store.meetings.count()), followUps: (await api.store.followUps.count()) };
}

describe('GET /api/meetings', () => {
  it('lists meetings newest first by default', async () => {
    const api = await testApi();
    const response = await api.request('GET', '/meetings');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(demoSnapshot().meetings.length);
    const dates = response.body.items.map((m: any) => m.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('filters by partnership, kind, sector, year and date range', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', `/meetings?partnershipId=${IDS.partnership}`))).toEqual([IDS.visit]);
    expect(ids(await api.request('GET', '/meetings?kind=inbound-visit')).sort()).toEqual([IDS.visit, 'mtg-gimhae-3'].sort());
    expect(ids(await api.request('GET', '/meetings?kind=forum,outbound-visit')).sort()).toEqual(
      ['mtg-kitakyushu-1', 'mtg-gimhae-2', 'mtg-penang-1'].sort(),
    );
    expect(ids(await api.request('GET', '/meetings?sectorId=youth'))).toEqual([IDS.visit]);
    expect(ids(await api.request('GET', '/meetings?year=2024'))).toEqual(['mtg-penang-1']);
    expect(ids(await api.request('GET', '/meetings?from=2025-09-22&to=2025-09-22'))).toEqual([IDS.visit]);
    expect(ids(await api.request('GET', '/meetings?from=2025-03-03&to=2025-08-11&sort=date'))).toEqual([
      'mtg-kitakyushu-1',
      'mtg-gimhae-2',
    ]);
  });

  it('finds meetings by words in the title, place or summary', async () => {
    const api = await testApi();
    expect(ids(await api.request('GET', '/meetings?q=wareng'))).toEqual([IDS.visit]);
    expect(ids(await api.request('GET', '/meetings?q=Qu%20Yuekuan%20ICBC'))).toEqual([IDS.visit]);
  });

  it('pages through thousands of meetings, each exactly once', async () => {
    const snapshot = generateSnapshot({ seed: 3, followUps: 0, meetings: 1_234, partnerships: 10 });
    const api = await testApi(snapshot);
    const all = snapshot.meetings.map((m) => m.id);
    await expectPagingWalk(api, '/meetings', all, 100);
    await expectPagingWalk(api, '/meetings?sort=title', all, 97);
    const in2023 = snapshot.meetings.filter((m) => m.date.startsWith('2023-')).map((m) => m.id);
    expect(in2023.length).toBeGreaterThan(25);
    await expectPagingWalk(api, '/meetings?year=2023&sort=-date', in2023, 25);
    // A database of 1,234 meetings written for this test, then three walks.
  }, 30_000);

  it('never returns more than 100 items, and 25 by default', async () => {
    const snapshot = generateSnapshot({ seed: 3, followUps: 0, meetings: 300, partnerships: 3 });
    const api = await testApi(snapshot);
    expect((await api.request('GET', '/meetings')).body.items).toHaveLength(25);
    expect((await api.request('GET', '/meetings?limit=100')).body.items).toHaveLength(100);
    expectFieldErrors(await api.request('GET', '/meetings?limit=1000'), { limit: 'tooBig' });
  });

  it('rejects bad filters', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('GET', '/meetings?from=2025-02-30'), { from: 'invalidDate' });
    expectFieldErrors(await api.request('GET', '/meetings?kind=party'), { 'kind.0': 'invalidOption' });
    expectFieldErrors(await api.request('GET', '/meetings?year=25'), { year: 'tooSmall' });
    expectFieldErrors(await api.request('GET', '/meetings?place=wareng'), { place: 'unknownField' });
  });
});

describe('GET /api/meetings/:id', () => {
  it('returns the Binzhou visit, or 404', async () => {
    const api = await testApi();
    const response = await api.request('GET', `/meetings/${IDS.visit}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ date: '2025-09-22', kind: 'inbound-visit', source: { dateAsReported: 'Selasa (22/09/25)' } });
    expectProblem(await api.request('GET', '/meetings/mtg-none'), 404, '/problems/not-found');
  });
});

describe('POST /api/meetings', () => {
  it('creates a meeting with defaults filled in', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/meetings', { body: validMeeting() });
    expect(response.status).toBe(201);
    const { source, ...rest } = validMeeting();
    expect(response.body).toMatchObject({
      ...rest,
      source,
      timeZone: 'Asia/Jakarta',
      aims: [],
      illustrative: false,
      version: 1,
      createdAt: NOW.toISOString(),
    });
    expect(response.body.id).toMatch(/^mtg-/);
    expect(response.body).not.toHaveProperty('followUps');
    expect(response.body).not.toHaveProperty('carriedFollowUpIds');
    expect(response.headers.get('location')).toBe(`/api/meetings/${response.body.id}`);
    expect((await api.store.meetings.get(response.body.id))).toEqual(response.body);
  });

  it('creates the follow-ups agreed in the meeting in the same request', async () => {
    const api = await testApi();
    const before = await counts(api);
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        followUps: [validFollowUpDraft(), validFollowUpDraft({ title: 'Kirim daftar peserta', ownerId: IDS.officer2, priority: undefined })],
      }),
      user: IDS.staff,
    });
    expect(response.status).toBe(201);
    expect(await counts(api)).toEqual({ meetings: before.meetings + 1, followUps: before.followUps + 2 });
    const created = await api.request('GET', `/follow-ups?meetingId=${response.body.id}&sort=title`);
    expect(created.body.total).toBe(2);
    for (const item of created.body.items) {
      expect(item).toMatchObject({
        partnershipId: IDS.partnership,
        meetingId: response.body.id,
        meetingIds: [response.body.id],
        status: 'open',
        version: 1,
        createdAt: NOW.toISOString(),
      });
      // The list leaves the history out (the detail carries it).
      expect((await api.request('GET', `/follow-ups/${item.id}`)).body.history).toEqual([
        { at: NOW.toISOString(), by: IDS.staff, kind: 'created', to: 'open', meetingId: response.body.id },
      ]);
    }
    expect(created.body.items.map((f: any) => [f.title, f.ownerId, f.priority])).toEqual([
      ['Kirim daftar peserta', IDS.officer2, 'normal'],
      ['Kirim notulen rapat', IDS.officer, 'high'],
    ]);
  });

  it('stores nothing when one follow-up has no due date', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    const { dueDate: _d, ...noDue } = validFollowUpDraft();
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({ followUps: [validFollowUpDraft(), noDue] }),
    });
    expectFieldErrors(response, { 'followUps.1.dueDate': 'dueDateRequired' });
    expect((await api.store.snapshot())).toEqual(before);
  });

  it('stores nothing when one follow-up names an unknown owner or sector', async () => {
    const api = await testApi();
    const before = await counts(api);
    const snapshot = (await api.store.snapshot());
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        followUps: [validFollowUpDraft(), validFollowUpDraft({ ownerId: 'usr-ghost', sectorIds: ['tourism', 'karaoke'] })],
      }),
    });
    expectFieldErrors(response, {
      'followUps.1.ownerId': 'unknownReference',
      'followUps.1.sectorIds.1': 'unknownReference',
    });
    expect(await counts(api)).toEqual(before);
    expect((await api.store.snapshot())).toEqual(snapshot);
  });

  it('stores nothing when a follow-up is due before the meeting or is otherwise invalid', async () => {
    const api = await testApi();
    const before = await counts(api);
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        followUps: [
          validFollowUpDraft({ dueDate: '2025-10-29' }),
          validFollowUpDraft({ title: '' }),
          validFollowUpDraft({ status: 'done' }),
        ],
      }),
    });
    expectFieldErrors(response, {
      'followUps.0.dueDate': 'dueBeforeMeeting',
      'followUps.1.title': 'required',
      'followUps.2.status': 'unknownField',
    });
    expect(await counts(api)).toEqual(before);
    const dueBefore = await api.request('POST', '/meetings', {
      body: validMeeting({ followUps: [validFollowUpDraft(), validFollowUpDraft({ dueDate: '2025-10-29' })] }),
    });
    expectFieldErrors(dueBefore, { 'followUps.1.dueDate': 'dueBeforeMeeting' });
    expect(await counts(api)).toEqual(before);
  });

  it('links carried-over follow-ups to the new meeting with a "discussed" history event', async () => {
    const api = await testApi();
    const carried = (await api.store.followUps.get('fu-binzhou-exchange'))!;
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({ carriedFollowUpIds: ['fu-binzhou-exchange', 'fu-binzhou-forum'] }),
      user: IDS.staff, // logging a visit is the secretariat's
    });
    expect(response.status).toBe(201);
    const meetingId = response.body.id;
    const after = (await api.store.followUps.get('fu-binzhou-exchange'))!;
    expect(after.meetingIds).toEqual([IDS.visit, meetingId]);
    expect(after.meetingId).toBe(IDS.visit);
    expect(after.version).toBe(carried.version + 1);
    expect(after.updatedAt).toBe(NOW.toISOString());
    expect(after.history).toEqual([...carried.history, { at: NOW.toISOString(), by: IDS.staff, kind: 'discussed', meetingId }]);
    expect((await api.store.followUps.get('fu-binzhou-forum'))!.meetingIds).toEqual([IDS.visit, meetingId]);
    // And the follow-up list finds it by the new meeting too.
    expect((await api.request('GET', `/follow-ups?meetingId=${meetingId}`)).body.total).toBe(2);
  });

  it('refuses to carry a follow-up of another partnership or one that does not exist, and stores nothing', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({ carriedFollowUpIds: ['fu-binzhou-exchange', 'fu-gimhae-1', 'fu-nothing'] }),
    });
    expectFieldErrors(response, {
      'carriedFollowUpIds.1': 'unknownReference',
      'carriedFollowUpIds.2': 'unknownReference',
    });
    expect((await api.store.snapshot())).toEqual(before);
  });

  it('refuses every unknown reference with its exact path', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        partnershipId: 'pts-none',
        hostLeadId: 'per-x',
        delegationLeadId: 'per-y',
        facilitatorIds: ['org-z'],
        sectorIds: ['tourism', 'astrology'],
        participants: [{ side: 'host', personId: 'per-a' }, { side: 'guest', organizationId: 'org-b' }],
        statements: [{ personId: 'per-c', text: 'Halo.' }],
      }),
    });
    expectFieldErrors(response, {
      partnershipId: 'unknownReference',
      hostLeadId: 'unknownReference',
      delegationLeadId: 'unknownReference',
      'facilitatorIds.0': 'unknownReference',
      'sectorIds.1': 'unknownReference',
      'participants.0.personId': 'unknownReference',
      'participants.1.organizationId': 'unknownReference',
      'statements.0.personId': 'unknownReference',
    });
    expect((await api.store.meetings.count())).toBe(demoSnapshot().meetings.length);
  });

  it('names every invalid field', async () => {
    const api = await testApi();
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        kind: 'party',
        title: ' ',
        date: '2025-02-29',
        time: '25:00',
        timeZone: 'Mars/Olympus_Mons',
        participants: [{ side: 'host' }, { side: 'audience', description: 'x' }],
        statements: [{ text: 'Tanpa pembicara.' }],
        outcomes: [''],
        illustrative: 'no',
      }),
    });
    expectFieldErrors(response, {
      kind: 'invalidOption',
      title: 'required',
      date: 'invalidDate',
      time: 'invalidTime',
      timeZone: 'invalidTimeZone',
      'participants.0.description': 'required',
      'participants.1.side': 'invalidOption',
      'statements.0.speaker': 'required',
      'outcomes.0': 'required',
      illustrative: 'invalidType',
    });
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:void(0)', 'data:text/html;base64,PHNjcmlwdD4=', 'mailto:a@b.c'])(
    'refuses %j as source.url (invalidUrl) and stores nothing',
    async (url) => {
      const api = await testApi();
      const response = await api.request('POST', '/meetings', { body: validMeeting({ source: { url, publisher: 'X' } }) });
      expectFieldErrors(response, { 'source.url': 'invalidUrl' });
      expect((await api.store.meetings.count())).toBe(demoSnapshot().meetings.length);
    },
  );

  it('rejects a 10,000-character title and an over-long summary as tooLong', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting({ title: longText(10_000) }) }), {
      title: 'tooLong',
    });
    expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting({ summary: longText(10_001) }) }), {
      summary: 'tooLong',
    });
    expectFieldErrors(
      await api.request('POST', '/meetings', { body: validMeeting({ followUps: [validFollowUpDraft({ title: longText(20_000) })] }) }),
      { 'followUps.0.title': 'tooLong' },
    );
    expect(await counts(api)).toEqual({ meetings: demoSnapshot().meetings.length, followUps: demoSnapshot().followUps.length });
  });

  it('rejects unknown fields at every level', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting({ weather: 'cerah' }) }), {
      weather: 'unknownField',
    });
    expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting({ source: { url: 'https://a.b', views: 3 } }) }), {
      'source.views': 'unknownField',
    });
    expectFieldErrors(
      await api.request('POST', '/meetings', { body: validMeeting({ followUps: [validFollowUpDraft({ id: 'fu-mine' })] }) }),
      { 'followUps.0.id': 'unknownField' },
    );
    expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting({ id: 'mtg-mine', version: 7 }) }), {
      id: 'unknownField',
      version: 'unknownField',
    });
  });

  it('answers 400 malformed JSON, 415 non-JSON, 401 without user, 400 for a non-object body', async () => {
    const api = await testApi();
    expectProblem(await api.request('POST', '/meetings', { body: '{"title": "x", }' }), 400, '/problems/malformed-json');
    expectProblem(await api.request('POST', '/meetings', { body: '' }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('POST', '/meetings', { body: JSON.stringify(validMeeting()), headers: { 'content-type': 'text/plain' } }),
      415,
      '/problems/unsupported-media-type',
    );
    expectProblem(await api.request('POST', '/meetings', { body: validMeeting(), user: null }), 401);
    expectProblem(await api.request('POST', '/meetings', { body: [validMeeting()] }), 400, '/problems/validation');
    expectProblem(await api.request('POST', '/meetings', { body: 'null' }), 400, '/problems/validation');
    expect((await api.store.meetings.count())).toBe(demoSnapshot().meetings.length);
  });

  it('accepts application/json with a charset and vendor +json types', async () => {
    const api = await testApi();
    expect(
      (await api.request('POST', '/meetings', { body: validMeeting(), headers: { 'content-type': 'application/json; charset=utf-8' } }))
        .status,
    ).toBe(201);
    expect(
      (await api.request('POST', '/meetings', { body: validMeeting(), headers: { 'content-type': 'application/vnd.mitra+json' } })).status,
    ).toBe(201);
  });
});

describe('POST /api/meetings with progress on carried-over follow-ups (carriedProgress)', () => {
  const EXCHANGE = 'fu-binzhou-exchange'; // open, owned by officer2
  const FORUM = 'fu-binzhou-forum';
  /**
   * Everything stored but the id sequence: a transaction that rolls back keeps nothing, but on
   * PostgreSQL the sequence it drew ids from has moved on (ids may have gaps).
   */
  const saved = async (api: TestApi) => {
    const { sequence: _sequence, ...data } = await api.store.snapshot();
    return data;
  };

  it('saves the status and comment of a carried follow-up with the meeting, as PATCH would', async () => {
    const api = await testApi();
    const before = (await api.store.followUps.get(EXCHANGE))!;
    const forumBefore = (await api.store.followUps.get(FORUM))!;
    const auditBefore = await api.store.audit.count();
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        carriedFollowUpIds: [EXCHANGE, FORUM],
        carriedProgress: [{ id: EXCHANGE, version: before.version, status: 'in-progress', comment: ' Dibahas; daftar sekolah disiapkan. ' }],
      }),
      user: IDS.staff,
    });
    expect(response.status).toBe(201);
    const meetingId = response.body.id;
    const after = (await api.store.followUps.get(EXCHANGE))!;
    const at = NOW.toISOString();
    // The change as PATCH records it, then the link to the meeting that discussed it.
    expect(after.history).toEqual([
      ...before.history,
      { at, by: IDS.staff, kind: 'status', from: 'open', to: 'in-progress', comment: 'Dibahas; daftar sekolah disiapkan.' },
      { at, by: IDS.staff, kind: 'discussed', meetingId },
    ]);
    expect(after).toMatchObject({ status: 'in-progress', meetingIds: [IDS.visit, meetingId], version: before.version + 2, updatedAt: at });
    // A carried item without progress is only linked.
    const forum = (await api.store.followUps.get(FORUM))!;
    expect(forum.status).toBe(forumBefore.status);
    expect(forum.history).toEqual([...forumBefore.history, { at, by: IDS.staff, kind: 'discussed', meetingId }]);
    // The audit trail has the status change with its comment as the note, by the same actor.
    const added = (await api.store.audit.all()).slice(auditBefore);
    const statusEntry = added.find((e) => e.entityId === EXCHANGE && e.changes.some((c) => c.field === 'status'));
    expect(statusEntry).toMatchObject({ actorId: IDS.staff, action: 'update', note: 'Dibahas; daftar sekolah disiapkan.' });
    expect(statusEntry!.changes).toContainEqual({ field: 'status', before: 'open', after: 'in-progress' });
    expect(added.filter((e) => e.note !== undefined)).toEqual([statusEntry]);
  });

  it('a retry with the same Idempotency-Key replays the saved visit, not a 412 for the version it moved on', async () => {
    const api = await testApi();
    const seen = (await api.store.followUps.get(EXCHANGE))!;
    const request = {
      body: validMeeting({ carriedFollowUpIds: [EXCHANGE], carriedProgress: [{ id: EXCHANGE, version: seen.version, status: 'done', comment: 'Selesai.' }] }),
      headers: { 'idempotency-key': 'visit-with-progress-0001' },
      user: IDS.staff,
    };
    const first = await api.request('POST', '/meetings', request);
    expect(first.status).toBe(201);
    const after = await saved(api);
    const retry = await api.request('POST', '/meetings', request);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await saved(api)).toEqual(after);
  });

  it('fails the whole visit with 412 naming the follow-up when its version is stale, saving nothing', async () => {
    const api = await testApi();
    const seen = (await api.store.followUps.get(EXCHANGE))!;
    // Someone changes the item after the visit form loaded it.
    const meanwhile = await api.request('PATCH', `/follow-ups/${EXCHANGE}`, {
      body: { priority: 'high' },
      headers: ifMatch(seen.version),
      user: IDS.officer2,
    });
    expect(meanwhile.status).toBe(200);
    const before = await saved(api);
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({
        followUps: [validFollowUpDraft()],
        carriedFollowUpIds: [FORUM, EXCHANGE],
        carriedProgress: [{ id: EXCHANGE, version: seen.version, status: 'done', comment: 'Selesai.' }],
      }),
      user: IDS.staff,
    });
    expectProblem(response, 412, '/problems/stale-version');
    expect(response.body.current).toEqual(meanwhile.body);
    expect(response.body.detail).toContain(EXCHANGE);
    expect(response.body.detail).toContain('carriedProgress.0');
    // No meeting, no new follow-up, no link, no audit entry, no idempotency row.
    expect(await saved(api)).toEqual(before);
  });

  it('applies the rules PATCH applies, naming the entry: blocking needs a reason', async () => {
    const api = await testApi();
    const seen = (await api.store.followUps.get(EXCHANGE))!;
    const before = await saved(api);
    const response = await api.request('POST', '/meetings', {
      body: validMeeting({ carriedFollowUpIds: [EXCHANGE], carriedProgress: [{ id: EXCHANGE, version: seen.version, status: 'blocked' }] }),
      user: IDS.staff,
    });
    expectFieldErrors(response, { 'carriedProgress.0.comment': 'reasonRequired' });
    expect(await saved(api)).toEqual(before);
  });

  it('is refused (403) to an officer, saving nothing', async () => {
    const api = await testApi();
    const seen = (await api.store.followUps.get(EXCHANGE))!;
    const before = await saved(api);
    for (const user of [IDS.officer, IDS.officer2]) {
      const response = await api.request('POST', '/meetings', {
        body: validMeeting({ carriedFollowUpIds: [EXCHANGE], carriedProgress: [{ id: EXCHANGE, version: seen.version, status: 'in-progress' }] }),
        user,
      });
      expectProblem(response, 403, '/problems/forbidden');
    }
    expect(await saved(api)).toEqual(before);
  });

  it('lets a role that logs visits but changes only its own follow-ups move only those (403 naming the other, nothing saved)', async () => {
    // No role is like that today (officers do not log visits): grant officers meeting.create in
    // a separate module graph, leaving canChangeFollowUp's own table as it is.
    vi.resetModules();
    vi.doMock('../../src/domain/permissions', async (importOriginal) => {
      const original = await importOriginal<{ can: (role: string, action: string) => boolean }>();
      return { ...original, can: (role: string, action: string) => original.can(role, action) || (role === 'officer' && action === 'meeting.create') };
    });
    try {
      const { createApi } = await import('../../server/app');
      const api = await testApi();
      const app = createApi({ database: api.database, now: () => NOW });
      const post = async (user: string, body: unknown) => {
        const response = await app.fetch(
          new Request('http://mitra.test/api/meetings', {
            method: 'POST',
            headers: { 'x-mitra-user': user, 'content-type': 'application/json' },
            body: JSON.stringify(body),
          }),
        );
        return { status: response.status, headers: response.headers, body: await response.json() };
      };
      const seen = (await api.store.followUps.get(EXCHANGE))!;
      expect(seen.ownerId).toBe(IDS.officer2);
      const body = validMeeting({ carriedFollowUpIds: [EXCHANGE], carriedProgress: [{ id: EXCHANGE, version: seen.version, status: 'in-progress' }] });
      const before = await saved(api);
      const refused = await post(IDS.officer, body);
      expectProblem(refused, 403, '/problems/forbidden');
      expect(refused.body.detail).toContain(EXCHANGE);
      expect(refused.body.detail).toContain('carriedProgress.0');
      expect(await saved(api)).toEqual(before);
      // Its owner may.
      const allowed = await post(IDS.officer2, body);
      expect(allowed.status).toBe(201);
      expect((await api.store.followUps.get(EXCHANGE))!.status).toBe('in-progress');
    } finally {
      vi.doUnmock('../../src/domain/permissions');
      vi.resetModules();
    }
  });

  it('refuses progress on a follow-up the meeting does not carry over, and an item named twice', async () => {
    const api = await testApi();
    const before = await saved(api);
    const notCarried = await api.request('POST', '/meetings', {
      body: validMeeting({
        carriedFollowUpIds: [EXCHANGE],
        carriedProgress: [
          { id: FORUM, version: 1, status: 'done' },
          { id: EXCHANGE, version: 1, status: 'in-progress' },
          { id: 'fu-nothing', version: 1, status: 'done' },
        ],
      }),
      user: IDS.staff,
    });
    expectFieldErrors(notCarried, { 'carriedProgress.0.id': 'unknownReference', 'carriedProgress.2.id': 'unknownReference' });
    const twice = await api.request('POST', '/meetings', {
      body: validMeeting({
        carriedFollowUpIds: [EXCHANGE],
        carriedProgress: [
          { id: EXCHANGE, version: 1, status: 'in-progress' },
          { id: EXCHANGE, version: 1, status: 'done' },
        ],
      }),
      user: IDS.staff,
    });
    expectFieldErrors(twice, { 'carriedProgress.1.id': 'duplicate' });
    const malformed = await api.request('POST', '/meetings', {
      body: validMeeting({
        carriedFollowUpIds: [EXCHANGE],
        carriedProgress: [{ id: EXCHANGE, version: 0, status: 'finished', owner: IDS.officer }],
      }),
      user: IDS.staff,
    });
    expectFieldErrors(malformed, {
      'carriedProgress.0.version': undefined,
      'carriedProgress.0.status': 'invalidOption',
      'carriedProgress.0.owner': 'unknownField',
    });
    expect(await saved(api)).toEqual(before);
  });
});

describe('POST /api/meetings for a first contact (new partner region, partnership and people)', () => {
  const firstContact = (overrides: Record<string, unknown> = {}) => {
    const { partnershipId: _p, carriedFollowUpIds: _c, ...meeting } = validMeeting({
      title: 'Kunjungan perdana delegasi Yantai',
      newPartnership: {
        region: { name: 'Yantai', localName: '烟台市', level: 'city', countryCode: 'CN', province: 'Shandong', strengths: ['fisheries'] },
        type: 'cooperation',
      },
      newPeople: [
        { ref: 'new:1', name: 'Zhang Wei', position: 'Vice Mayor of Yantai', side: 'guest' },
        { ref: 'new:2', name: 'Andi Pratama', position: 'Kepala Bagian Kerja Sama', side: 'host' },
      ],
      hostLeadId: IDS.intan,
      delegationLeadId: 'new:1',
      participants: [
        { side: 'guest', personId: 'new:1' },
        { side: 'host', personId: 'new:2' },
      ],
      statements: [{ personId: 'new:1', text: 'Terima kasih atas sambutannya.' }],
      followUps: [validFollowUpDraft()],
      ...overrides,
    });
    return meeting;
  };

  it('creates the region, the partnership at exploring, the people and the follow-ups with the meeting', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    const response = await api.request('POST', '/meetings', { body: firstContact(), user: IDS.staff });
    expect(response.status).toBe(201);
    const after = (await api.store.snapshot());
    expect(after.regions).toHaveLength(before.regions.length + 1);
    expect(after.partnerships).toHaveLength(before.partnerships.length + 1);
    expect(after.people).toHaveLength(before.people.length + 2);
    expect(after.followUps).toHaveLength(before.followUps.length + 1);

    const partnership = (await api.store.partnerships.get(response.body.partnershipId))!;
    const region = (await api.store.regions.get(partnership.partnerRegionId!))!;
    expect(region).toMatchObject({ name: 'Yantai', localName: '烟台市', level: 'city', role: 'partner', illustrative: false });
    expect(partnership).toMatchObject({ homeRegionId: IDS.tangerang, stage: 'exploring', type: 'cooperation' });
    expect(partnership.stageHistory).toEqual([
      expect.objectContaining({ to: 'exploring', date: '2025-10-30', by: IDS.staff }),
    ]);

    // "new:1" and "new:2" became real people, on the side they serve, and every reference points at them.
    const guest = (await api.store.people.get(response.body.delegationLeadId))!;
    expect(guest).toMatchObject({ name: 'Zhang Wei', regionId: region.id });
    const host = (await api.store.people.get(response.body.participants[1].personId))!;
    expect(host).toMatchObject({ name: 'Andi Pratama', regionId: IDS.tangerang });
    expect(response.body.participants[0].personId).toBe(guest.id);
    expect(response.body.statements[0].personId).toBe(guest.id);
    expect(JSON.stringify(response.body)).not.toContain('new:');
    expect(response.body).not.toHaveProperty('newPeople');
    expect(response.body).not.toHaveProperty('newPartnership');

    const followUp = (await api.store.followUps.all()).find((f) => f.meetingId === response.body.id)!;
    expect(followUp.partnershipId).toBe(partnership.id);
  });

  it('stores nothing, not even the new region, partnership or people, when one follow-up is invalid', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    const response = await api.request('POST', '/meetings', {
      body: firstContact({ followUps: [validFollowUpDraft(), validFollowUpDraft({ ownerId: 'usr-ghost' })] }),
    });
    expectFieldErrors(response, { 'followUps.1.ownerId': 'unknownReference' });
    expect((await api.store.snapshot())).toEqual(before);
  });

  it('needs either an existing partnership or a new one, not both', async () => {
    const api = await testApi();
    expectFieldErrors(await api.request('POST', '/meetings', { body: { ...firstContact(), partnershipId: IDS.partnership } }), {
      partnershipId: 'partnershipRequired',
    });
    const { newPartnership: _n, ...neither } = firstContact();
    expectFieldErrors(await api.request('POST', '/meetings', { body: neither }), { partnershipId: 'partnershipRequired' });
  });

  it('refuses a reference to a new person that is not in newPeople, and duplicate refs', async () => {
    const api = await testApi();
    const before = (await api.store.snapshot());
    expectFieldErrors(await api.request('POST', '/meetings', { body: firstContact({ delegationLeadId: 'new:9' }) }), {
      delegationLeadId: 'unknownReference',
    });
    const people = [
      { ref: 'new:1', name: 'A', side: 'guest' },
      { ref: 'new:1', name: 'B', side: 'guest' },
    ];
    expectFieldErrors(await api.request('POST', '/meetings', { body: firstContact({ newPeople: people, participants: [], statements: [] }) }), {
      'newPeople.1.ref': 'duplicate',
    });
    expectFieldErrors(
      await api.request('POST', '/meetings', {
        body: firstContact({ newPartnership: { region: { name: '', level: 'village', countryCode: 'cn', strengths: ['Fish Farming'] }, type: 'x' } }),
      }),
      {
        'newPartnership.region.name': 'required',
        'newPartnership.region.level': 'invalidOption',
        'newPartnership.region.countryCode': 'invalidCountry',
        'newPartnership.region.strengths.0': 'invalidFormat',
        'newPartnership.type': 'invalidOption',
      },
    );
    expectFieldErrors(
      await api.request('POST', '/meetings', {
        body: firstContact({ newPartnership: { region: { name: 'Yantai', level: 'city', countryCode: 'CN', role: 'home' }, type: 'cooperation' } }),
      }),
      { 'newPartnership.region.role': 'unknownField' },
    );
    expect((await api.store.snapshot())).toEqual(before);
  });
});

describe('POST /api/meetings with an Idempotency-Key', () => {
  const key = { 'idempotency-key': 'log-visit-2025-10-30-0001' };

  it('replays the first answer and creates the meeting and its follow-ups only once', async () => {
    const api = await testApi();
    const before = await counts(api);
    const body = validMeeting({ followUps: [validFollowUpDraft()] });
    const first = await api.request('POST', '/meetings', { body, headers: key });
    const second = await api.request('POST', '/meetings', { body, headers: key });
    const third = await api.request('POST', '/meetings', { body, headers: key });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (const replay of [second, third]) {
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.headers.get('location')).toBe(first.headers.get('location'));
      expect(replay.body).toEqual(first.body);
    }
    expect(await counts(api)).toEqual({ meetings: before.meetings + 1, followUps: before.followUps + 1 });
  });

  it('creates only one meeting when a double click sends the same request twice at once', async () => {
    const api = await testApi();
    const before = await counts(api);
    const body = validMeeting({ followUps: [validFollowUpDraft()] });
    const answers = await Promise.all([1, 2, 3].map(() => api.request('POST', '/meetings', { body, headers: key })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    expect(await counts(api)).toEqual({ meetings: before.meetings + 1, followUps: before.followUps + 1 });
  });

  it('answers 422 problem+json when the same key comes with a different body, creating nothing more', async () => {
    const api = await testApi();
    await api.request('POST', '/meetings', { body: validMeeting(), headers: key });
    const before = await counts(api);
    const response = await api.request('POST', '/meetings', { body: validMeeting({ title: 'Judul lain' }), headers: key });
    expectProblem(response, 422, '/problems/idempotency-key-reused');
    expect(await counts(api)).toEqual(before);
  });

  it('does not remember a failed attempt: the corrected request with the same key is created', async () => {
    const api = await testApi();
    const failed = await api.request('POST', '/meetings', { body: validMeeting({ title: '' }), headers: key });
    expect(failed.status).toBe(400);
    const fixed = await api.request('POST', '/meetings', { body: validMeeting(), headers: key });
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps keys apart per endpoint', async () => {
    const api = await testApi();
    const meeting = await api.request('POST', '/meetings', { body: validMeeting(), headers: key });
    const org = await api.request('POST', '/organizations', { body: { name: 'X', kind: 'ngo' }, headers: key });
    expect(meeting.status).toBe(201);
    expect(org.status).toBe(201);
    expect(org.headers.get('idempotent-replayed')).toBeNull();
  });

  it('refuses a key that is too short or has odd characters', async () => {
    const api = await testApi();
    for (const bad of ['short', 'has spaces in it', 'x'.repeat(201)]) {
      expectFieldErrors(await api.request('POST', '/meetings', { body: validMeeting(), headers: { 'idempotency-key': bad } }), {
        'Idempotency-Key': 'invalidFormat',
      });
    }
    expect((await api.store.meetings.count())).toBe(demoSnapshot().meetings.length);
  });
});

describe('PATCH /api/meetings/:id', () => {
  it('changes the title and keeps participants, sectors, statements, outcomes, aims and source', async () => {
    const api = await testApi();
    const before = (await api.store.meetings.get(IDS.visit))!;
    const response = await api.request('PATCH', `/meetings/${IDS.visit}`, {
      body: { title: 'Kunjungan resmi delegasi Kota Binzhou, Tiongkok' },
      headers: ifMatch(1),
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      ...before,
      title: 'Kunjungan resmi delegasi Kota Binzhou, Tiongkok',
      version: 2,
      updatedAt: NOW.toISOString(),
    });
  });

  it('keeps an illustrative meeting illustrative when it is edited', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/meetings/mtg-gimhae-1', { body: { place: 'Daring' }, headers: ifMatch(1) });
    expect(response.status).toBe(200);
    expect(response.body.illustrative).toBe(true);
  });

  it('adds a source URL, but never a javascript: one', async () => {
    const api = await testApi();
    const source = { ...(await api.store.meetings.get(IDS.visit))!.source, url: 'javascript:alert(1)' };
    expectFieldErrors(await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { source }, headers: ifMatch(1) }), {
      'source.url': 'invalidUrl',
    });
    expect((await api.store.meetings.get(IDS.visit))?.source?.url).toBeUndefined();
    const ok = await api.request('PATCH', `/meetings/${IDS.visit}`, {
      body: { source: { ...source, url: 'https://tangerangpedia.example/2025/09/23/binzhou' } },
      headers: ifMatch(1),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.source.publisher).toBe('TANGERANGPEDIA');
  });

  it('names invalid fields, unknown references and unknown fields', async () => {
    const api = await testApi();
    expectFieldErrors(
      await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { date: '2025-09-31', title: longText(10_000) }, headers: ifMatch(1) }),
      { date: 'invalidDate', title: 'tooLong' },
    );
    expectFieldErrors(
      await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { sectorIds: ['tourism', 'gaming'] }, headers: ifMatch(1) }),
      { 'sectorIds.1': 'unknownReference' },
    );
    expectFieldErrors(
      await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { followUps: [] }, headers: ifMatch(1) }),
      { followUps: 'unknownField' },
    );
    expect((await api.store.meetings.get(IDS.visit))).toEqual(demoSnapshot().meetings[0]);
  });

  it('refuses to move a meeting to another partnership (its follow-ups stay consistent)', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { partnershipId: 'pts-gimhae' }, headers: ifMatch(1) });
    const meeting = (await api.store.meetings.get(IDS.visit))!;
    const linked = (await api.store.followUps.all()).filter((f) => f.meetingId === IDS.visit);
    expect(linked.length).toBeGreaterThan(0);
    expect(response.status === 400 || linked.every((f) => f.partnershipId === meeting.partnershipId)).toBe(true);
  });

  it('answers 428 without If-Match, 412 with the current meeting when stale, 404 when unknown', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: 'X' } }), 428);
    await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: 'Ruang A' }, headers: ifMatch(1) });
    const stale = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: 'Ruang B' }, headers: ifMatch(1) });
    expectProblem(stale, 412, '/problems/stale-version');
    expect(stale.body.current).toMatchObject({ id: IDS.visit, version: 2, place: 'Ruang A' });
    expectProblem(await api.request('PATCH', '/meetings/mtg-none', { body: { place: 'X' }, headers: ifMatch(1) }), 404);
  });

  it('answers 400 malformed JSON, 415 non-JSON and 401 without a user', async () => {
    const api = await testApi();
    expectProblem(await api.request('PATCH', `/meetings/${IDS.visit}`, { body: '{', headers: ifMatch(1) }), 400, '/problems/malformed-json');
    expectProblem(
      await api.request('PATCH', `/meetings/${IDS.visit}`, { body: '{}', headers: { ...ifMatch(1), 'content-type': 'text/plain' } }),
      415,
    );
    expectProblem(await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: 'X' }, headers: ifMatch(1), user: null }), 401);
    expect((await api.store.meetings.get(IDS.visit))?.version).toBe(1);
  });
});

describe('PATCH /meetings/:id with null (merge-patch semantics)', () => {
  it('removes an optional field sent as null, and refuses to remove a required one', async () => {
    const api = await testApi();
    const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });
    const cleared = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: null }, headers: ifMatch(1) });
    expect(cleared.status).toBe(200);
    expect(cleared.body.place).toBeUndefined();
    expect((await api.store.meetings.get(IDS.visit))?.place).toBeUndefined();
    expect(cleared.body.version).toBe(2);

    const required = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { title: null }, headers: ifMatch(2) });
    expect(required.status).toBe(400);
    expect(required.body.errors).toEqual([expect.objectContaining({ path: 'title', code: 'required' })]);
    expect((await api.store.meetings.get(IDS.visit))?.title).toBe('Kunjungan resmi delegasi Kota Binzhou');

    const unknown = await api.request('PATCH', `/meetings/${IDS.visit}`, { body: { nonsense: null }, headers: ifMatch(2) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ path: 'nonsense', code: 'unknownField' })]);
  });
});

describe('review fixes', () => {
  const h = (v: number) => ({ 'if-match': `"${v}"` });

  it('two edits sent on the same version: one is saved, the other gets 412 (no lost update)', async () => {
    const api = await testApi();
    const [a, b] = await Promise.all([
      api.request('PATCH', `/meetings/${IDS.visit}`, { body: { title: 'Judul A' }, headers: h(1) }),
      api.request('PATCH', `/meetings/${IDS.visit}`, { body: { place: 'Tempat B' }, headers: h(1) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    expect((await api.store.meetings.get(IDS.visit))?.version).toBe(2);
  });

  it('null on a field with a default gives it back its default, so a meeting is always whole', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', `/meetings/${IDS.visit}`, {
      body: { participants: null, timeZone: null, illustrative: null },
      headers: h(1),
    });
    expect(response.status).toBe(200);
    const stored = (await api.store.meetings.get(IDS.visit));
    expect(stored?.participants).toEqual([]);
    expect(stored?.timeZone).toBe('Asia/Jakarta');
    expect(stored?.illustrative).toBe(false);
  });

  it("an Idempotency-Key replays only the same user's request", async () => {
    const api = await testApi();
    const body = { title: 'Kirim profil', ownerId: IDS.officer, partnershipId: IDS.partnership, dueDate: '2026-01-10' };
    const first = await api.request('POST', '/follow-ups', { body, headers: { 'idempotency-key': 'same-key-123' }, user: IDS.manager });
    const other = await api.request('POST', '/follow-ups', { body, headers: { 'idempotency-key': 'same-key-123' }, user: IDS.staff });
    expect(first.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('null removes a follow-up description', async () => {
    const api = await testApi();
    const response = await api.request('PATCH', '/follow-ups/fu-binzhou-msme', { body: { description: null }, headers: h(1) });
    expect(response.status).toBe(200);
    expect((await api.store.followUps.get('fu-binzhou-msme'))?.description).toBeUndefined();
  });
});
