import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createAuth, THROTTLE } from '../../server/auth/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import type { Database } from '../../server/db/engine';
import type { User } from '../../src/domain/user';
import { ENGINE, engineAvailable, openTestDatabase, WASM } from './harness';

let open: Database[] = [];
afterEach(async () => {
  for (const database of open.reverse()) await database.close();
  open = [];
});

type Seen = { session: string | null; checked: number; throttled: number };

/** A child process signing in over the database (tests/db/auth-process-child.ts). */
function child(args: string[]) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', 'tests/db/auth-process-child.ts', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const ready = new Promise<void>((resolve) =>
    process_.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    }),
  );
  const done = new Promise<Seen>((resolve, reject) =>
    process_.on('close', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as Seen);
      else reject(new Error(`the child printed: ${out}`));
    }),
  );
  return { ready, done, go: () => process_.stdin.end('go\n') };
}

describe.runIf(engineAvailable && !WASM)(`sign-in across processes on one ${ENGINE} database`, () => {
  it(`shares sessions, and of 100 wrong passwords sent at once through four processes checks at most ${THROTTLE.account}`, async () => {
    const database = await openTestDatabase({ shared: true });
    open.push(database);
    const at = Date.UTC(2025, 10, 1, 3);
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
    // A session started here, in "the first process".
    const auth = createAuth({ store: createDbAuthStore(database), now: () => new Date(at), passwordCost: 10 });
    const cookies = await auth.startSession(new Request('http://mitra.test/api/auth/sign-in', { method: 'POST' }), user);
    const cookie = cookies[0]!.split(';')[0]!;

    const children = Array.from({ length: 4 }, () => child([database.target, JSON.stringify(user), cookie, String(at)]));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const seen = await Promise.all(children.map((c) => c.done));

    expect(seen.map((s) => s.session)).toEqual([user.id, user.id, user.id, user.id]);
    const checked = seen.reduce((n, s) => n + s.checked, 0);
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(THROTTLE.account);
    expect(seen.reduce((n, s) => n + s.checked + s.throttled, 0)).toBe(100);
    // Counted once each, in the database every process shares.
    const pair = `pair:192.0.2.50|${user.email}`;
    expect((await createDbAuthStore(database).getFailures([pair])).get(pair)?.count).toBe(checked);
  }, 60_000);
});
