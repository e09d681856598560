import { describe, expect, it } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import type { FollowUp } from '../../src/domain/follow-up';
import { testApi } from './helpers';
import { expectProblem, ifMatch, validFollowUpDraft, validMeeting } from './fixtures';

/**
 * Concurrency lives in the database (DESIGN.md, the data layer): ten requests at the same moment
 * on one version or one Idempotency-Key. On SQLite the writes queue for the write lock; on
 * PostgreSQL (the api-postgres project) they run at once on a pool of connections and the
 * conditional UPDATE on the version, and the key's unique row, decide.
 */
const PARALLEL = 10;
const ITEM = 'fu-binzhou-exchange'; // open, owned by officer2

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('ten writes at the same moment', () => {
  it('ten PATCHes of one follow-up on one version: exactly one 200, nine 412 with the winner as current', async () => {
    const api = await testApi();
    const before = (await api.store.followUps.get(ITEM))!;
    const auditBefore = await api.store.audit.count();
    const answers = await Promise.all(
      range(PARALLEL).map((i) =>
        api.request('PATCH', `/follow-ups/${ITEM}`, {
          body: { title: `Judul dari penyunting ${i}`, comment: `Suntingan ${i}` },
          headers: ifMatch(before.version),
          user: IDS.officer2,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(PARALLEL - 1);
    const winner = answers.find((a) => a.status === 200)!;
    const stored = (await api.store.followUps.get(ITEM))!;
    // The one change that won is stored, once: one version on, its events, one audit entry.
    expect(stored).toEqual(winner.body);
    expect(stored.version).toBe(before.version + 1);
    expect(stored.history.slice(before.history.length).map((e) => e.kind)).toEqual(['updated', 'comment']);
    expect(await api.store.audit.count()).toBe(auditBefore + 1);
    for (const lost of answers.filter((a) => a.status === 412)) {
      expectProblem(lost, 412, '/problems/stale-version');
      expect(lost.body.current).toEqual(stored);
    }
  });

  it('ten POST /meetings with one Idempotency-Key: one meeting, the nine others replay its answer', async () => {
    const api = await testApi();
    const meetings = await api.store.meetings.count();
    const followUps = await api.store.followUps.count();
    const body = validMeeting({ followUps: [validFollowUpDraft()], carriedFollowUpIds: [ITEM] });
    const headers = { 'idempotency-key': 'concurrent-visit-0001' };
    const answers = await Promise.all(range(PARALLEL).map(() => api.request('POST', '/meetings', { body, headers, user: IDS.staff })));
    expect(answers.map((a) => a.status)).toEqual(range(PARALLEL).map(() => 201));
    const first = answers.find((a) => a.headers.get('idempotent-replayed') === null)!;
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(PARALLEL - 1);
    for (const answer of answers) {
      expect(answer.body).toEqual(first.body);
      expect(answer.headers.get('location')).toBe(`/api/meetings/${first.body.id}`);
    }
    expect(await api.store.meetings.count()).toBe(meetings + 1);
    expect(await api.store.followUps.count()).toBe(followUps + 1);
    // The carried follow-up was linked once.
    const carried = (await api.store.followUps.get(ITEM))!;
    expect(carried.meetingIds.filter((id) => id === first.body.id)).toHaveLength(1);
    expect(carried.history.filter((e) => e.kind === 'discussed')).toHaveLength(1);
  });

  it('ten visits reporting progress on one follow-up from one version: one is saved, nine get 412 and save nothing', async () => {
    const api = await testApi();
    const before = (await api.store.followUps.get(ITEM))!;
    const meetings = await api.store.meetings.count();
    const followUps = await api.store.followUps.count();
    const answers = await Promise.all(
      range(PARALLEL).map((i) =>
        api.request('POST', '/meetings', {
          body: validMeeting({
            title: `Rapat ${i}`,
            followUps: [validFollowUpDraft({ title: `Tindak lanjut rapat ${i}` })],
            carriedFollowUpIds: [ITEM],
            carriedProgress: [{ id: ITEM, version: before.version, status: 'in-progress', comment: `Dibahas di rapat ${i}.` }],
          }),
          user: IDS.staff,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(PARALLEL - 1);
    const saved = answers.find((a) => a.status === 201)!;
    // Only the winner's meeting and follow-up exist; the item moved once, linked to that meeting alone.
    expect(await api.store.meetings.count()).toBe(meetings + 1);
    expect(await api.store.followUps.count()).toBe(followUps + 1);
    const after = (await api.store.followUps.get(ITEM)) as FollowUp;
    expect(after.meetingIds).toEqual([...before.meetingIds, saved.body.id]);
    expect(after.history.filter((e) => e.kind === 'status' && e.to === 'in-progress')).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status === 412)) {
      expectProblem(lost, 412, '/problems/stale-version');
      expect(lost.body.current.id).toBe(ITEM);
      expect(lost.body.detail).toContain('carriedProgress.0');
    }
  });
});
