import { createHash, randomBytes } from 'node:crypto';
import type { User } from '../../src/domain/user';
import { problems } from '../problem';
import type { Collection } from '../store';
import { dummyHash, hashPassword, passwordError, SCRYPT, verifyPassword } from './password';
import { authProblems } from './problems';
import type { AuthStore } from './store';

export const SESSION_COOKIE = 'mitra_session';

export type AuthOptions = {
  store: AuthStore;
  now?: () => Date;
  /**
   * Secure cookies: true always, false never; unset: when the request came over HTTPS. Behind
   * a TLS-terminating proxy the request URL says http, so production sets this to true.
   */
  secureCookies?: boolean;
  /** The client's address (the Node server knows it; a Request does not). */
  clientIp?: (request: Request) => string;
  /** A session ends after this long without a request (default 30 minutes)... */
  idleMinutes?: number;
  /** ...and this long after sign-in, however busy (default 12 hours). */
  absoluteHours?: number;
  /**
   * scrypt's cost as log2 N for new hashes (default SCRYPT.ln = 15). Only tests lower it, to
   * stay fast; stored hashes carry their own cost, so verifying never depends on it.
   */
  passwordCost?: number;
  /** Hosts besides the request's own that may send writes (a reverse proxy's public name). */
  allowedOrigins?: readonly string[];
};

/** Failed sign-ins allowed before waiting starts, per account and per address (an office NAT). */
export const THROTTLE = { account: 5, ip: 20, baseSeconds: 1, maxSeconds: 15 * 60 } as const;

export type SignInResult =
  | { ok: true; user: User; cookie: string }
  | { ok: false; retryAfterSeconds?: number };

export type Auth = {
  readonly store: AuthStore;
  /** The signed-in user of a request, or undefined (no, unknown, expired session; disabled user). */
  sessionUser(request: Request, users: Collection<User>): User | undefined;
  signIn(request: Request, users: Collection<User>, email: string, password: string): Promise<SignInResult>;
  /** Ends the request's session; returns the cookie that clears it. */
  signOut(request: Request): string;
  /** 403 when a write comes from another site (CSRF); reads pass. */
  checkOrigin(request: Request): void;
  /** Validates and stores a new password; ends every session of the user. */
  setPassword(userId: string, password: string, path?: string): Promise<void>;
  hasPassword(userId: string): boolean;
  endSessions(userId: string): void;
};

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

