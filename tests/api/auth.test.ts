import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createApi } from '../../server/app';
import {
  bootstrapAdmin,
  createAuth,
  hashPassword,
  PASSWORD_MAX,
  PASSWORD_MIN,
  THROTTLE,
  verifyPassword,
} from '../../server/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { createStore } from '../../server/db/store';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { emptySnapshot } from '../../server/seed/seeds';
import { NOW, testDatabase } from './helpers';
import { ADMIN_EMAIL, authApi, ORIGIN, PASSWORD, STAFF_EMAIL } from './auth-helpers';
import { expectFieldErrors, expectProblem, ifMatch, validUser } from './fixtures';

// Every sign-in is a real scrypt (N=2^15: ~100 ms here, several times that on a busy machine).
vi.setConfig({ testTimeout: 30_000 });

const MINUTE = 60_000;

describe('sign-in', () => {
  it('signs in with email and password: the user, and a session cookie with safe attributes', async () => {
    const t = await authApi();
    const answer = await t.signIn(ADMIN_EMAIL().toUpperCase(), PASSWORD); // emails match without case
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ user: (await t.store.users.get(IDS.admin)) });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    // The session cookie, and a device cookie (tests/api/auth-attack.test.ts) beside it.
    expect(answer.headers.getSetCookie().map((c) => c.split('=')[0])).toEqual(['mitra_session', 'mitra_device']);
    const setCookie = answer.headers.getSetCookie()[0]!;
    const [pair, ...attributes] = setCookie.split('; ');
    expect(pair).toMatch(/^mitra_session=[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(attributes.sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict']); // no Secure over http
    // Only a hash of the id is stored.
    const id = pair!.slice('mitra_session='.length);
    const sessions = await t.sessions();
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.idHash).toBe(createHash('sha256').update(id).digest('base64url'));
    expect(JSON.stringify(sessions)).not.toContain(id);

    const session = await t.request('GET', '/session', { cookie: t.cookieOf(answer) });
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ user: (await t.store.users.get(IDS.admin)), mode: 'server' });
  });

  it('marks the cookie Secure over HTTPS, or always when configured', async () => {
    const https = await authApi();
    const viaHttps = await https.signIn(ADMIN_EMAIL(), PASSWORD, { base: 'https://mitra.test' });
    for (const c of viaHttps.headers.getSetCookie()) expect(c.split('; ')).toContain('Secure');
    const forced = await authApi({ secureCookies: true });
    for (const c of (await forced.signIn(ADMIN_EMAIL(), PASSWORD)).headers.getSetCookie()) expect(c.split('; ')).toContain('Secure');
  });

  it('gives the same answer for a wrong password and an unknown email (no account enumeration)', async () => {
    const t = await authApi();
    const wrong = await t.signIn(ADMIN_EMAIL(), `${PASSWORD}x`);
    const unknown = await t.signIn('nobody@example.org', PASSWORD);
    const noPassword = await t.signIn(demoSnapshot().users.find((u) => u.id === IDS.manager)!.email, PASSWORD);
    for (const answer of [wrong, unknown, noPassword]) {
      expectProblem(answer, 401, '/problems/sign-in-failed');
      expect(answer.body).toEqual(wrong.body);
      expect([...answer.headers.entries()]).toEqual([...wrong.headers.entries()]);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('does the scrypt work for an unknown email too', async () => {
    const t = await authApi();
    await t.signIn(ADMIN_EMAIL(), 'warm-up password'); // the dummy hash is made once
    const time = async (email: string) => {
      const start = performance.now();
      await t.signIn(email, `${PASSWORD}x`);
      return performance.now() - start;
    };
    const unknown = await time('nobody@example.org');
    const known = await time(STAFF_EMAIL());
    // Both pay for one scrypt (tens of milliseconds); an early return would take ~0.
    expect(unknown).toBeGreaterThan(known / 4);
  });

  it('refuses a malformed sign-in body with field errors', async () => {
    const t = await authApi();
    expectFieldErrors(await t.request('POST', '/auth/sign-in', { body: { email: '', password: '' } }), {
      email: 'required',
      password: 'required',
    });
    expectFieldErrors(await t.request('POST', '/auth/sign-in', { body: { email: 'a@b.c', password: 'x', remember: true } }), {
      remember: 'unknownField',
    });
  });

  it(`slows an account down after ${THROTTLE.account} failures: 429 with Retry-After, even for the right password`, async () => {
    const t = await authApi();
    for (let i = 0; i < THROTTLE.account; i += 1) {
      expectProblem(await t.signIn(ADMIN_EMAIL(), 'not the password at all'), 401);
    }
    const blocked = await t.signIn(ADMIN_EMAIL(), PASSWORD);
    expectProblem(blocked, 429, '/problems/too-many-attempts');
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect(blocked.headers.get('set-cookie')).toBeNull();
    // Another account from another address is not slowed down.
    expect((await t.signIn(STAFF_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.9.9.9' } })).status).toBe(200);
    // The wait doubles with each further failure.
    t.advance(1_000);
    expectProblem(await t.signIn(ADMIN_EMAIL(), 'still not it'), 401);
    expect((await t.signIn(ADMIN_EMAIL(), PASSWORD)).headers.get('retry-after')).toBe('2');
    t.advance(2_000);
    const ok = await t.signIn(ADMIN_EMAIL(), PASSWORD);
    expect(ok.status).toBe(200);
    // Success resets the account's counter.
    expectProblem(await t.signIn(ADMIN_EMAIL(), 'wrong again'), 401);
    expect((await t.signIn(ADMIN_EMAIL(), PASSWORD)).status).toBe(200);
  });

  it(`slows an address down after ${THROTTLE.ip} failures across accounts`, async () => {
    const t = await authApi();
    for (let i = 0; i < THROTTLE.ip; i += 1) {
      expectProblem(await t.signIn(`guess${i}@example.org`, 'password guess 123', { headers: { 'x-test-ip': '192.0.2.7' } }), 401);
    }
    const blocked = await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '192.0.2.7' } });
    expectProblem(blocked, 429, '/problems/too-many-attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '192.0.2.8' } })).status).toBe(200);
  });
});

describe('sessions', () => {
  it('rotates the session id at every sign-in: the old one stops working', async () => {
    const t = await authApi();
    const first = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const second = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD, { cookie: first }));
    expect(second).not.toBe(first);
    expectProblem(await t.request('GET', '/session', { cookie: first }), 401, '/problems/unauthenticated');
    expect((await t.request('GET', '/session', { cookie: second })).status).toBe(200);
  });

  it('ends after 30 idle minutes; activity keeps it alive', async () => {
    const t = await authApi();
    const cookie = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    t.advance(29 * MINUTE);
    expect((await t.request('GET', '/session', { cookie })).status).toBe(200);
    t.advance(29 * MINUTE); // 58 minutes after sign-in, 29 after the last request
    expect((await t.request('GET', '/session', { cookie })).status).toBe(200);
    t.advance(31 * MINUTE);
    expectProblem(await t.request('GET', '/session', { cookie }), 401);
    // Gone for good, not just refused once.
    t.advance(-31 * MINUTE);
    expectProblem(await t.request('GET', '/session', { cookie }), 401);
  });

  it('ends 12 hours after sign-in however busy, and both limits are configurable', async () => {
    const t = await authApi();
    const cookie = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      t.advance(20 * MINUTE);
      expect((await t.request('GET', '/session', { cookie })).status, `${minutes} minutes`).toBe(200);
    }
    t.advance(21 * MINUTE); // 12 h 1 min after sign-in, 21 min after the last request
    expectProblem(await t.request('GET', '/session', { cookie }), 401);

    const short = await authApi({ idleMinutes: 5, absoluteHours: 1 });
    const c2 = short.cookieOf(await short.signIn(ADMIN_EMAIL(), PASSWORD));
    short.advance(6 * MINUTE);
    expectProblem(await short.request('GET', '/session', { cookie: c2 }), 401);
  });

  it('drops expired sessions and cold failure counters at the next sign-in', async () => {
    const t = await authApi();
    const failures = async (email: string) => {
      const key = `account:${email.toLowerCase()}`;
      return (await t.authStore.getFailures([key])).get(key);
    };
    await t.signIn(ADMIN_EMAIL(), PASSWORD);
    expectProblem(await t.signIn(STAFF_EMAIL(), 'wrong wrong wrong'), 401);
    t.advance(31 * MINUTE);
    expect(await t.sessions()).toHaveLength(1); // expired, not yet swept
    expectProblem(await t.signIn('recent@example.org', 'wrong wrong wrong'), 401);
    await t.signIn(ADMIN_EMAIL(), PASSWORD);
    expect(await t.sessions()).toHaveLength(1); // the expired one swept, the new one kept
    expect(await failures(STAFF_EMAIL())).toBeUndefined(); // 31 minutes cold: swept
    expect(await failures('recent@example.org')).toMatchObject({ count: 1 }); // still counts
  });

  it('sign-out ends the session on the server and clears the cookie', async () => {
    const t = await authApi();
    const cookie = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const out = await t.request('POST', '/auth/sign-out', { cookie });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^mitra_session=; .*Max-Age=0/);
    expect(await t.sessions()).toEqual([]);
    // The old cookie, replayed, no longer works.
    expectProblem(await t.request('GET', '/session', { cookie }), 401);
  });

  it('ignores the demo header once sign-in is on; reads need a session too', async () => {
    const t = await authApi();
    expectProblem(await t.request('GET', '/session', { headers: { 'x-mitra-user': IDS.admin } }), 401);
    expectProblem(await t.request('GET', '/follow-ups', { headers: { 'x-mitra-user': IDS.admin } }), 401);
    expectProblem(
      await t.request('POST', '/sectors', { body: { id: 'space', name: { id: 'Antariksa', en: 'Space' }, color: '#123456' }, headers: { 'x-mitra-user': IDS.admin } }),
      401,
    );
    const cookie = t.cookieOf(await t.signIn(STAFF_EMAIL(), PASSWORD));
    expect((await t.request('GET', '/follow-ups', { cookie })).status).toBe(200);
    // Roles hold with sessions as with the header.
    expectProblem(
      await t.request('POST', '/sectors', { body: { id: 'space', name: { id: 'Antariksa', en: 'Space' }, color: '#123456' }, cookie }),
      403,
      '/problems/forbidden',
    );
  });

  it('refuses writes from another origin, or with no Origin (CSRF)', async () => {
    const t = await authApi();
    const cookie = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const body = { id: 'space', name: { id: 'Antariksa', en: 'Space' }, color: '#123456' };
    expectProblem(await t.request('POST', '/sectors', { body, cookie, headers: { origin: 'https://evil.example' } }), 403, '/problems/cross-origin');
    expectProblem(await t.request('POST', '/sectors', { body, cookie, headers: { origin: '' } }), 403, '/problems/cross-origin');
    expectProblem(await t.signIn(ADMIN_EMAIL(), PASSWORD, { headers: { origin: 'https://evil.example' } }), 403, '/problems/cross-origin');
    expect((await t.store.sectors.get('space'))).toBeUndefined();
    expect((await t.request('POST', '/sectors', { body, cookie })).status).toBe(201);
  });

  it('accepts writes from an allowed public origin (a reverse proxy), and refuses a malformed one at start', async () => {
    const { database } = await testDatabase();
    const authStore = createDbAuthStore(database);
    expect(() => createAuth({ store: authStore, allowedOrigins: ['not a url'] })).toThrow();
    const auth = createAuth({ store: authStore, now: () => NOW, allowedOrigins: ['https://mitra.tangerangkab.go.id'] });
    await auth.setPassword(IDS.admin, PASSWORD);
    const api = createApi({ database, now: () => NOW, auth });
    const signIn = (origin: string) =>
      api.fetch(
        new Request('http://127.0.0.1:8080/api/auth/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin },
          body: JSON.stringify({ email: ADMIN_EMAIL(), password: PASSWORD }),
        }),
      );
    expect((await signIn('https://mitra.tangerangkab.go.id')).status).toBe(200);
    expect((await signIn('https://mitra.example.org')).status).toBe(403);
  });
});

