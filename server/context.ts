import type { Hono } from 'hono';
import type { User } from '../src/domain/user';
import { HOME_TIME_ZONE, todayIn } from '../src/domain/dates';
import { auditedStore } from './audit';
import { problems } from './problem';
import type { Store } from './store';

export type ApiOptions = {
  store: Store;
  /** The clock, injectable so tests can fix "today". */
  now?: () => Date;
};

export type ApiDeps = {
  store: Store;
  now: () => Date;
  today: () => string;
  /** The user making the request; writes without one get 401. */
  actor: (request: Request) => User;
};

export type ApiApp = Hono;

/** Until sign-in lands (a later issue), the demo names its user in this header. */
export const USER_HEADER = 'x-mitra-user';

export function createDeps(options: ApiOptions): ApiDeps {
  const now = options.now ?? (() => new Date());
  return {
    // Every write goes through the audited store: routes cannot skip the audit trail.
    store: auditedStore(options.store, now),
    now,
    today: () => todayIn(HOME_TIME_ZONE, now()),
    actor(request) {
      const id = request.headers.get(USER_HEADER);
      const user = id ? options.store.users.get(id) : undefined;
      if (!user || !user.active) throw problems.unauthenticated();
      return user;
    },
  };
}
