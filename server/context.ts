import type { Hono } from 'hono';
import type { User } from '../src/domain/user';
import { homeScope } from '../src/domain/home-governments';
import { HOME_TIME_ZONE, todayIn } from '../src/domain/dates';
import type { Auth } from './auth/auth';
import { RouteRules } from './auth/rules';
import { createVersionedCache, noCache, type VersionedCache } from './db/cache';
import type { Database } from './db/sqlite-dialect';
import { homeRegionIds, type HomeScope } from './db/scope';
import { createStore } from './db/store';
import { problems } from './problem';
import type { Store } from './store';

export type ApiOptions = {
  /** The database (server/db/engine.ts, or the demo's WebAssembly SQLite), migrated. */
  database: Database;
  /** The clock, injectable so tests can fix "today". */
  now?: () => Date;
  /**
   * Sign-in with passwords and session cookies (`createAuth`, server/auth). Without it the API
   * runs in demo mode: the browser demo and most tests name their user in the x-mitra-user header.
   */
  auth?: Auth;
  /** Keep read answers (stats, activity) until the data changes: on unless false. */
  readCache?: boolean;
  /** The most rows one export may hold (default EXPORT_MAX_ROWS, server/routes/exports.ts). */
  exportMaxRows?: number;
};

export type ApiDeps = {
  store: Store;
  now: () => Date;
  today: () => string;
  /** The user making the request: 401 without a known, active one. */
  actor: (request: Request) => Promise<User>;
  /**
   * The home governments this request covers (server/db/scope.ts): the actor's, narrowed to
   * `narrow` (a list's `homeRegionId`) when given; `undefined` for every one. In demo mode a
   * read that names no user covers every government (anyone may name any user there).
   */
  scope: (request: Request, narrow?: string) => Promise<HomeScope>;
  /** Read answers kept until the data changes anywhere (server/db/cache.ts): stats, activity. */
  cache: VersionedCache;
  /** What each write route requires; routes declare theirs as they register (deny by default). */
  rules: RouteRules;
  /** Present when sign-in is on. */
  auth: Auth | undefined;
  exportMaxRows: number | undefined;
};

export type ApiApp = Hono;

export const API_BASE = '/api';

/** In demo mode (no auth option), the demo names its user in this header. */
export const USER_HEADER = 'x-mitra-user';

export function createDeps(options: ApiOptions): ApiDeps {
  const now = options.now ?? (() => new Date());
  const { auth } = options;
  // One lookup per request, however many times a handler asks (a session is touched once).
  const actors = new WeakMap<Request, Promise<User>>();
  // Every write goes through the store's transactions, which record the audit trail.
  const store = createStore(options.database, now);
  const findUser = (id: string) => store.users.get(id);
  async function lookUp(request: Request): Promise<User> {
    let user: User | undefined;
    if (auth) {
      // Signed-in mode: only the session cookie counts; the demo header is ignored.
      user = await auth.sessionUser(request, findUser);
    } else {
      const id = request.headers.get(USER_HEADER);
      user = id ? await findUser(id) : undefined;
    }
    if (!user || !user.active) throw problems.unauthenticated();
    return user;
  }
  const actor = (request: Request): Promise<User> => {
    let known = actors.get(request);
    if (!known) {
      known = lookUp(request);
      actors.set(request, known);
    }
    return known;
  };
  return {
    store,
    now,
    today: () => todayIn(HOME_TIME_ZONE, now()),
    actor,
    async scope(request, narrow) {
      const anonymous = !auth && !request.headers.get(USER_HEADER);
      const scope = homeScope(anonymous ? undefined : await actor(request), narrow);
      if (scope === undefined || scope.length === 0) return scope;
      // Every home government there is (a one-office install): no condition to add to the SQL.
      const homes = await homeRegionIds(store.db);
      return homes.every((id) => scope.includes(id)) ? undefined : scope;
    },
    cache: options.readCache === false ? noCache : createVersionedCache(),
    rules: new RouteRules(API_BASE),
    auth,
    exportMaxRows: options.exportMaxRows,
  };
}
