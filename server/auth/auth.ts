import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '../../src/domain/user';
import { problems } from '../problem';
import { dummyHash, guessablePasswordError, hashPassword, passwordError, SCRYPT, verifyPassword } from './password';
import { authProblems } from './problems';
import { setupSecretValid, useSetupSecret } from './setup-secret';
import type { AuthStore, FailureRecord } from './store';

export const SESSION_COOKIE = 'mitra_session';
/**
 * A device that signed in before (OWASP "device cookies"): its attempts for that account are
 * throttled on their own, so an attacker's failures never lock the owner's device out.
 */
export const DEVICE_COOKIE = 'mitra_device';
const DEVICE_DAYS = 180;

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
  /**
   * The origin (scheme, host and port) people open Mitra at: a write's `Origin` must be exactly
   * this (MITRA_ORIGIN; `npm start` defaults it to its listen address). Unset: the request's own
   * origin, scheme and port included.
   */
  publicOrigin?: string;
  /** Further origins that may send writes (another public name of the same server). */
  allowedOrigins?: readonly string[];
  /**
   * Password hashes (scrypt, on libuv's shared thread pool) running at once, at most (default 2
   * of the pool's 4 threads, so file reads and compression always find one free). A sign-in
   * beyond it gets 503 with Retry-After at once: no queue an attacker could fill.
   */
  maxConcurrentHashes?: number;
};

/**
 * Failed sign-ins allowed before waiting starts:
 * - `account`: per account and address (or per known device): the owner elsewhere is unaffected;
 * - `ip`: accounts tried without success from one address (an office behind one NAT or proxy
 *   signs in as many people; one person's typos count once);
 * - `accountAnyAddress`: per account from every address without a device cookie (many
 *   addresses guessing one account).
 */
export const THROTTLE = { account: 5, ip: 20, accountAnyAddress: 50, baseSeconds: 1, maxSeconds: 15 * 60 } as const;

export type SignInResult =
  | { ok: true; user: User; cookies: string[] }
  | { ok: false; retryAfterSeconds?: number; busy?: boolean };

/** A user by id (the session's). */
export type FindUser = (id: string) => Promise<User | undefined>;
/** The user with this e-mail address, given in lower case (the users' unique `email_key`). */
export type FindUserByEmail = (email: string) => Promise<User | undefined>;

