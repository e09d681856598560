import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeApp } from '../../server/node/app';
import { createLane } from '../../server/node/lane';

const nextTurn = () => new Promise((done) => setImmediate(done));

describe('the slow lane', () => {
  it('lets a few through per event-loop turn, first come first served', async () => {
    const lane = createLane({ perTurn: 2, maxWaiting: 10 });
    const through: number[] = [];
    const all = Array.from({ length: 5 }, (_, i) => lane.enter()!.then(() => through.push(i)));
    expect(lane.waiting).toBe(5);
    expect(through).toEqual([]);
    await nextTurn();
    expect(through).toEqual([0, 1]);
    await nextTurn();
    expect(through).toEqual([0, 1, 2, 3]);
    await Promise.all(all);
    expect(through).toEqual([0, 1, 2, 3, 4]);
    expect(lane.waiting).toBe(0);
  });

  it('refuses at once when full, and takes again once it has room', async () => {
    const lane = createLane({ perTurn: 1, maxWaiting: 2 });
    const first = lane.enter();
    const second = lane.enter();
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    expect(lane.enter()).toBeUndefined();
    await first;
    expect(lane.enter()).toBeInstanceOf(Promise);
  });
});

describe('the Node app with its slow lane', () => {
  const dist = mkdtempSync(join(tmpdir(), 'mitra-lane-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mitra</title>');
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  /** An API that answers at once and notes the order requests reached it. */
  function appWith(lane?: { perTurn?: number; maxWaiting?: number }) {
    const reached: string[] = [];
    const app = createNodeApp({
      api: { fetch: (request) => (reached.push(`${request.method} ${new URL(request.url).pathname}`), Response.json({ ok: true })) },
      distDir: dist,
      ...(lane ? { lane } : {}),
    });
    return { app, reached };
  }
  const post = (app: ReturnType<typeof appWith>['app'], path: string) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const signIn = (app: ReturnType<typeof appWith>['app']) => post(app, '/api/auth/sign-in');

  it('serves a signed-in request sent after a burst of sign-ins before most of them', async () => {
    const { app, reached } = appWith();
    const burst = Array.from({ length: 60 }, () => signIn(app));
    // A request of the same shape (a JSON body, so the same body checks) that is not a sign-in.
    const write = post(app, '/api/follow-ups');
    const answers = await Promise.all([...burst, write]);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(reached).toHaveLength(61);
    // Without the lane it reached the API last, behind all 60.
    expect(reached.indexOf('POST /api/follow-ups')).toBeLessThan(10);
    expect(reached.filter((r) => r === 'POST /api/auth/sign-in')).toHaveLength(60);
  });

  it('sends first-run setup through the lane too', async () => {
    const { app, reached } = appWith();
    const setups = Array.from({ length: 20 }, () => post(app, '/api/setup'));
    const write = post(app, '/api/meetings');
    await Promise.all([...setups, write]);
    expect(reached.indexOf('POST /api/meetings')).toBeLessThan(10);
  });

  it('answers 503 with Retry-After, at once and without reaching the API, when the lane is full', async () => {
    const { app, reached } = appWith({ perTurn: 1, maxWaiting: 3 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => signIn(app)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 503, 503]);
    const refused = answers.find((a) => a.status === 503)!;
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(await refused.json()).toMatchObject({ type: '/problems/busy', status: 503 });
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reached).toHaveLength(3);
  });
});
