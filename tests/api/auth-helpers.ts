import { createApi } from '../../server/app';
import { createAuth, type AuthOptions } from '../../server/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { inspect } from '../../server/db/inspect';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { openSeededDatabase } from '../db/harness';
import { sessionsOf, type TestAuthStore } from '../support/auth-store';
import { NOW } from './helpers';
import { onTestFinished } from 'vitest';

export const PASSWORD = 'kuda benar baterai staples'; // 26 characters with spaces: fine, no composition rules
export const ORIGIN = 'http://mitra.test';
export const ADMIN_EMAIL = () => demoSnapshot().users.find((u) => u.id === IDS.admin)!.email;
export const STAFF_EMAIL = () => demoSnapshot().users.find((u) => u.id === IDS.staff)!.email;

export type Answer = { status: number; headers: Headers; body: any };

/** An API with sign-in on, a clock the test moves, and passwords for the admin and the staff member. */
export async function authApi(
  options: { authStore?: TestAuthStore; idleMinutes?: number; absoluteHours?: number; secureCookies?: boolean; auth?: Partial<AuthOptions> } = {},
) {
  let now = NOW;
  // The domain data and sign-in's tables in one database, as the server has them (the engine of
  // the vitest project); closed when the test ends.
  const opening = openSeededDatabase();
  onTestFinished(async () => (await opening).close());
  const database = await opening;
  const store = inspect(database);
  const authStore: TestAuthStore = options.authStore ?? { ...createDbAuthStore(database), database, sessions: () => sessionsOf(database) };
  const auth = createAuth({
    store: authStore,
    now: () => now,
    clientIp: (request) => request.headers.get('x-test-ip') ?? '10.0.0.1',
    // Cheaper hashes keep these tests fast; the production cost is checked by the hashing tests.
    passwordCost: 10,
    ...(options.idleMinutes !== undefined ? { idleMinutes: options.idleMinutes } : {}),
    ...(options.absoluteHours !== undefined ? { absoluteHours: options.absoluteHours } : {}),
    ...(options.secureCookies !== undefined ? { secureCookies: options.secureCookies } : {}),
    ...options.auth,
  });
  await auth.setPassword(IDS.admin, PASSWORD);
  await auth.setPassword(IDS.staff, PASSWORD);
  const api = createApi({ database, now: () => now, auth });

  async function request(
    method: string,
    path: string,
    init: { body?: unknown; cookie?: string; headers?: Record<string, string>; base?: string } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (method !== 'GET' && headers.origin === undefined) headers.origin = init.base ?? ORIGIN;
    if (headers.origin === '') delete headers.origin;
    if (init.cookie) headers.cookie = init.cookie;
    if (init.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await api.fetch(
      new Request(`${init.base ?? ORIGIN}/api${path}`, {
        method,
        headers,
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  const signIn = (email: string, password: string, extra: { cookie?: string; headers?: Record<string, string>; base?: string } = {}) =>
    request('POST', '/auth/sign-in', { body: { email, password }, ...extra });

  /** The cookie to send back (name=value), from a Set-Cookie (the session's, unless named). */
  const cookieOf = (answer: Answer, name = 'mitra_session') =>
    (answer.headers.getSetCookie().find((c) => c.startsWith(`${name}=`)) ?? '').split(';')[0]!;

  return {
    store,
    authStore,
    sessions: () => authStore.sessions(),
    auth,
    request,
    signIn,
    cookieOf,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

