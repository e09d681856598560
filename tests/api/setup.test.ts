import { describe, expect, it, vi } from 'vitest';
import { IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { createAuth, issueSetupSecret, SETUP_VALID_MS } from '../../server/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { expectFieldErrors, expectProblem } from './fixtures';
import { sessionsOf } from '../support/auth-store';
import { NOW, testDatabase } from './helpers';

vi.setConfig({ testTimeout: 30_000 });

const ORIGIN = 'http://mitra.test';
const PASSPHRASE = 'sungai cisadane di pagi hari';

/** A demo database whose users have no password yet: nobody can sign in (a first run). */
async function firstRun() {
  let now = NOW;
  const { database, store } = await testDatabase();
  const authStore = { ...createDbAuthStore(database), sessions: () => sessionsOf(database) };
  const auth = createAuth({ store: authStore, now: () => now, passwordCost: 10 });
  const api = createApi({ database, now: () => now, auth });
  const call = async (method: string, path: string, body?: unknown, cookie?: string) => {
    const response = await api.fetch(
      new Request(`${ORIGIN}/api${path}`, {
        method,
        headers: { origin: ORIGIN, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
  return { store, authStore, auth, call, advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

const admin = { name: 'Sari Puspita', email: 'sari.baru@example.org' };

describe('first run: the setup link', () => {
  it('makes the first administrator with the one-time secret, signs them in, and then answers 404', async () => {
    const t = await firstRun();
    const secret = await issueSetupSecret(t.authStore, t.now());
    // Only a hash is stored.
    expect(JSON.stringify([await t.authStore.getSetting('setup-secret')])).not.toContain(secret);
    expect((await t.call('GET', '/setup')).status).toBe(200);

    const made = await t.call('POST', '/setup', { secret, ...admin, password: PASSPHRASE });
    expect(made.status).toBe(201);
    expect(made.body.user).toMatchObject({ ...admin, role: 'admin', active: true });
    const cookie = made.headers.getSetCookie().find((c) => c.startsWith('mitra_session='))!.split(';')[0]!;
    const session = await t.call('GET', '/session', undefined, cookie);
    expect(session.status).toBe(200);
    expect(session.body.user.email).toBe(admin.email);
    // The demo data is there for them.
    expect((await t.call('GET', `/meetings/${IDS.visit}`, undefined, cookie)).status).toBe(200);
    expect((await t.store.audit.all()).at(-1)).toMatchObject({ actorId: 'system', entity: 'user', action: 'create' });
    expect(JSON.stringify((await t.store.snapshot()))).not.toContain(PASSPHRASE);

    // Done: the page's endpoint and the form's are gone, the same link too.
    expectProblem(await t.call('GET', '/setup'), 404);
    expectProblem(await t.call('POST', '/setup', { secret, name: 'Mallory', email: 'm@example.org', password: PASSPHRASE }), 404);
    const admins = (await t.store.users.all()).filter((u) => u.role === 'admin');
    expect((await Promise.all(admins.map((u) => t.auth.hasPassword(u.id)))).filter(Boolean)).toHaveLength(1);
  });

  it('refuses a wrong, replaced or expired secret', async () => {
    const t = await firstRun();
    const body = { ...admin, password: PASSPHRASE };
    expectProblem(await t.call('POST', '/setup', { secret: 'x'.repeat(43), ...body }), 403, '/problems/setup-link-invalid');
    const first = await issueSetupSecret(t.authStore, t.now());
    const second = await issueSetupSecret(t.authStore, t.now()); // a new start: the old link stops working
    expectProblem(await t.call('POST', '/setup', { secret: first, ...body }), 403, '/problems/setup-link-invalid');
    t.advance(SETUP_VALID_MS + 1_000);
    expectProblem(await t.call('POST', '/setup', { secret: second, ...body }), 403, '/problems/setup-link-invalid');
    expect((await t.store.users.all()).some((u) => u.email === admin.email)).toBe(false);
  });

  it('checks the fields GOV.UK-style, every error at once, and keeps the link usable', async () => {
    const t = await firstRun();
    const secret = await issueSetupSecret(t.authStore, t.now());
    expectFieldErrors(await t.call('POST', '/setup', { secret, name: '', email: 'not an email', password: 'short' }), {
      name: 'required',
      email: 'invalidEmail',
      password: 'tooShort',
    });
    expectFieldErrors(await t.call('POST', '/setup', { secret, ...admin, password: 'aaaaaaaaaaaaaaaa' }), { password: 'guessablePassword' });
    expect((await t.call('POST', '/setup', { secret, ...admin, password: PASSPHRASE })).status).toBe(201);
  });

  it('makes one administrator when the link is sent twice at once', async () => {
    const t = await firstRun();
    const secret = await issueSetupSecret(t.authStore, t.now());
    const answers = await Promise.all([
      t.call('POST', '/setup', { secret, ...admin, password: PASSPHRASE }),
      t.call('POST', '/setup', { secret, name: 'Mallory', email: 'mallory@example.org', password: PASSPHRASE }),
    ]);
    // One makes the administrator; the other is refused: 403 (the link was used up under it) when
    // both were in flight at once, 404 (setup closed) when the first had already finished.
    const [first, second] = answers.map((a) => a.status).sort();
    expect(first).toBe(201);
    expect([403, 404]).toContain(second);
    expect((await t.store.users.all()).filter((u) => u.email === admin.email || u.email === 'mallory@example.org')).toHaveLength(1);
  });

  it('a secret is bound to its database', async () => {
    const a = await firstRun();
    const b = await firstRun();
    const secret = await issueSetupSecret(a.authStore, a.now());
    await issueSetupSecret(b.authStore, b.now());
    expectProblem(await b.call('POST', '/setup', { secret, ...admin, password: PASSPHRASE }), 403, '/problems/setup-link-invalid');
  });
});
