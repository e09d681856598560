import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, THROTTLE } from '../../server/auth/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { issueSetupSecret, useSetupSecret } from '../../server/auth/setup-secret';
import type { Database } from '../../server/db/engine';
import type { User } from '../../src/domain/user';
import { ENGINE, engineAvailable, openTestDatabase, WASM } from './harness';

/**
 * Sign-in's store (server/auth/db-store.ts) on each engine: what server/auth/auth.ts relies on.
 * On PostgreSQL the parallel cases go half through a second pool on the same database, as a
 * second server process would.
 */
let open: Database[] = [];
afterEach(async () => {
  for (const database of open.reverse()) await database.close();
  open = [];
});

// Instants as the server writes them: milliseconds since the epoch, beyond 32 bits.
const T = Date.UTC(2025, 10, 1, 3, 0, 0);
const MINUTE = 60_000;

async function fresh(options: { shared?: boolean; poolSize?: number } = {}) {
  const database = await openTestDatabase(options);
  open.push(database);
  // Another process on the same database (PostgreSQL only: two SQLite handles in one thread would
  // block each other's synchronous busy wait; SQLite's processes are tested in processes.test.ts).
  const other = ENGINE === 'postgres' ? database.openAnother() : database;
  if (other !== database) open.push(other);
  return { database, one: createDbAuthStore(database), two: createDbAuthStore(other) };
}

