import { createApi } from '../app';
import { createAuth, type Auth } from '../auth/auth';
import { createDbAuthStore } from '../auth/db-store';
import { openSqlite } from '../db/engine';
import { openSqliteStore, type OpenSqliteStoreOptions } from '../sqlite/store';
import type { Store } from '../store';
import { needsSetup } from '../auth/setup';
import { clientAddress, createNodeApp } from './app';

export type MitraServerOptions = {
  /** The SQLite file (':memory:' in tests). */
  dbPath: string;
  seed?: OpenSqliteStoreOptions['seed'];
  distDir: string;
  trustProxy?: boolean;
  /** Cookies marked Secure: always (behind a TLS proxy), or per request when unset. */
  secureCookies?: boolean;
  /** The origin people open Mitra at (scheme, host, port): a write's Origin must be this one. */
  publicOrigin?: string;
  /** Further origins allowed to send writes. */
  allowedOrigins?: readonly string[];
  now?: () => Date;
};

export type MitraServer = {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
  /** The storage store (writes through it are not audited: use it for maintenance only). */
  store: Store;
  auth: Auth;
  close(): void;
};

/**
 * What `npm start` runs, as one function: the SQLite store (migrations at open), sign-in and
 * sessions over the same database, the API with them, and the Node app serving the API and the
 * built SPA with the security headers.
 */
export function createMitraServer(options: MitraServerOptions): MitraServer {
  const { store, db, close } = openSqliteStore(options.dbPath, options.seed ? { seed: options.seed } : {});
  try {
    // Sign-in's tables are in the same file, reached through the SQL data layer (server/db).
    const database = openSqlite({ path: options.dbPath, handle: db });
    const auth = createAuth({
      store: createDbAuthStore(database),
      clientIp: clientAddress,
      ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
      ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
      ...(options.publicOrigin ? { publicOrigin: options.publicOrigin } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    const api = createApi({ store, auth, ...(options.now ? { now: options.now } : {}) });
    const app = createNodeApp({
      api,
      distDir: options.distDir,
      trustProxy: options.trustProxy ?? false,
      setupOpen: () => needsSetup(store.users.all(), auth),
    });
    return { fetch: (request, env) => app.fetch(request, env), store, auth, close };
  } catch (error) {
    close();
    throw error;
  }
}