export type Auth = {
  readonly store: AuthStore;
  /** The signed-in user of a request, or undefined (no, unknown, expired session; disabled user). */
  sessionUser(request: Request, findUser: FindUser): Promise<User | undefined>;
  signIn(request: Request, findUserByEmail: FindUserByEmail, email: string, password: string): Promise<SignInResult>;
  /** A new session for a user who proved who they are; returns the cookies to set. */
  startSession(request: Request, user: User): Promise<string[]>;
  /** Ends the request's session; returns the cookie that clears it. */
  signOut(request: Request): Promise<string>;
  /** 403 when a write comes from another site (CSRF); reads pass. */
  checkOrigin(request: Request): void;
  /** Validates and stores a new password; ends every session of the user. */
  setPassword(userId: string, password: string, path?: string, userInputs?: readonly string[]): Promise<void>;
  hasPassword(userId: string): Promise<boolean>;
  /** Whether a first-run setup secret is the current, unexpired one (server/auth/setup.ts). */
  setupSecretValid(secret: string, at: number): Promise<boolean>;
  /** Uses the setup secret up if it is valid: true for one request only, however many bring it at once. */
  useSetupSecret(secret: string, at: number): Promise<boolean>;
  /** The configured public origin, if any (the setup link is printed with it). */
  readonly publicOrigin: string | undefined;
  endSessions(userId: string): Promise<void>;
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

/**
 * Throws a 400 naming the password field when a new password breaks the length rules or is too
 * easy to guess (commonly used, a simple pattern, made of the person's name or e-mail).
 */
export async function checkNewPassword(password: string, path = 'password', userInputs: readonly string[] = []): Promise<void> {
  const error = passwordError(password, path) ?? (await guessablePasswordError(password, path, userInputs));
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
  const allowed = new Set((options.allowedOrigins ?? []).map((origin) => new URL(origin).origin));
  const publicOrigin = options.publicOrigin !== undefined ? new URL(options.publicOrigin).origin : undefined;
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

  /** Doubling waits after the free attempts: 1 s, 2 s, 4 s ... up to 15 minutes. */
  const waitAfter = (count: number, free: number) => Math.min(THROTTLE.baseSeconds * 2 ** (count - free), THROTTLE.maxSeconds) * 1000;

  function waitFor(failures: FailureRecord | undefined, free: number, at: number): number {
    if (!failures || failures.count < free) return 0;
    return Math.max(0, failures.lastAt + waitAfter(failures.count, free) - at);
  }

  /**
   * The attempts from one address are checked and counted one after another in this process
   * (a few short statements each, never the hash): of a burst, the first is counted and the rest
   * find the wait at once, with no write and no disk sync. Across processes the count itself is
   * atomic, and an attempt that lost a race takes its count back (signIn).
   */
  const checking = new Map<string, Promise<unknown>>();
  async function oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run = (checking.get(key) ?? Promise.resolve()).then(work);
    const tail = run.catch(() => undefined);
    checking.set(key, tail);
    try {
      return await run;
    } finally {
      if (checking.get(key) === tail) checking.delete(key);
    }
  }

  const maxHashes = Math.max(1, options.maxConcurrentHashes ?? 2);
  let hashing = 0;
  // Made once, up front: an unknown email then costs one scrypt, like a known one.
  const dummy = dummyHash(passwordCost);
  dummy.catch(() => undefined);

  /**
   * The secret that signs device cookies: random, made once per database (of two processes
   * making it at once, both keep the one stored first), then kept here: it never changes.
   */
  let deviceKeyValue: Promise<string> | undefined;
  function deviceKey(): Promise<string> {
    if (!deviceKeyValue) {
      deviceKeyValue = (async () =>
        (await store.getSetting('device-key')) ?? (await store.ensureSetting('device-key', randomBytes(32).toString('base64url'))))();
      // A failed read is tried again by the next request.
      deviceKeyValue.catch(() => (deviceKeyValue = undefined));
    }
    return deviceKeyValue;
  }
  const deviceMac = async (email: string, issuedAt: string, nonce: string) =>
    createHmac('sha256', await deviceKey()).update(`${email}|${issuedAt}|${nonce}`).digest('base64url');

  /** `issuedAt.nonce.mac`, for this account only; sent to the sign-in endpoint only. */
  async function deviceCookie(request: Request, email: string, at: number): Promise<string> {
    const issuedAt = String(at);
    const nonce = randomBytes(16).toString('base64url');
    const value = `${issuedAt}.${nonce}.${await deviceMac(email, issuedAt, nonce)}`;
    return [
      `${DEVICE_COOKIE}=${value}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/api/auth',
      `Max-Age=${DEVICE_DAYS * 86_400}`,
      ...(secure(request) ? ['Secure'] : []),
    ].join('; ');
  }

  /** The nonce of a valid, unexpired device cookie for this account, or undefined. */
  async function knownDevice(request: Request, email: string, at: number): Promise<string | undefined> {
    const value = cookieValue(request, DEVICE_COOKIE);
    if (!value || value.length > 200) return undefined;
    const [issuedAt, nonce, mac, ...rest] = value.split('.');
    if (!issuedAt || !nonce || !mac || rest.length > 0 || !/^\d{1,15}$/.test(issuedAt)) return undefined;
    if (at - Number(issuedAt) > DEVICE_DAYS * 86_400_000) return undefined;
    const expected = Buffer.from(await deviceMac(email, issuedAt, nonce));
    const actual = Buffer.from(mac);
    return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : undefined;
  }

  const auth: Auth = {
    store,

    async sessionUser(request, findUser) {
      const id = cookieValue(request, SESSION_COOKIE);
      if (!id || id.length > 100) return undefined;
      const idHash = hashSessionId(id);
      const session = await store.getSession(idHash);
      if (!session) return undefined;
      const at = now();
      if (at - session.lastSeenAt > idleMs || at - session.createdAt > absoluteMs) {
        await store.deleteSession(idHash);
        return undefined;
      }
      const user = await findUser(session.userId);
      if (!user || !user.active) {
        await store.deleteUserSessions(session.userId);
        return undefined;
      }
      // A write per request at most once a minute is plenty for a 30-minute idle limit.
      if (at - session.lastSeenAt >= 60_000) await store.touchSession(idHash, at);
      return user;
    },

    async signIn(request, findUserByEmail, email, password) {
      const at = now();
      const wanted = email.trim().toLowerCase();
      const address = options.clientIp?.(request) ?? 'unknown';
      const device = await knownDevice(request, wanted, at);
      // Which counters this attempt is checked against, and with how many free failures.
      const deviceCounter = `device:${device}`;
      const pairKey = `pair:${address}|${wanted}`;
      const accountKey = `account:${wanted}`;
      const ipKey = `ip:${address}`;
      const limits: Array<[string, number]> = device
        ? [[deviceCounter, THROTTLE.account]]
        : [
            [pairKey, THROTTLE.account],
            [ipKey, THROTTLE.ip],
            [accountKey, THROTTLE.accountAnyAddress],
          ];
      const free = new Map(limits);
      const wait = await oneAtATime(address, async () => {
        const before = await store.getFailures(limits.map(([key]) => key));
        const waiting = Math.max(...limits.map(([key, n]) => waitFor(before.get(key), n, at)));
        if (waiting > 0) return waiting;

        // Counted as a failure before the password is checked, and taken back if it turns out
        // right. Each count is one atomic statement, so N parallel attempts, in any number of
        // processes, count N. An attempt that finds others counted since it read (another
        // process's, as recent as its own) and is over a limit with them waits like a later one.
        const counted: string[] = [];
        let raced = 0;
        const count = async (key: string) => {
          const after = await store.recordFailure(key, at);
          counted.push(key);
          const limit = free.get(key) ?? 0;
          if (after.count > (before.get(key)?.count ?? 0) + 1 && after.count - 1 >= limit) raced = Math.max(raced, waitAfter(after.count - 1, limit));
          return after;
        };
        if (device) await count(deviceCounter);
        else {
          // The address limit counts accounts tried: only an account's first failure from here.
          if ((await count(pairKey)).count === 1) await count(ipKey);
          await count(accountKey);
        }
        if (raced > 0) for (const key of counted) await store.undoFailure(key);
        return raced;
      });
      if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait / 1000) };

      const user = await findUserByEmail(wanted);
      const hash = user ? await store.getPasswordHash(user.id) : undefined;
      // The scrypt work is done whether or not the account exists: same answer, same time.
      const against = hash ?? (await dummy);
      // Checked and taken with no await between: never more than maxHashes at once.
      if (hashing >= maxHashes) return { ok: false, busy: true, retryAfterSeconds: 1 };
      let verified: boolean;
      hashing += 1;
      try {
        verified = await verifyPassword(password, against);
      } finally {
        hashing -= 1;
      }
      if (!user || !hash || !verified || !user.active) return { ok: false };

      if (device) await store.clearFailures(deviceCounter);
      else {
        // This person is no guesser: their failures from here (counted once against the
        // address, when the pair's counter began) stop counting against the address.
        if (await store.clearFailures(pairKey)) await store.undoFailure(ipKey);
        await store.clearFailures(accountKey);
      }
      return { ok: true, user, cookies: await auth.startSession(request, user) };
    },

    async startSession(request, user) {
      const at = now();
      // Housekeeping at each sign-in: sessions that can no longer be used, counters long cold.
      await store.deleteExpiredSessions(at - idleMs, at - absoluteMs);
      await store.deleteFailuresBefore(at - 2 * THROTTLE.maxSeconds * 1000);
      // A new id at every sign-in: the one the browser had (if any) is ended, never reused.
      const previous = cookieValue(request, SESSION_COOKIE);
      if (previous) await store.deleteSession(hashSessionId(previous));
      const id = randomBytes(32).toString('base64url');
      await store.createSession({ idHash: hashSessionId(id), userId: user.id, createdAt: at, lastSeenAt: at });
      return [cookie(request, id), await deviceCookie(request, user.email.trim().toLowerCase(), at)];
    },

    publicOrigin,
    setupSecretValid: (secret, at) => setupSecretValid(store, secret, at),
    useSetupSecret: (secret, at) => useSetupSecret(store, secret, at),

    async signOut(request) {
      const id = cookieValue(request, SESSION_COOKIE);
      if (id) await store.deleteSession(hashSessionId(id));
      return cookie(request, '', 0);
    },

    checkOrigin(request) {
      const method = request.method.toUpperCase();
      if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return;
      const header = request.headers.get('origin');
      let origin: string | undefined;
      try {
        origin = header && header !== 'null' ? new URL(header).origin : undefined;
      } catch {
        origin = undefined;
      }
      // Scheme, host and port, against the configured public origin (never the Host header
      // when one is configured: a client can name any host).
      const own = publicOrigin ?? new URL(request.url).origin;
      const ok = origin !== undefined && (origin === own || allowed.has(origin));
      if (!ok) throw authProblems.crossOrigin();
    },

    async setPassword(userId, password, path = 'password', userInputs = []) {
      await checkNewPassword(password, path, userInputs);
      await store.setPasswordHash(userId, await hashPassword(password, passwordCost));
      await store.deleteUserSessions(userId);
    },

    hasPassword: async (userId) => (await store.getPasswordHash(userId)) !== undefined,
    endSessions: (userId) => store.deleteUserSessions(userId),
  };
  return auth;
}