describe.runIf(engineAvailable)(`the auth store on ${ENGINE}${WASM ? ' (WebAssembly)' : ''}`, () => {
  it('keeps one password hash per user, replaced by the next', async () => {
    const { one } = await fresh();
    expect(await one.getPasswordHash('usr-1')).toBeUndefined();
    await one.setPasswordHash('usr-1', '$scrypt$first');
    await one.setPasswordHash('usr-2', '$scrypt$other');
    await one.setPasswordHash('usr-1', '$scrypt$second');
    expect(await one.getPasswordHash('usr-1')).toBe('$scrypt$second');
    expect(await one.getPasswordHash('usr-2')).toBe('$scrypt$other');
  });

  it('keeps sessions: created, read, touched (never backwards), ended one by one, per user, when expired, all at once', async () => {
    const { one, two } = await fresh();
    await one.createSession({ idHash: 'a', userId: 'usr-1', createdAt: T, lastSeenAt: T });
    await one.createSession({ idHash: 'b', userId: 'usr-1', createdAt: T, lastSeenAt: T });
    await one.createSession({ idHash: 'c', userId: 'usr-2', createdAt: T - 13 * 60 * MINUTE, lastSeenAt: T });
    await one.createSession({ idHash: 'd', userId: 'usr-3', createdAt: T - 40 * MINUTE, lastSeenAt: T - 40 * MINUTE });
    // Read through another process.
    expect(await two.getSession('a')).toEqual({ idHash: 'a', userId: 'usr-1', createdAt: T, lastSeenAt: T });
    expect(await two.getSession('nope')).toBeUndefined();
    await two.touchSession('a', T + 5 * MINUTE);
    await one.touchSession('a', T + 2 * MINUTE); // an older request answered later
    expect((await one.getSession('a'))?.lastSeenAt).toBe(T + 5 * MINUTE);

    // Idle since before T - 30 min, or created before T - 12 h.
    await one.deleteExpiredSessions(T - 30 * MINUTE, T - 12 * 60 * MINUTE);
    expect(await one.getSession('c')).toBeUndefined();
    expect(await one.getSession('d')).toBeUndefined();
    expect(await one.getSession('b')).toBeDefined();

    await one.deleteSession('b');
    expect(await two.getSession('b')).toBeUndefined();
    await one.createSession({ idHash: 'e', userId: 'usr-2', createdAt: T, lastSeenAt: T });
    await two.deleteUserSessions('usr-1');
    expect(await one.getSession('a')).toBeUndefined();
    expect(await one.getSession('e')).toBeDefined();
    await two.deleteAllSessions();
    expect(await one.getSession('e')).toBeUndefined();
  });

  it('counts failures by key; takes one back, drops a counter at zero, clears and sweeps cold ones', async () => {
    const { one, two } = await fresh();
    expect(await one.recordFailure('pair:10.0.0.1|a@example.org', T)).toEqual({ count: 1, lastAt: T });
    expect(await two.recordFailure('pair:10.0.0.1|a@example.org', T + 1_000)).toEqual({ count: 2, lastAt: T + 1_000 });
    await one.recordFailure('ip:10.0.0.1', T - 40 * MINUTE);
    const read = await two.getFailures(['pair:10.0.0.1|a@example.org', 'ip:10.0.0.1', 'account:nobody']);
    expect(Object.fromEntries(read)).toEqual({
      'pair:10.0.0.1|a@example.org': { count: 2, lastAt: T + 1_000 },
      'ip:10.0.0.1': { count: 1, lastAt: T - 40 * MINUTE },
    });
    expect(await one.getFailures([])).toEqual(new Map());

    await one.undoFailure('pair:10.0.0.1|a@example.org');
    expect((await one.getFailures(['pair:10.0.0.1|a@example.org'])).get('pair:10.0.0.1|a@example.org')?.count).toBe(1);
    await one.undoFailure('pair:10.0.0.1|a@example.org');
    expect(await one.getFailures(['pair:10.0.0.1|a@example.org'])).toEqual(new Map());
    await one.undoFailure('pair:10.0.0.1|a@example.org'); // nothing to take back: nothing happens
    expect(await one.getFailures(['pair:10.0.0.1|a@example.org'])).toEqual(new Map());

    await one.recordFailure('account:a@example.org', T);
    expect(await two.clearFailures('account:a@example.org')).toBe(true);
    expect(await two.clearFailures('account:a@example.org')).toBe(false);

    await one.recordFailure('account:b@example.org', T);
    await one.deleteFailuresBefore(T - 30 * MINUTE);
    expect([...(await one.getFailures(['ip:10.0.0.1', 'account:b@example.org'])).keys()]).toEqual(['account:b@example.org']);
  });

  it('counts 20 parallel failures of one key 20 times, each attempt seeing its own count', async () => {
    const { one, two } = await fresh({ poolSize: 10 });
    const key = 'pair:192.0.2.50|admin@example.org';
    const counts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? two : one).recordFailure(key, T + i)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await one.getFailures([key])).get(key)?.count).toBe(20);
    // Taking back in parallel is as exact.
    await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? two : one).undoFailure(key)));
    expect((await one.getFailures([key])).get(key)?.count).toBe(5);
  });

  it('keeps small settings in meta: set, replaced, removed; made once when two processes make one at once', async () => {
    const { database, one, two } = await fresh({ poolSize: 10 });
    expect(await one.getSetting('device-key')).toBeUndefined();
    await one.setSetting('note', 'first');
    await two.setSetting('note', 'second');
    expect(await one.getSetting('note')).toBe('second');
    await one.setSetting('note', undefined);
    expect(await two.getSetting('note')).toBeUndefined();

    const made = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? two : one).ensureSetting('device-key', `key-${i}`)));
    expect(new Set(made).size).toBe(1);
    expect(await one.ensureSetting('device-key', 'another')).toBe(made[0]);
    const rows = await database.db.selectFrom('meta').select('key').where('key', 'like', 'auth:%').execute();
    expect(rows).toEqual([{ key: 'auth:device-key' }]);

    // Taken only by the one caller that saw the value, and only while it is unchanged.
    await one.setSetting('token', 'v1');
    expect(await one.takeSetting('token', 'v0')).toBe(false);
    const taken = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? two : one).takeSetting('token', 'v1')));
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await one.getSetting('token')).toBeUndefined();
  });

  it('uses a setup secret up once, however many requests bring it at once', async () => {
    const { one, two } = await fresh({ poolSize: 10 });
    const secret = await issueSetupSecret(one, new Date(T));
    const used = await Promise.all(Array.from({ length: 10 }, (_, i) => useSetupSecret(i % 2 ? two : one, secret, T + 1_000)));
    expect(used.filter(Boolean)).toHaveLength(1);
    expect(await useSetupSecret(one, secret, T + 2_000)).toBe(false);
  });

  it(`sign-in through two processes: 40 parallel wrong passwords for one account from one address are checked at most ${THROTTLE.account} times`, async () => {
    const { one, two } = await fresh({ poolSize: 10 });
    const user: User = {
      id: 'usr-admin',
      name: 'Admin',
      email: 'admin@example.org',
      role: 'admin',
      active: true,
      homeRegionIds: [],
      version: 1,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const options = { now: () => new Date(T), passwordCost: 10, maxConcurrentHashes: 40, clientIp: () => '192.0.2.50' };
    const [a, b] = [createAuth({ ...options, store: one }), createAuth({ ...options, store: two })];
    await a.setPassword(user.id, 'kuda benar baterai staples');
    const find = async (email: string) => (email === user.email ? user : undefined);
    const request = () => new Request('http://mitra.test/api/auth/sign-in', { method: 'POST' });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? b : a).signIn(request(), find, user.email, `wrong ${i}`)));
    const checked = results.filter((r) => !r.ok && r.retryAfterSeconds === undefined);
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(THROTTLE.account);
    for (const r of results.filter((x) => !x.ok && x.retryAfterSeconds !== undefined)) expect(r).toMatchObject({ ok: false });
    // Every attempt that was checked is counted, and no refused one.
    const counts = await one.getFailures([`pair:192.0.2.50|${user.email}`, `account:${user.email}`]);
    expect(counts.get(`pair:192.0.2.50|${user.email}`)?.count).toBe(checked.length);
    expect(counts.get(`account:${user.email}`)?.count).toBe(checked.length);
    expect((await b.signIn(request(), find, user.email, 'kuda benar baterai staples')).ok).toBe(false);
  });
});