describe('users and passwords (administrators)', () => {
  it('disabling a user ends their sessions, and they cannot sign in again', async () => {
    const t = await authApi();
    const admin = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const staff = t.cookieOf(await t.signIn(STAFF_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.2' } }));
    const disabled = await t.request('PATCH', `/users/${IDS.staff}`, { body: { active: false }, headers: ifMatch(1), cookie: admin });
    expect(disabled.status).toBe(200);
    expect((await t.sessions()).map((s) => s.userId)).toEqual([IDS.admin]);
    expectProblem(await t.request('GET', '/session', { cookie: staff }), 401);
    const again = await t.signIn(STAFF_EMAIL(), PASSWORD);
    expectProblem(again, 401, '/problems/sign-in-failed');
    expect(again.body).toEqual((await t.signIn('nobody@example.org', PASSWORD)).body);
  });

  it(`creates a user with a first password: ${PASSWORD_MIN} to ${PASSWORD_MAX}+ characters, any characters, never echoed or audited`, async () => {
    const t = await authApi();
    const admin = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const create = (body: Record<string, unknown>) => t.request('POST', '/users', { body, cookie: admin });
    expectFieldErrors(await create({ ...validUser(), password: 'a'.repeat(PASSWORD_MIN - 1) }), { password: 'tooShort' });
    expectFieldErrors(await create({ ...validUser(), password: 'a'.repeat(PASSWORD_MAX + 1) }), { password: 'tooLong' });
    expectFieldErrors(await create({ ...validUser(), name: '', password: 'short' }), { name: 'required', password: 'tooShort' });
    // 14 emoji are 28 UTF-16 units but 14 characters: too short.
    expectFieldErrors(await create({ ...validUser(), password: '🙂'.repeat(PASSWORD_MIN - 1) }), { password: 'tooShort' });
    expect((await t.store.users.count())).toBe(demoSnapshot().users.length);

    const secret = 'semua huruf kecil saja ya'; // no digits, no capitals, spaces: allowed
    const created = await create({ ...validUser(), password: secret });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(secret);
    expect(created.body).not.toHaveProperty('password');
    expect(JSON.stringify((await t.store.snapshot()))).not.toContain(secret); // the User and the audit trail
    expect(JSON.stringify((await t.store.snapshot()))).not.toContain('$scrypt$');
    expectFieldErrors(await create({ ...validUser(), password: secret }), { email: 'duplicate' });
    const signedIn = await t.signIn(validUser().email, secret, { headers: { 'x-test-ip': '10.0.0.3' } });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.id).toBe(created.body.id);

    // Exactly the maximum is fine (a passphrase, not a repeat: those are too easy to guess).
    // Only administrators create users.
    const longest = 'tujuh ekor kucing oranye melompati pagar bambu di tepi sungai cisadane pada pagi berkabut bulan sembilan tahun dua ribu dua puluh lima'.slice(0, PASSWORD_MAX);
    expect([...longest]).toHaveLength(PASSWORD_MAX);
    expect((await create({ ...validUser(), email: 'max@example.org', password: longest })).status).toBe(201);
    const staff = t.cookieOf(await t.signIn(STAFF_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.4' } }));
    expectProblem(await t.request('POST', '/users', { body: { ...validUser(), email: 'x@example.org' }, cookie: staff }), 403);
  });

  it("an administrator's password reset ends the user's sessions; the old password stops working", async () => {
    const t = await authApi();
    const admin = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    const staff = t.cookieOf(await t.signIn(STAFF_EMAIL(), PASSWORD, { headers: { 'x-test-ip': '10.0.0.2' } }));
    const next = 'kata sandi baru yang panjang';
    expectFieldErrors(await t.request('POST', `/users/${IDS.staff}/password`, { body: { password: 'pendek' }, cookie: admin }), {
      password: 'tooShort',
    });
    expectProblem(await t.request('POST', `/users/usr-ghost/password`, { body: { password: next }, cookie: admin }), 404);
    expectProblem(await t.request('POST', `/users/${IDS.admin}/password`, { body: { password: next }, cookie: staff }), 403);
    const reset = await t.request('POST', `/users/${IDS.staff}/password`, { body: { password: next }, cookie: admin });
    expect(reset.status).toBe(204);
    expect(reset.body).toBeUndefined();
    expectProblem(await t.request('GET', '/session', { cookie: staff }), 401);
    expectProblem(await t.signIn(STAFF_EMAIL(), PASSWORD), 401);
    expect((await t.signIn(STAFF_EMAIL(), next)).status).toBe(200);
    expect(JSON.stringify((await t.store.snapshot()))).not.toContain(next);
    // The audit trail records the reset and who made it, with no field and no password.
    expect((await t.store.audit.all()).at(-1)).toMatchObject({
      actorId: IDS.admin,
      action: 'update',
      entity: 'user',
      entityId: IDS.staff,
      changes: [],
      note: 'Password reset; sessions ended.',
    });
    expect((await t.store.users.get(IDS.staff))?.version).toBe(1);
  });
});

describe('password hashing', () => {
  it('is scrypt N=2^15, r=8, p=1 with a 16-byte salt and a 32-byte key, parameters in the string', async () => {
    const hash = await hashPassword(PASSWORD);
    const match = /^\$scrypt\$ln=15,r=8,p=1\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/.exec(hash);
    expect(match).not.toBeNull();
    expect(Buffer.from(match![1]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(match![2]!, 'base64')).toHaveLength(32);
    expect(await hashPassword(PASSWORD)).not.toBe(hash); // a fresh salt each time
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD} `, hash)).toBe(false); // never trimmed
    expect(await verifyPassword(PASSWORD, hash.replace('ln=15', 'ln=14'))).toBe(false);
    expect(await verifyPassword(PASSWORD, 'plain text')).toBe(false);
  });
});

describe('sign-in state in the database', () => {
  it('is shared by every process on the database: sessions, sign-out and failure counters', async () => {
    // Two API instances over one auth database, as two server processes over one PostgreSQL.
    const one = await authApi();
    const two = await authApi({ authStore: one.authStore });
    const cookie = one.cookieOf(await one.signIn(ADMIN_EMAIL(), PASSWORD));
    expect((await two.request('GET', '/session', { cookie })).body.user.id).toBe(IDS.admin);
    const row = await one.authStore.database.db.selectFrom('auth_sessions').select(['id_hash', 'user_id']).executeTakeFirstOrThrow();
    expect(row.user_id).toBe(IDS.admin);
    expect(cookie).not.toContain(row.id_hash);
    // Failures counted through one slow the account down through the other.
    for (let i = 0; i < THROTTLE.account; i += 1) expectProblem(await one.signIn(STAFF_EMAIL(), `wrong ${i} wrong wrong`), 401);
    expectProblem(await two.signIn(STAFF_EMAIL(), PASSWORD), 429, '/problems/too-many-attempts');
    // Signed out through one, ended through the other.
    expect((await two.request('POST', '/auth/sign-out', { cookie })).status).toBe(204);
    expectProblem(await one.request('GET', '/session', { cookie }), 401);
    expect(await one.sessions()).toEqual([]);
  });
});

describe('the first administrator', () => {
  it('is created from the given email, name and password once; a second start changes nothing', async () => {
    const { database, store: view } = await testDatabase({ ...emptySnapshot(), users: [] });
    const store = createStore(database, () => NOW);
    const auth = createAuth({ store: createDbAuthStore(database), now: () => NOW });
    await expect(bootstrapAdmin(store, auth, { email: 'admin@example.org', name: 'Admin', password: 'short' })).rejects.toThrow();
    const first = await bootstrapAdmin(store, auth, { email: 'admin@example.org', name: 'Admin', password: PASSWORD }, () => NOW);
    expect(first.created).toBe(true);
    expect(first.user).toMatchObject({ role: 'admin', active: true, email: 'admin@example.org' });
    expect(await auth.hasPassword(first.user.id)).toBe(true);
    expect((await view.audit.all()).at(-1)).toMatchObject({ actorId: 'system', entity: 'user', action: 'create' });
    const again = await bootstrapAdmin(store, auth, { email: 'other@example.org', name: 'Other', password: `${PASSWORD}!` });
    expect(again).toMatchObject({ created: false, reason: 'admin-exists' });
    expect(await view.users.count()).toBe(1);
    const api = createApi({ database, now: () => NOW, auth });
    const answer = await api.fetch(
      new Request('http://mitra.test/api/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ email: 'admin@example.org', password: PASSWORD }),
      }),
    );
    expect(answer.status).toBe(200);
  });
});
