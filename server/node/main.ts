/**
 * The production server: `npm start` (or `tsx server/node/main.ts [--empty]`).
 *
 *   DATABASE_URL  postgres://user:password@host:port/database: run on PostgreSQL (migrations
 *               run at start; several processes may share it). Without it: SQLite, MITRA_DB.
 *   MITRA_DB_POOL connections per process on PostgreSQL (default 10)
 *   MITRA_READ_CACHE=0 no kept stats answers (benchmarks of the database alone)
 *   MITRA_WORKERS=N  N server processes sharing the port (node:cluster); the first process
 *               migrates, seeds and prints the setup link, then starts them and restarts any that
 *               dies. Meant for PostgreSQL; on SQLite they share the file and writes queue.
 *   MITRA_DB    the SQLite file (default ./data/mitra.sqlite; its folder is created)
 *   PORT        default 8080
 *   HOST        default 127.0.0.1: only this machine can connect. Put a TLS reverse proxy in
 *               front and keep it so, or set HOST=0.0.0.0 to listen on every interface.
 *   MITRA_EMPTY=1 or --empty   a new database starts with reference data only (sectors, the
 *               home region, the users), not the demo data. An existing database is never reseeded.
 *   MITRA_TRUST_PROXY=1        trust X-Forwarded-Proto from that proxy (for HSTS)
 *   MITRA_DIST  the built SPA (default ./dist)
 *   MITRA_WARM_UP=0 no warm-up after listening (server/node/warm-up.ts): measures a cold first request
 *   MITRA_ADMIN_EMAIL, MITRA_ADMIN_NAME, MITRA_ADMIN_PASSWORD   the first administrator (once)
 *   MITRA_SECURE_COOKIES=1     session cookie always Secure (implied by MITRA_TRUST_PROXY=1)
 *   MITRA_ORIGIN               the origin people open Mitra at, e.g. https://mitra.example.go.id
 *               (scheme, host and port; writes must come from it). Default: the listen address
 *               (on 127.0.0.1, http://localhost:PORT is accepted too).
 *   MITRA_ALLOWED_ORIGINS      extra public origins allowed to send writes (comma-separated)
 */
import cluster from 'node:cluster';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { adminSeedFromEnv, bootstrapAdmin } from '../auth/bootstrap';
import { needsSetup } from '../auth/setup';
import { clearSetupSecret, issueSetupSecret } from '../auth/setup-secret';
import { createMitraServer } from './server';
import { warmUp } from './warm-up';

const env = process.env;
const dbPath = resolve(env.MITRA_DB ?? './data/mitra.sqlite');
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? '127.0.0.1';
const empty = env.MITRA_EMPTY === '1' || process.argv.includes('--empty');
const trustProxy = env.MITRA_TRUST_PROXY === '1';
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0–65535, not ${env.PORT}`);
const workers = Number(env.MITRA_WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`MITRA_WORKERS must be 1–64, not ${env.MITRA_WORKERS}`);
/** A worker of MITRA_WORKERS: the primary has migrated, seeded and printed the setup link already. */
const isWorker = cluster.isWorker;

if (!env.DATABASE_URL) mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 });

/**
 * Writes must come from the public origin: MITRA_ORIGIN, or the listen address. On a loopback
 * address both names of this machine count (http://localhost:8080 and http://127.0.0.1:8080).
 * Listening on every interface with no MITRA_ORIGIN, the request's own origin is compared.
 */
const loopback = ['127.0.0.1', 'localhost', '::1'].includes(host);
const listenOrigin = host === '0.0.0.0' || host === '::' || port === 0 ? undefined : `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
const publicOrigin = env.MITRA_ORIGIN ?? listenOrigin;
const extraOrigins = [
  ...(env.MITRA_ALLOWED_ORIGINS ? env.MITRA_ALLOWED_ORIGINS.split(',').map((o) => o.trim()) : []),
  ...(!env.MITRA_ORIGIN && loopback ? [`http://localhost:${port}`, `http://127.0.0.1:${port}`] : []),
];
if (!publicOrigin) {
  console.warn(`Listening on every interface: set MITRA_ORIGIN to the address people open (e.g. https://mitra.example.go.id).`);
}
// Migrations run at open, in one transaction; sign-in and sessions live in the same database.
const databaseUrl = env.DATABASE_URL || undefined;
const poolSize = env.MITRA_DB_POOL ? Number(env.MITRA_DB_POOL) : undefined;
if (poolSize !== undefined && !(Number.isInteger(poolSize) && poolSize >= 1 && poolSize <= 200)) {
  throw new Error(`MITRA_DB_POOL must be 1–200, not ${env.MITRA_DB_POOL}`);
}
const where = databaseUrl ? `PostgreSQL ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}` : `database ${dbPath}`;
const mitra = await createMitraServer({
  dbPath,
  databaseUrl,
  ...(poolSize ? { poolSize } : {}),
  ...(env.MITRA_READ_CACHE === '0' ? { readCache: false } : {}),
  ...(empty ? { seed: 'empty' as const } : {}),
  distDir: env.MITRA_DIST ?? 'dist',
  trustProxy,
  // Behind a TLS-terminating proxy the request says http: mark cookies Secure anyway.
  ...(trustProxy || env.MITRA_SECURE_COOKIES === '1' ? { secureCookies: true } : {}),
  ...(publicOrigin ? { publicOrigin } : {}),
  ...(extraOrigins.length > 0 ? { allowedOrigins: extraOrigins } : {}),
});
const { close } = mitra;
const shownOrigin = (listenPort: number) =>
  env.MITRA_ORIGIN ?? `http://${loopback || host === '0.0.0.0' || host === '::' ? 'localhost' : host}:${listenPort}`;

