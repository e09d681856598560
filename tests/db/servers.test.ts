import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../server/seed/demo-data';
import { writeSnapshot } from '../../server/db/snapshot';
import { ENGINE, engineAvailable, openTestDatabase, WASM } from './harness';

const PASSWORD = 'dua proses satu basis data';
let children: ChildProcess[] = [];
let dirs: string[] = [];
let closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once('exit', r)) : undefined)));
  children = [];
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
  for (const close of closing) await close();
  closing = [];
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `npm start`'s server (server/node/main.ts) as its own process on the database; resolves when it answers. */
async function startServer(env: Record<string, string>, dist: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/node/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', MITRA_DIST: dist, MITRA_ADMIN_EMAIL: 'admin@example.org', MITRA_ADMIN_NAME: 'Admin', MITRA_ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) throw new Error(`the server exited: ${log}`);
    try {
      if ((await fetch(`${base}/api/setup`)).status > 0) return base;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${base}: ${log}`);
}

describe.runIf(engineAvailable && !WASM)(`two server processes on one ${ENGINE} database`, () => {
  it('sign in through one, write through the other, read it back through the first; a stale write gets 412', async () => {
    const database = await openTestDatabase({ shared: true });
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    // Closed (and, on PostgreSQL, dropped) once the servers have stopped.
    closing.push(() => database.close());
    const dist = mkdtempSync(join(tmpdir(), 'mitra-dist-'));
    dirs.push(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mitra</title>');
    const env: Record<string, string> = ENGINE === 'postgres' ? { DATABASE_URL: database.target } : { MITRA_DB: database.target };
    // One after the other: the first makes the administrator; the second finds it there.
    const one = await startServer(env, dist);
    const two = await startServer(env, dist);

    // A session made by one process is honoured by the other: sessions live in the database.
    const signIn = await fetch(`${one}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: one },
      body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
    });
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const as = (base: string) => ({ cookie, origin: base });

    // Sectors are the administrator's to change.
    const path = `/api/sectors/${demoSnapshot().sectors[0]!.id}`;
    const read = async (base: string) => {
      const response = await fetch(base + path, { headers: as(base) });
      expect(response.status).toBe(200);
      return (await response.json()) as { color: string; version: number };
    };
    const before = await read(one);
    expect((await read(two)).version).toBe(before.version);

    const patch = (base: string, version: number, color: string) =>
      fetch(base + path, {
        method: 'PATCH',
        headers: { ...as(base), 'content-type': 'application/json', 'if-match': `"${version}"` },
        body: JSON.stringify({ color }),
      });
    const written = await patch(two, before.version, '#123456');
    expect(written.status).toBe(200);
    // Seen through the first at once: nothing is kept in a process's memory.
    expect(await read(one)).toMatchObject({ color: '#123456', version: before.version + 1 });
    // The first still holds the old version: its write is refused, with the current item.
    const stale = await patch(one, before.version, '#654321');
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { current: { color: string } }).current.color).toBe('#123456');
    // The figures of both agree (any kept answer follows the database's data version).
    const kpis = await Promise.all([one, two].map(async (base) => (await fetch(`${base}/api/stats/kpis`, { headers: as(base) })).json()));
    expect(kpis[0]).toEqual(kpis[1]);
  }, 120_000);
});
