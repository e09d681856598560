import { createApi } from '../app';
import { createAuth, type Auth } from '../auth/auth';
import { createDbAuthStore } from '../auth/db-store';
import { needsSetup } from '../auth/setup';
import { openMitraDatabase } from '../db/open';
import { createStore } from '../db/store';
import type { Database } from '../db/engine';
import { demoSeed, emptySnapshot } from '../seed/seeds';
import type { Snapshot, Store } from '../store';
import { clientAddress, createNodeApp } from './app';

export type MitraServerOptions = {
  /** The SQLite file (':memory:' in tests); unused when `databaseUrl` is set. */
  dbPath: string;
  /** postgres://… (DATABASE_URL): run on PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
  /** Connections per process on PostgreSQL (MITRA_DB_POOL, default 10). */
  poolSize?: number;
  /** What a new database starts with: the demo data (default), 'empty' (reference data only), or a data set (benchmarks). */
  seed?: 'demo' | 'empty' | (() => Snapshot);
  distDir: string;
  trustProxy?: boolean;
  /** Cookies marked Secure: always (behind a TLS proxy), or per request when unset. */
  secureCookies?: boolean;
  /** The origin people open Mitra at (scheme, host, port): a write's Origin must be this one. */
  publicOrigin?: string;
  /** Further origins allowed to send writes. */
  allowedOrigins?: readonly string[];
  now?: () => Date;
  /** Keep stats and activity answers until the data changes (default on; MITRA_READ_CACHE=0 turns it off). */
  readCache?: boolean;
};

export type MitraServer = {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** The store (writes through it are audited as 'system' unless given an actor). */
  store: Store;
  database: Database;
  auth: Auth;
  close(): Promise<void>;
};

/**
 * What `npm start` runs, as one function: the SQLite store (migrations at open), sign-in and
 * sessions over the same database, the API with them, and the Node app serving the API and the
 * built SPA with the security headers.
 */
export async function createMitraServer(options: MitraServerOptions): Promise<MitraServer> {
  const database = await openMitraDatabase({
    url: options.databaseUrl,
    sqlitePath: options.dbPath,
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    seed: typeof options.seed === 'function' ? options.seed : options.seed === 'empty' ? emptySnapshot : demoSeed,
  });
  try {
    const now = options.now ?? (() => new Date());
    const store = createStore(database, now);
    const auth = createAuth({
      store: createDbAuthStore(database),
      clientIp: clientAddress,
      ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const api = createApi({ database, auth, ...(options.now ? { now: options.now } : {}), ...(options.readCache === false ? { readCache: false } : {}) });
    const app = createNodeApp({
      api,
      distDir: options.distDir,
      trustProxy: options.trustProxy ?? false,
      setupOpen: () => needsSetup(database.db, auth),
    });
    return { fetch: (request, env) => app.fetch(request, env), store, database, auth, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
