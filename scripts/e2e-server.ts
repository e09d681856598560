/**
 * FOR THE END-TO-END SUITE ONLY — never for production, never wired into `npm start`.
 *
 * Playwright's `server` project runs every journey against what `npm start` runs: the built SPA
 * in dist/ served by `createMitraServer` (SQLite store, sign-in and sessions, the API, the Node
 * app with its security headers). One server is shared by all the tests of that project, and the
 * tests change data (they log visits, move stages, close follow-ups), yet each one expects the
 * demo data. So this script adds one route that `server/node/main.ts` does not have:
 *
 *   POST /__e2e/reset   a fresh copy of the demo database replaces the current one (204)
 *
 * At start it builds a template database once — the demo data, and every demo user given the
 * password in MITRA_E2E_PASSWORD through the server's own auth (`auth.setPassword`, scrypt) — in
 * a new temporary folder; a reset copies that file (a millisecond, against half a second of
 * scrypt per user), opens the copy with a new `createMitraServer`, and closes the previous
 * database once the requests it is answering are done.
 * Every other request goes to the current server unchanged (with the Node bindings, so sign-in
 * throttling still sees the client's address). The folder is removed on exit.
 *
 *   MITRA_E2E_PASSWORD   required: the demo users' password (15–128 characters)
 *   PORT                 default 4174
 *   HOST                 default 127.0.0.1
 *   MITRA_DIST           the built SPA (default ./dist; built first when missing or stale)
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createMitraServer, type MitraServer } from '../server/node/server';
import { buildAppIfStale } from './build-app.mjs';

const env = process.env;
const password = env.MITRA_E2E_PASSWORD;
if (!password) {
  console.error('MITRA_E2E_PASSWORD is required: the password every demo user signs in with (15–128 characters).');
  process.exit(1);
}
const port = Number(env.PORT ?? 4174);
const host = env.HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0–65535, not ${env.PORT}`);
const distDir = env.MITRA_DIST ?? 'dist';

buildAppIfStale(distDir);

const PREFIX = 'mitra-e2e-';
removeAbandonedFolders();
// The process id in the name lets a later run remove a folder whose process was killed outright.
const dir = mkdtempSync(join(tmpdir(), `${PREFIX}${process.pid}-`));
const templatePath = join(dir, 'template.sqlite');

let current: MitraServer | undefined;
let currentPath: string | undefined;
let generation = 0;
let cleanedUp = false;

function cleanUp(): void {
  if (cleanedUp) return;
  cleanedUp = true;
  try {
    void current?.close();
  } catch {
    // Already closed: nothing to do.
  }
  rmSync(dir, { recursive: true, force: true });
}
process.on('exit', cleanUp);

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Requests each database is answering now: it is closed only once they are done. */
const inFlight = new Map<MitraServer, number>();
const retired = new Map<MitraServer, string>();

async function closeIfIdle(server: MitraServer): Promise<void> {
  const path = retired.get(server);
  if (path === undefined || (inFlight.get(server) ?? 0) > 0) return;
  retired.delete(server);
  inFlight.delete(server);
  await server.close();
  removeDatabase(path);
}

async function answer(server: MitraServer, request: Request, bindings: unknown): Promise<Response> {
  inFlight.set(server, (inFlight.get(server) ?? 0) + 1);
  try {
    return await server.fetch(request, bindings);
  } finally {
    inFlight.set(server, (inFlight.get(server) ?? 1) - 1);
    await closeIfIdle(server);
  }
}

/**
 * Opens a fresh copy of the template; the previous database is closed and deleted once the
 * requests it is answering are done (a page of the previous test may still be talking to it, and
 * closing it under them answered 500). Resets run one after another.
 */
let resetting: Promise<void> = Promise.resolve();
function reset(): Promise<void> {
  const run = resetting.then(async () => {
    generation += 1;
    const path = join(dir, `db-${generation}.sqlite`);
    copyFileSync(templatePath, path);
    const previous = current;
    const previousPath = currentPath;
    current = await createMitraServer({ dbPath: path, distDir });
    currentPath = path;
    if (previous && previousPath) {
      retired.set(previous, previousPath);
      await closeIfIdle(previous);
    }
  });
  resetting = run.catch(() => undefined);
  return run;
}

try {
  // The template: the demo data (the default seed of a new database), every user with the password.
  const template = await createMitraServer({ dbPath: templatePath, distDir });
  try {
    const users = await template.database.db.selectFrom('users').select('id').execute();
    for (const user of users) await template.auth.setPassword(user.id, password);
  } finally {
    await template.close();
  }
  // Closing the last connection checkpoints the WAL into the file: the template is one file.
  if (existsSync(`${templatePath}-wal`)) throw new Error('The template database still has a WAL file after closing.');
  await reset();
} catch (error) {
  cleanUp();
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = serve(
  {
    fetch: async (request: Request, bindings: unknown) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/__e2e/reset') {
        if (request.method !== 'POST') return new Response(null, { status: 405, headers: { allow: 'POST' } });
        await reset();
        return new Response(null, { status: 204 });
      }
      if (!current) return new Response('Not ready', { status: 503 });
      return answer(current, request, bindings);
    },
    port,
    hostname: host,
  },
  (info) => {
    console.warn(`Mitra for the e2e suite on http://${host}:${info.port} (demo data, reset by POST /__e2e/reset; ${dir})`);
  },
);

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.warn(`${signal}: closing the e2e server`);
  server.close(() => process.exit(0));
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  setTimeout(() => process.exit(0), 2_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

/** Folders of earlier runs whose process is gone (killed before it could clean up). */
function removeAbandonedFolders(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(/^mitra-e2e-(\d+)-/.exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
