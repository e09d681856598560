import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { createApi } from '../../server/app';
import { createAuth } from '../../server/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { ADMIN_EMAIL, authApi, PASSWORD } from './auth-helpers';
import { expectFieldErrors, expectProblem, ifMatch, validUser } from './fixtures';
import { NOW, testApi } from './helpers';

vi.setConfig({ testTimeout: 30_000 });

describe('users', () => {
  it("refuses another user's e-mail on update (any case): 409 naming the field", async () => {
    const api = await testApi();
    const other = demoSnapshot().users.find((u) => u.id === IDS.staff)!;
    const answer = await api.request('PATCH', `/users/${IDS.manager}`, {
      body: { email: other.email.toUpperCase() },
      headers: ifMatch(1),
      user: IDS.admin,
    });
    expectProblem(answer, 409, '/problems/duplicate');
    expect(answer.body.errors).toEqual([expect.objectContaining({ path: 'email', code: 'duplicate' })]);
    expect((await api.store.users.get(IDS.manager))!.email).not.toBe(other.email.toUpperCase());
    // Their own e-mail in another case is fine.
    const manager = demoSnapshot().users.find((u) => u.id === IDS.manager)!;
    expect((await api.request('PATCH', `/users/${IDS.manager}`, { body: { email: manager.email.toUpperCase() }, headers: ifMatch(1), user: IDS.admin })).status).toBe(200);
  });

  it("lets only administrators read a user's change history", async () => {
    const api = await testApi();
    const path = `/history?entity=user&entityId=${IDS.staff}`;
    for (const user of [IDS.staff, IDS.officer, IDS.manager]) {
      expectProblem(await api.request('GET', path, { user }), 403, '/problems/forbidden');
    }
    expect((await api.request('GET', path, { user: IDS.admin })).status).toBe(200);
    // Other resources' history stays readable by every role.
    expect((await api.request('GET', `/history?entity=partnership&entityId=${IDS.partnership}`, { user: IDS.staff })).status).toBe(200);
  });
});

describe('new passwords', () => {
  it('refuses commonly used and pattern passwords, however long', async () => {
    const t = await authApi();
    const admin = t.cookieOf(await t.signIn(ADMIN_EMAIL(), PASSWORD));
    for (const password of ['aaaaaaaaaaaaaaa', ' '.repeat(15), 'passwordpassword', '123456789012345', 'qwertyuiopasdfgh']) {
      expectFieldErrors(await t.request('POST', `/users/${IDS.staff}/password`, { body: { password }, cookie: admin }), { password: 'guessablePassword' });
      expectFieldErrors(await t.request('POST', '/users', { body: { ...validUser(), password }, cookie: admin }), { password: 'guessablePassword' });
    }
    expect((await t.request('POST', `/users/${IDS.staff}/password`, { body: { password: 'sungai cisadane di pagi hari' }, cookie: admin })).status).toBe(204);
  });
});

