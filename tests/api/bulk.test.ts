import { describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { followUpRuleErrors, type FollowUp } from '../../src/domain/follow-up';
import { followUpBulkResult } from '../../src/domain/schemas';
import { NOW, testApi, type TestApi } from './helpers';
import { expectFieldErrors, expectProblem, ifMatch, longText } from './fixtures';

const AT = NOW.toISOString();

type Item = { id: string; version: number };

// A change across the team's items: the manager's (an officer may change only their own; see roles-matrix).
const bulk = (
  api: TestApi,
  body: unknown,
  options: { user?: string | null; headers?: Record<string, string> } = {},
) => api.request('POST', '/follow-ups/bulk', { body, user: IDS.manager, ...options });

/** The items as stored now, with their versions, for a bulk body. */
const items = (api: TestApi, ...ids: string[]): Promise<Item[]> =>
  Promise.all(ids.map(async (id) => ({ id, version: (await api.store.followUps.get(id))?.version ?? 1 })));

const stored = async (api: TestApi, id: string) => (await api.store.followUps.get(id)) as FollowUp;

describe('POST /api/follow-ups/bulk', () => {
  it('changes the status of many items, each with a status event carrying the comment', async () => {
    const api = await testApi();
    const ids = ['fu-binzhou-exchange', 'fu-binzhou-tourism', 'fu-binzhou-msme'];
    const response = await bulk(api, {
      items: await items(api, ...ids),
      changes: { status: 'in-progress', comment: 'Dibahas dalam rapat koordinasi.' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(followUpBulkResult.safeParse(response.body).success).toBe(true);
    expect(response.body.failed).toEqual([]);
    expect(response.body.updated.map((f: FollowUp) => f.id)).toEqual(ids);
    for (const item of response.body.updated as FollowUp[]) {
      expect(item).toMatchObject({ status: 'in-progress', version: 2, updatedAt: AT });
      expect(item.history).toHaveLength(2);
      expect(item.history.at(-1)).toEqual({
        at: AT,
        by: IDS.manager,
        kind: 'status',
        from: 'open',
        to: 'in-progress',
        comment: 'Dibahas dalam rapat koordinasi.',
      });
      expect(await stored(api, item.id)).toEqual(item);
    }
  });

  it('changes owner and due date, recorded as one "updated" event per item', async () => {
    const api = await testApi();
    const response = await bulk(api, {
      items: await items(api, 'fu-binzhou-tourism', 'fu-binzhou-forum'),
      changes: { ownerId: IDS.officer2, dueDate: '2026-12-31' },
    });
    expect(response.status).toBe(200);
    const [tourism, forum] = response.body.updated as FollowUp[];
    expect(tourism!.history.at(-1)).toEqual({
      at: AT,
      by: IDS.manager,
      kind: 'updated',
      changes: [{ field: 'dueDate', from: '2026-11-20', to: '2026-12-31' }],
    });
    expect(forum!.history.at(-1)).toEqual({
      at: AT,
      by: IDS.manager,
      kind: 'updated',
      changes: [
        { field: 'ownerId', from: IDS.officer, to: IDS.officer2 },
        { field: 'dueDate', from: '2026-12-10', to: '2026-12-31' },
      ],
    });
    expect(forum!.version).toBe(3);
  });

  it('applies exactly what PATCH applies: same item, same history, same completion', async () => {
    const changes = { status: 'done', dueDate: null, comment: 'Selesai lebih awal.' };
    const viaBulk = await testApi();
    const viaPatch = await testApi();
    for (const id of ['fu-binzhou-exchange', 'fu-binzhou-forum', 'fu-binzhou-youth']) {
      const version = (await stored(viaPatch, id)).version;
      const patched = await viaPatch.request('PATCH', `/follow-ups/${id}`, {
        body: changes,
        headers: ifMatch(version),
        user: IDS.manager,
      });
      expect(patched.status).toBe(200);
    }
    const response = await bulk(viaBulk, {
      items: await items(viaBulk, 'fu-binzhou-exchange', 'fu-binzhou-forum', 'fu-binzhou-youth'),
      changes,
    });
    expect(response.status).toBe(200);
    expect(response.body.failed).toEqual([]);
    for (const item of response.body.updated as FollowUp[]) {
      expect(item).toEqual(await stored(viaPatch, item.id));
      expect(item.completedAt).toBe(AT);
      expect(item).not.toHaveProperty('dueDate');
      expect(followUpRuleErrors(item)).toEqual([]);
    }
  });

  it('an item already as asked is returned unchanged, with no event and the same version', async () => {
    const api = await testApi();
    const before = await stored(api, 'fu-binzhou-forum');
    const response = await bulk(api, {
      items: await items(api, 'fu-binzhou-forum'),
      changes: { status: 'in-progress' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ updated: [before], failed: [] });
    expect(await stored(api, 'fu-binzhou-forum')).toEqual(before);
  });

  it('partial success: a stale item (412), an unknown one (404) and a rule breaker (400) fail alone', async () => {
    const api = await testApi();
    // Someone else changes the tourism item after the list was loaded.
    const moved = await api.request('PATCH', '/follow-ups/fu-binzhou-tourism', {
      body: { priority: 'high' },
      headers: ifMatch(1),
    });
    expect(moved.status).toBe(200);
    const before = (await api.store.snapshot());

    // Clearing the due date: fine for a done item, refused for an open one.
    const response = await bulk(api, {
      items: [
        { id: 'fu-binzhou-agenda', version: 3 },
        { id: 'fu-binzhou-tourism', version: 1 },
        { id: 'fu-none', version: 1 },
        { id: 'fu-binzhou-exchange', version: 1 },
        { id: 'fu-geelong-1', version: 1 },
      ],
      changes: { dueDate: null, comment: 'Tenggat tidak lagi berlaku.' },
    });
    expect(response.status).toBe(200);
    expect(followUpBulkResult.safeParse(response.body).success).toBe(true);
    expect(response.body.updated.map((f: FollowUp) => f.id)).toEqual([
      'fu-binzhou-agenda',
      'fu-geelong-1',
    ]);

    const failed = response.body.failed as Array<Record<string, unknown>>;
    expect(failed.map((f) => [f.id, f.status, f.type])).toEqual([
      ['fu-binzhou-tourism', 412, '/problems/stale-version'],
      ['fu-none', 404, '/problems/not-found'],
      ['fu-binzhou-exchange', 400, '/problems/validation'],
    ]);
    for (const failure of failed) expect(typeof failure.title).toBe('string');
    expect(failed[0]!.current).toEqual(await stored(api, 'fu-binzhou-tourism'));
    expect(failed[0]).not.toHaveProperty('errors');
    expect(Object.keys(failed[1]!).sort()).toEqual(['id', 'status', 'title', 'type']);
    expect(failed[2]!.errors).toEqual([
      { path: 'dueDate', code: 'dueDateRequired', message: 'An open follow-up needs a due date.' },
    ]);
    expect(failed[2]).not.toHaveProperty('current');

    // History only for the successes, as PATCH records it: the field change, then the comment.
    const agenda = await stored(api, 'fu-binzhou-agenda');
    expect(agenda.version).toBe(4);
    expect(
      agenda.history.slice(
        before.followUps.find((f) => f.id === 'fu-binzhou-agenda')!.history.length,
      ),
    ).toEqual([
      {
        at: AT,
        by: IDS.manager,
        kind: 'updated',
        changes: [{ field: 'dueDate', from: '2025-11-14', to: null }],
      },
      { at: AT, by: IDS.manager, kind: 'comment', comment: 'Tenggat tidak lagi berlaku.' },
    ]);
    expect((await stored(api, 'fu-geelong-1')).version).toBe(2);

    // The failures changed nothing; nothing else changed either.
    const after = (await api.store.snapshot());
    const untouched = (s: typeof before) =>
      s.followUps.filter((f) => !['fu-binzhou-agenda', 'fu-geelong-1'].includes(f.id));
    expect(untouched(after)).toEqual(untouched(before));
    expect(after.followUps).toHaveLength(before.followUps.length);
    // Only the two saved items were audited: one entry each, by the manager.
    expect(after.audit?.slice(before.audit?.length).map((e) => [e.entityId, e.actorId])).toEqual([
      ['fu-binzhou-agenda', IDS.manager],
      ['fu-geelong-1', IDS.manager],
    ]);
    const rest = (s: typeof before) => ({ ...s, followUps: [], audit: [], sequence: 0 });
    expect(rest(after)).toEqual(rest(before));
  });

  it('reports each rule per item: blocking needs a reason, an unknown owner is a reference error', async () => {
    const api = await testApi();
    const blocked = await bulk(api, {
      items: await items(api, 'fu-binzhou-exchange', 'fu-binzhou-youth'),
      changes: { status: 'blocked' },
    });
    expect(blocked.status).toBe(200);
    // The youth item is blocked already: no status change, so no reason needed, nothing recorded.
    expect(blocked.body.updated.map((f: FollowUp) => [f.id, f.version])).toEqual([
      ['fu-binzhou-youth', 2],
    ]);
    expect(blocked.body.failed).toEqual([
      {
        id: 'fu-binzhou-exchange',
        status: 400,
        type: '/problems/validation',
        title: 'The request has invalid fields.',
        errors: [
          {
            path: 'comment',
            code: 'reasonRequired',
            message: 'Give a reason when a follow-up is blocked.',
          },
        ],
      },
    ]);

    const ghost = await bulk(api, {
      items: await items(api, 'fu-binzhou-exchange', 'fu-gimhae-3'),
      changes: { ownerId: 'usr-ghost' },
    });
    expect(ghost.status).toBe(200);
    expect(ghost.body.updated).toEqual([]);
    expect(ghost.body.failed.map((f: any) => [f.id, f.status, f.errors])).toEqual([
      [
        'fu-binzhou-exchange',
        400,
        [
          {
            path: 'ownerId',
            code: 'unknownReference',
            message: 'This refers to something that does not exist.',
          },
        ],
      ],
      [
        'fu-gimhae-3',
        400,
        [
          {
            path: 'ownerId',
            code: 'unknownReference',
            message: 'This refers to something that does not exist.',
          },
        ],
      ],
    ]);
    expect((await api.store.snapshot())).toEqual(await (await testApi()).store.snapshot());
  });

  it('reopening items without a due date needs one; giving it in the same change works', async () => {
    const api = await testApi();
    const refused = await bulk(api, {
      items: [{ id: 'fu-binzhou-agenda', version: 3 }],
      changes: { status: 'open', dueDate: null },
    });
    expect(refused.body.failed[0]).toMatchObject({
      status: 400,
      errors: [{ path: 'dueDate', code: 'dueDateRequired' }],
    });
    const ok = await bulk(api, {
      items: [{ id: 'fu-binzhou-agenda', version: 3 }],
      changes: { status: 'open', dueDate: '2026-01-15' },
    });
    expect(ok.body.updated[0]).toMatchObject({ status: 'open', dueDate: '2026-01-15', version: 4 });
    expect(ok.body.updated[0]).not.toHaveProperty('completedAt');
  });

  it('validates the body as a whole: nothing is changed when it is refused', async () => {
    const api = await testApi();
    const one = [{ id: 'fu-binzhou-exchange', version: 1 }];
    const many = Array.from({ length: 501 }, (_, i) => ({ id: `fu-${i}`, version: 1 }));
    expectFieldErrors(await bulk(api, { items: [], changes: { status: 'done' } }), {
      items: 'tooSmall',
    });
    expectFieldErrors(await bulk(api, { items: many, changes: { status: 'done' } }), {
      items: 'tooMany',
    });
    expectFieldErrors(await bulk(api, { changes: { status: 'done' } }), { items: 'required' });
    expectFieldErrors(await bulk(api, { items: one }), { changes: 'required' });
    expectFieldErrors(await bulk(api, { items: one, changes: {} }), { changes: 'required' });
    expectFieldErrors(await bulk(api, { items: one, changes: { comment: 'Hanya komentar.' } }), {
      changes: 'required',
    });
    expectFieldErrors(
      await bulk(api, {
        items: one,
        changes: {
          status: 'finished',
          dueDate: '2025-02-30',
          ownerId: '',
          comment: longText(2_001),
        },
      }),
      {
        'changes.status': 'invalidOption',
        'changes.dueDate': 'invalidDate',
        'changes.ownerId': 'required',
        'changes.comment': 'tooLong',
      },
    );
    expectFieldErrors(
      await bulk(api, {
        items: one,
        changes: { status: 'done', priority: 'high', title: 'x' },
        all: true,
      }),
      { 'changes.priority': 'unknownField', 'changes.title': 'unknownField', all: 'unknownField' },
    );
    expectFieldErrors(
      await bulk(api, {
        items: [
          { id: 'fu-binzhou-exchange', version: 0 },
          { id: 'fu-binzhou-tourism', version: '1' },
          { id: 'fu-binzhou-msme', version: 1.5 },
          { id: 'fu-binzhou-forum' },
          { id: 'fu-binzhou-youth', version: 2, status: 'done' },
          { version: 1 },
        ],
        changes: { status: 'done' },
      }),
      {
        'items.0.version': 'tooSmall',
        'items.1.version': 'invalidType',
        'items.2.version': undefined,
        'items.3.version': 'required',
        'items.4.status': 'unknownField',
        'items.5.id': 'required',
      },
    );
    expectFieldErrors(
      await bulk(api, {
        items: [...one, { id: 'fu-binzhou-tourism', version: 1 }, ...one],
        changes: { status: 'done' },
      }),
      { 'items.2.id': 'duplicate' },
    );
    expectFieldErrors(await bulk(api, [one]), { '': 'invalidType' });
    expect((await api.store.snapshot())).toEqual(await (await testApi()).store.snapshot());
  });

  it('needs a known user (401), JSON (415) and well-formed JSON (400)', async () => {
    const api = await testApi();
    const body = {
      items: [{ id: 'fu-binzhou-exchange', version: 1 }],
      changes: { status: 'done' },
    };
    expectProblem(await bulk(api, body, { user: null }), 401, '/problems/unauthenticated');
    expectProblem(await bulk(api, body, { user: 'usr-ghost' }), 401, '/problems/unauthenticated');
    expectProblem(await bulk(api, '{"items":', {}), 400, '/problems/malformed-json');
    expectProblem(await bulk(api, 'items=1', { headers: { 'content-type': 'text/plain' } }), 415);
    expect((await api.store.snapshot())).toEqual(await (await testApi()).store.snapshot());
  });

  it('a retry with the same Idempotency-Key gets the first answer, not a wall of 412s', async () => {
    const api = await testApi();
    const headers = { 'idempotency-key': 'bulk-7f3a9c21' };
    const body = {
      items: await items(api, 'fu-binzhou-exchange', 'fu-binzhou-tourism'),
      changes: { status: 'done' },
    };
    const first = await bulk(api, body, { headers });
    const again = await bulk(api, body, { headers });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect((await stored(api, 'fu-binzhou-exchange')).version).toBe(2);
    // Without the key, the same request finds the items changed.
    const stale = await bulk(api, body);
    expect(stale.body.failed.map((f: any) => f.status)).toEqual([412, 412]);
  });

  it('is not mistaken for an item: /follow-ups/bulk is no follow-up id', async () => {
    const api = await testApi();
    expectProblem(await api.request('GET', '/follow-ups/bulk'), 404, '/problems/not-found');
    expect(demoSnapshot().followUps.some((f) => f.id === 'bulk')).toBe(false);
  });
});

describe('one change at a time (PATCH and bulk share one apply function)', () => {
  it('two PATCHes sent at once with the same version: one lands, the other gets 412, none is lost', async () => {
    const api = await testApi();
    const send = (priority: string) =>
      api.request('PATCH', '/follow-ups/fu-binzhou-exchange', {
        body: { priority },
        headers: ifMatch(1),
        user: IDS.officer2, // the item's owner
      });
    const [a, b] = await Promise.all([send('high'), send('low')]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const winner = a.status === 200 ? a : b;
    expect(await stored(api, 'fu-binzhou-exchange')).toEqual(winner.body);
    expect((await stored(api, 'fu-binzhou-exchange')).version).toBe(2);
  });

  it('a PATCH and a bulk change at once on the same version: exactly one of them lands', async () => {
    const api = await testApi();
    const [patched, bulked] = await Promise.all([
      api.request('PATCH', '/follow-ups/fu-binzhou-tourism', {
        body: { priority: 'high' },
        headers: ifMatch(1),
      }),
      bulk(api, { items: [{ id: 'fu-binzhou-tourism', version: 1 }], changes: { status: 'done' } }),
    ]);
    const landed = (patched.status === 200 ? 1 : 0) + bulked.body.updated.length;
    expect(landed).toBe(1);
    expect((await stored(api, 'fu-binzhou-tourism')).version).toBe(2);
  });
});