function cookieValue(request: Request, name: string): string | undefined {
  const header = request.headers.get('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Throws a 400 naming the password field when a new password breaks the length rules. */
export function checkNewPassword(password: string, path = 'password'): void {
  const error = passwordError(password, path);
  if (error) throw problems.validation([error]);
}

/**
 * Sign-in with email and password, sessions in an HttpOnly cookie. Only a SHA-256 of the
 * session id is stored, so a leaked database holds no usable session. `createApi({ auth })`
 * turns it on; without it the API stays in demo mode.
 */
export function createAuth(options: AuthOptions): Auth {
  const { store } = options;
  const now = () => (options.now ?? (() => new Date()))().getTime();
  const idleMs = (options.idleMinutes ?? 30) * 60_000;
  const passwordCost = options.passwordCost ?? SCRYPT.ln;
  const absoluteMs = (options.absoluteHours ?? 12) * 3_600_000;

  // Parsed once, so a malformed entry fails at start, not on a request.
  const allowedHosts = new Set((options.allowedOrigins ?? []).map((origin) => new URL(origin).host));
  const secure = (request: Request) => options.secureCookies ?? new URL(request.url).protocol === 'https:';

  /**
   * SameSite=Strict: the session is only ever sent by the SPA's own fetches, and the HTML shell
   * needs no cookie, so a link from an email still opens the app signed in (its fetches are
   * same-site). Strict also keeps the cookie off cross-site top-level navigations, which Lax
   * would allow for GET (exports are GETs).
   */
  const cookie = (request: Request, value: string, maxAgeSeconds?: number) =>
    [
      `${SESSION_COOKIE}=${value}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/',
      ...(maxAgeSeconds !== undefined ? [`Max-Age=${maxAgeSeconds}`] : []),
      ...(secure(request) ? ['Secure'] : []),
    ].join('; ');

  function waitFor(key: string, free: number, at: number): number {
    const failures = store.getFailures(key);
    if (!failures || failures.count < free) return 0;
    // Doubling waits after the free attempts: 1 s, 2 s, 4 s ... up to 15 minutes.
    const seconds = Math.min(THROTTLE.baseSeconds * 2 ** (failures.count - free), THROTTLE.maxSeconds);
    return Math.max(0, failures.lastAt + seconds * 1000 - at);
  }

  const auth: Auth = {
    store,

    sessionUser(request, users) {
      const id = cookieValue(request, SESSION_COOKIE);
      if (!id || id.length > 100) return undefined;
      const idHash = hashSessionId(id);
      const session = store.getSession(idHash);
      if (!session) return undefined;
      const at = now();
      if (at - session.lastSeenAt > idleMs || at - session.createdAt > absoluteMs) {
        store.deleteSession(idHash);
        return undefined;
      }
      const user = users.get(session.userId);
      if (!user || !user.active) {
        store.deleteUserSessions(session.userId);
        return undefined;
      }
      // A write per request at most once a minute is plenty for a 30-minute idle limit.
      if (at - session.lastSeenAt >= 60_000) store.touchSession(idHash, at);
      return user;
    },

    async signIn(request, users, email, password) {
      const at = now();
      const accountKey = `account:${email.trim().toLowerCase()}`;
      const ipKey = `ip:${options.clientIp?.(request) ?? 'unknown'}`;
      const wait = Math.max(waitFor(accountKey, THROTTLE.account, at), waitFor(ipKey, THROTTLE.ip, at));
      if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };

      const wanted = email.trim().toLowerCase();
      const matches = users.all().filter((u) => u.email.toLowerCase() === wanted);
      const user = matches.length === 1 ? matches[0] : undefined;
      const hash = user ? store.getPasswordHash(user.id) : undefined;
      // The scrypt work is done whether or not the account exists: same answer, same time.
      const verified = await verifyPassword(password, hash ?? (await dummyHash(passwordCost)));
      if (!user || !hash || !verified || !user.active) {
        const at2 = now();
        store.recordFailure(accountKey, at2);
        store.recordFailure(ipKey, at2);
        return { ok: false };
      }
      store.clearFailures(accountKey);
      // Housekeeping at each sign-in: sessions that can no longer be used, counters long cold.
      store.deleteExpiredSessions(at - idleMs, at - absoluteMs);
      store.deleteFailuresBefore(at - 2 * THROTTLE.maxSeconds * 1000);
      // A new id at every sign-in: the one the browser had (if any) is ended, never reused.
      const previous = cookieValue(request, SESSION_COOKIE);
      if (previous) store.deleteSession(hashSessionId(previous));
      const id = randomBytes(32).toString('base64url');
      store.createSession({ idHash: hashSessionId(id), userId: user.id, createdAt: now(), lastSeenAt: now() });
      return { ok: true, user, cookie: cookie(request, id) };
    },

    signOut(request) {
      const id = cookieValue(request, SESSION_COOKIE);
      if (id) store.deleteSession(hashSessionId(id));
      return cookie(request, '', 0);
    },

    checkOrigin(request) {
      const method = request.method.toUpperCase();
      if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
      const origin = request.headers.get('origin');
      let host: string | undefined;
      try {
        host = origin && origin !== 'null' ? new URL(origin).host : undefined;
      } catch {
        host = undefined;
      }
      const own = new URL(request.url).host;
      const allowed = host !== undefined && (host === own || allowedHosts.has(host));
      if (!allowed) throw authProblems.crossOrigin();
    },

    async setPassword(userId, password, path = 'password') {
      checkNewPassword(password, path);
      store.setPasswordHash(userId, await hashPassword(password, passwordCost));
      store.deleteUserSessions(userId);
    },

    hasPassword: (userId) => store.getPasswordHash(userId) !== undefined,
    endSessions: (userId) => store.deleteUserSessions(userId),
  };
  return auth;
}
