import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, serverBuildStale } from '../../scripts/build-server.mjs';

/**
 * What `npm start` runs: the server built by esbuild (scripts/build-server.mjs) into plain
 * JavaScript, started with Node alone (no TypeScript loader), on a new SQLite file.
 * The build goes inside the repository (.tmp/), where its external packages (better-sqlite3,
 * pg) resolve from node_modules as they do from dist-server/.
 */
const outDir = `.tmp/built-server-${process.pid}`;
let work: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mitra-built-server-'));
  await buildServer(outDir);
}, 120_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  rmSync(outDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

/** Starts a server on port 0; resolves with its address and setup secret from the link it prints. */
function start(env: Record<string, string>, script = join(outDir, 'main.mjs')): Promise<{ base: string; secret: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], {
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const link = /Open (http:\/\/localhost:\d+)\/setup#([\w-]+)/.exec(log);
      if (link) resolve({ base: link[1]!.replace('localhost', '127.0.0.1'), secret: link[2]! });
    };
    children.push(child);
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the built server exited (${code}):\n${log}`)));
  });
}

/** A stand-in for the built SPA, newer than its sources (so `npm start` does not build it again). */
function newDist(name: string): string {
  const dist = join(work, name);
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Mitra built</title>');
  return dist;
}

describe('the built server (dist-server, what npm start runs)', () => {
  it('is one ES module plus chunks, with the native and on-demand packages left to node_modules', () => {
    const main = readFileSync(join(outDir, 'main.mjs'), 'utf8');
    expect(main).toMatch(/from\s*"better-sqlite3"/);
    // Hono and Kysely are inside: nothing else is imported from node_modules at start.
    expect(main).not.toMatch(/from\s*"(hono|kysely|zod)"/);
    expect(existsSync(join(outDir, 'main.mjs.map'))).toBe(true);
  });

  it('is current right after its build, and stale once a source is newer or the build is gone', () => {
    expect(serverBuildStale(outDir)).toBeUndefined();
    const main = join(outDir, 'main.mjs');
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(main, old, old);
    expect(serverBuildStale(outDir)).toMatch(/changed$/);
    utimesSync(main, new Date(), new Date());
    expect(serverBuildStale(outDir)).toBeUndefined();
    expect(serverBuildStale(`${outDir}-none`)).toBe('no build yet');
  });

  it('starts with Node alone on a new database: serves the SPA root, and its first run makes an administrator', async () => {
    const dist = newDist('dist');
    const { base, secret } = await start({ MITRA_DB: join(work, 'mitra.sqlite'), MITRA_DIST: dist });

    const root = await fetch(`${base}/`);
    expect(root.status).toBe(200);
    expect(await root.text()).toContain('<title>Mitra built</title>');
    expect(await (await fetch(`${base}/api/setup`)).json()).toEqual({ open: true });

    const setup = (password: string) =>
      fetch(`${base}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ secret, name: 'Admin Pertama', email: 'admin@example.org', password }),
      });
    // A guessable password: the password dictionary (a chunk of its own, loaded on demand) says so.
    const weak = await setup('passwordpassword');
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('password');
    const made = await setup('kebun kopi di lereng merapi');
    expect(made.status, await made.clone().text()).toBe(201);
    expect(made.headers.get('set-cookie')).toBeTruthy();
  }, 120_000);

  it('npm start (scripts/start.mjs, Node alone) builds the server when stale and prints the setup link', async () => {
    // No MITRA_* variable: a newcomer's first run (as tests/e2e/first-run.spec.ts, through the browser).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MITRA_')));
    const { base } = await start({ ...env, MITRA_DB: join(work, 'start.sqlite'), MITRA_DIST: newDist('start-dist') }, 'scripts/start.mjs');
    expect(await (await fetch(`${base}/`)).text()).toContain('<title>Mitra built</title>');
    expect(serverBuildStale('dist-server')).toBeUndefined();
  }, 180_000);
});