describe('API answers', () => {
  it('carry Cache-Control: no-store (names, e-mails, exports), errors included', async () => {
    const api = createApi({ database: (await testApi()).database, now: () => NOW });
    for (const path of ['/follow-ups?limit=5', '/users', '/follow-ups/export.csv', '/follow-ups/export.ics', '/follow-ups/none', '/session']) {
      const answer = await api.fetch(new Request(`http://mitra.test/api${path}`, { headers: { 'x-mitra-user': IDS.admin } }));
      expect(answer.headers.get('cache-control'), path).toBe('no-store');
    }
    const unauthenticated = await api.fetch(new Request('http://mitra.test/api/session'));
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('cache-control')).toBe('no-store');
  });

  it('the README names only routes that exist', async () => {
    const whole = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    // The API's own sections (the e2e server's test-only route is described elsewhere).
    const readme = whole.slice(whole.indexOf('## The API'), whole.indexOf('## Scripts'));
    // Demo mode, and sign-in on (its routes exist only there).
    const demo = createApi({ database: (await testApi()).database, now: () => NOW });
    const { database } = await testApi();
    const signedIn = createApi({ database, now: () => NOW, auth: createAuth({ store: createDbAuthStore(database), passwordCost: 10 }) });
    const routes = new Set<string>();
    for (const match of readme.matchAll(/`(GET|POST|PATCH) (\/[a-z0-9/:._-]+)/gi)) routes.add(`${match[1]} ${match[2]}`);
    expect(routes.size).toBeGreaterThan(5);
    for (const route of routes) {
      const [method, rawPath] = route.split(' ') as [string, string];
      const path = rawPath.replace(/^\/api/, '').replace(/:id/g, 'x-1');
      const titles: string[] = [];
      for (const api of [demo, signedIn]) {
        const response = await api.fetch(
          new Request(`http://mitra.test/api${path}`, {
            method,
            headers: { 'x-mitra-user': IDS.admin, origin: 'http://mitra.test', 'content-type': 'application/json', ...(method === 'PATCH' ? ifMatch(1) : {}) },
            ...(method === 'GET' ? {} : { body: '{}' }),
          }),
        );
        const text = await response.text();
        const problem = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { title: string; status: number }) : undefined;
        // A path without an id must be found as it is (not taken for /partnerships/:id).
        const found = !problem || (problem.status !== 404 && problem.status !== 405 && problem.status !== 401) || (rawPath.includes(':id') && problem.title !== 'There is no such API endpoint.');
        titles.push(found ? 'found' : problem.title);
      }
      expect(titles, route).toContain('found');
    }
  });
});

describe('the Origin check (CSRF)', () => {
  async function withOrigin(options: { publicOrigin?: string }, url: string, origin: string) {
    const { database } = await testApi();
    const auth = createAuth({ store: createDbAuthStore(database), now: () => NOW, passwordCost: 10, ...options });
    await auth.setPassword(IDS.admin, PASSWORD);
    const api = createApi({ database, now: () => NOW, auth });
    const response = await api.fetch(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ email: ADMIN_EMAIL(), password: PASSWORD }),
      }),
    );
    return response.status;
  }

  it('compares scheme, host and port with the request when no public origin is configured', async () => {
    expect(await withOrigin({}, 'http://mitra.test/api/auth/sign-in', 'http://mitra.test')).toBe(200);
    expect(await withOrigin({}, 'http://mitra.test/api/auth/sign-in', 'https://mitra.test')).toBe(403);
    expect(await withOrigin({}, 'http://mitra.test:8080/api/auth/sign-in', 'http://mitra.test:9090')).toBe(403);
  });

  it('compares them with the configured public origin (MITRA_ORIGIN), not the Host the request names', async () => {
    const publicOrigin = 'https://mitra.tangerangkab.go.id';
    expect(await withOrigin({ publicOrigin }, 'http://127.0.0.1:8080/api/auth/sign-in', 'https://mitra.tangerangkab.go.id')).toBe(200);
    expect(await withOrigin({ publicOrigin }, 'http://127.0.0.1:8080/api/auth/sign-in', 'http://mitra.tangerangkab.go.id')).toBe(403);
    expect(await withOrigin({ publicOrigin }, 'http://127.0.0.1:8080/api/auth/sign-in', 'https://mitra.tangerangkab.go.id:8443')).toBe(403);
    expect(await withOrigin({ publicOrigin }, 'http://evil.example/api/auth/sign-in', 'http://evil.example')).toBe(403);
  });
});

describe('stage changes', () => {
  it('refuses a stage change dated in the future', async () => {
    const api = await testApi();
    const partnership = (await api.store.partnerships.get(IDS.partnership))!;
    const answer = await api.request('POST', `/partnerships/${IDS.partnership}/stage-changes`, {
      body: { to: 'dormant', date: '2025-11-02', note: 'Besok' },
      headers: ifMatch(partnership.version),
      user: IDS.manager,
    });
    expectFieldErrors(answer, { date: 'futureDate' });
    expect((await api.store.partnerships.get(IDS.partnership))!.stage).toBe(partnership.stage);
  });
});
