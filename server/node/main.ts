/**
 * The production server: `npm start` (or `tsx server/node/main.ts [--empty]`).
 *
 *   MITRA_DB    the SQLite file (default ./data/mitra.sqlite; its folder is created)
 *   PORT        default 8080
 *   HOST        default 127.0.0.1: only this machine can connect. Put a TLS reverse proxy in
 *               front and keep it so, or set HOST=0.0.0.0 to listen on every interface.
 *   MITRA_EMPTY=1 or --empty   a new database starts with reference data only (sectors, the
 *               home region, the users), not the demo data. An existing database is never reseeded.
 *   MITRA_TRUST_PROXY=1        trust X-Forwarded-Proto from that proxy (for HSTS)
 *   MITRA_DIST  the built SPA (default ./dist)
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApi } from '../app';
import { openSqliteStore } from '../sqlite/store';
import { createNodeApp } from './app';

const env = process.env;
const dbPath = resolve(env.MITRA_DB ?? './data/mitra.sqlite');
const port = Number(env.PORT ?? 8080);
const host = env.HOST ?? '127.0.0.1';
const empty = env.MITRA_EMPTY === '1' || process.argv.includes('--empty');
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be 0–65535, not ${env.PORT}`);

mkdirSync(dirname(dbPath), { recursive: true });
// Migrations run here, at open, in one transaction.
const { store, close } = openSqliteStore(dbPath, empty ? { seed: 'empty' } : {});

// auth is wired here: once server/auth lands, create it over the same database and pass it on:
//   const auth = createAuth({ store: createSqliteAuthStore(db), clientIp: clientAddress, … });
//   const api = createApi({ store, auth });
// (db from openSqliteStore above; clientAddress from ./app.) Until then the API runs in demo
// mode: requests name their user in the x-mitra-user header.
const api = createApi({ store });

const app = createNodeApp({ api, distDir: env.MITRA_DIST ?? 'dist', trustProxy: env.MITRA_TRUST_PROXY === '1' });

const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
  console.warn(`Mitra on http://${host === '0.0.0.0' ? 'localhost' : host}:${info.port} (database ${dbPath})`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.warn(`${signal}: closing`);
  // Stop taking connections, let requests in flight finish, then close the database.
  server.close(() => {
    close();
    process.exit(0);
  });
  // Keep-alive connections would hold close() open: end idle ones now, and give up after 10 s.
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  setTimeout(() => {
    close();
    process.exit(0);
  }, 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