let setupSecret: string | undefined;
if (!isWorker) {
  // The first administrator, from MITRA_ADMIN_EMAIL / _NAME / _PASSWORD (never a default password).
  const seed = adminSeedFromEnv(env);
  if (seed) {
    const result = await bootstrapAdmin(mitra.store, mitra.auth, seed);
    console.warn(result.created ? `Administrator ready: ${result.user.email}` : `An administrator exists already (${result.user.email}); MITRA_ADMIN_* ignored.`);
  }
  // The first run: no administrator can sign in yet. A new one-time secret at every start (the
  // one of the last start stops working); only its hash is stored, in this database, so every
  // worker process accepts it.
  setupSecret = (await needsSetup(mitra.database.db, mitra.auth)) ? await issueSetupSecret(mitra.auth.store) : undefined;
  if (!setupSecret) await clearSetupSecret(mitra.auth.store);
}

function announce(listenPort: number, processes: number): void {
  const shown = shownOrigin(listenPort);
  const count = processes > 1 ? `, ${processes} processes` : '';
  if (setupSecret) {
    // One line: the link carries the secret after '#', so it never reaches a server log or a Referer.
    console.warn(`Mitra is running. Open ${shown.replace(/\/$/, '')}/setup#${setupSecret} to make its first administrator (the link works once, for one hour; ${where}${count})`);
  } else {
    console.warn(`Mitra on ${shown} (${where}${count})`);
  }
}

let stopping = false;
if (workers > 1 && cluster.isPrimary) {
  // The primary only prepares the database and looks after the workers; they serve.
  await close();
  const start = () => cluster.fork();
  for (let i = 0; i < workers; i += 1) start();
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === workers) announce(port, workers);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    setTimeout(start, 1_000);
  });
  const stopAll = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.warn(`${signal}: closing ${workers} processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on('SIGINT', () => stopAll('SIGINT'));
  process.on('SIGTERM', () => stopAll('SIGTERM'));
} else {
  let warming: NodeJS.Timeout | undefined;
  const server = serve({ fetch: mitra.fetch, port, hostname: host }, (info) => {
    if (!isWorker) announce(info.port, 1);
    // A second on, once the first answers (the SPA's page) are out: a list is asked for only after it loads.
    if (env.MITRA_WARM_UP !== '0') warming = setTimeout(() => void warmUp(mitra.database), 1_000).unref();
  });

  function shutdown(signal: string): void {
    if (stopping) return;
    stopping = true;
    clearTimeout(warming);
    if (!isWorker) console.warn(`${signal}: closing`);
    // Stop taking connections, let requests in flight finish, then close the database.
    server.close(() => {
      void close().finally(() => process.exit(0));
    });
    // Keep-alive connections would hold close() open: end idle ones now, and give up after 10 s.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    setTimeout(() => {
      void close().finally(() => process.exit(0));
    }, 10_000).unref();
  }
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
