import { http } from 'msw';
import { createApi } from '../../server/app';
import { createAuth } from '../../server/auth';
import { createDbAuthStore } from '../../server/auth/db-store';
import { currentStore, TEST_NOW, server } from '../../mocks/node';
import { sessionsOf } from '../support/auth-store';

export const PASSWORD = 'kuda benar baterai staples';

/**
 * Serves the API with sign-in on (server mode) for one test, behind a small cookie jar that does
 * what a browser does: keeps the session cookie and sends it back, and sends the Origin.
 */
export async function useServerMode(passwords: Record<string, string>) {
  // The test's database (tests/setup-dom.ts resets it), with sign-in's tables in it as on the server.
  const store = currentStore();
  const { database } = store;
  const authStore = createDbAuthStore(database);
  const auth = createAuth({ store: authStore, now: () => TEST_NOW });
  for (const [userId, password] of Object.entries(passwords)) await auth.setPassword(userId, password);
  const api = createApi({ database, now: () => TEST_NOW, auth });
  let cookie = '';
  server.use(
    http.all('/api/*', async ({ request }) => {
      const headers = new Headers(request.headers);
      headers.set('origin', new URL(request.url).origin);
      if (cookie) headers.set('cookie', cookie);
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
      const response = await api.fetch(new Request(request.url, { method: request.method, headers, ...(body !== undefined ? { body } : {}) }));
      const set = response.headers.getSetCookie().find((c) => c.startsWith('mitra_session='));
      if (set) cookie = /Max-Age=0/.test(set) ? '' : (set.split(';')[0] ?? '');
      return response;
    }),
  );
  return { store, auth, cookie: () => cookie, sessions: () => sessionsOf(database) };
}
