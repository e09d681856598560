import type { Hono } from 'hono';
import type { User } from '../src/domain/user';
import { HOME_TIME_ZONE, todayIn } from '../src/domain/dates';
import { auditedStore } from './audit';
import type { Auth } from './auth/auth';
import { RouteRules } from './auth/rules';
import { problems } from './problem';
import type { Store } from './store';

export type ApiOptions = {
  store: Store;
  /** The clock, injectable so tests can fix "today". */
  now?: () => Date;
  /**
   * Sign-in with passwords and session cookies (`createAuth`, server/auth). Without it the API
   * runs in demo mode: the browser demo and most tests name their user in the x-mitra-user header.
   */
  auth?: Auth;
  /** The most rows one export may hold (default EXPORT_MAX_ROWS, server/routes/exports.ts). */
  exportMaxRows?: number;
};

export type ApiDeps = {
  store: Store;
  now: () => Date;
  today: () => string;
  /** The user making the request: 401 without a known, active one. */
  actor: (request: Request) => Promise<User>;
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
  const findUser = async (id: string) => options.store.users.get(id);
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
  return {
    // Every write goes through the audited store: routes cannot skip the audit trail.
    store: auditedStore(options.store, now),
    now,
    today: () => todayIn(HOME_TIME_ZONE, now()),
    actor(request) {
      let known = actors.get(request);
      if (!known) {
        known = lookUp(request);
        actors.set(request, known);
      }
      return known;
    },
    rules: new RouteRules(API_BASE),
    auth,
    exportMaxRows: options.exportMaxRows,
  };
}
