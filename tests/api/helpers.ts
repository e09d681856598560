import { createApi } from '../../server/app';
import { createMemoryStore } from '../../server/memory-store';
import { openSqliteStore } from '../../server/sqlite/store';
import type { Snapshot, Store } from '../../server/store';
import { demoSnapshot, IDS } from '../../mocks/demo-data';

/** 1 November 2025, 10:00 in Jakarta: after the Binzhou visit, before most due dates. */
export const NOW = new Date('2025-11-01T03:00:00.000Z');

/** A store a test can read back whole; the SQLite store reads its snapshot from the database. */
export type TestStore = Store & { snapshot(): Snapshot };

export type TestApi = {
  store: TestStore;
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; user?: string | null }): Promise<{ status: number; headers: Headers; body: any }>;
};

/**
 * The store the contract runs against: the memory store by default, SQLite (in memory) when
 * MITRA_TEST_STORE=sqlite — vitest's 'api-sqlite' project runs every API test that way.
 */
export function testStore(snapshot: Snapshot): TestStore {
  const kind = process.env.MITRA_TEST_STORE ?? 'memory';
  if (kind === 'sqlite') return openSqliteStore(':memory:', { seed: snapshot }).store;
  if (kind === 'memory') return createMemoryStore(snapshot);
  throw new Error(`MITRA_TEST_STORE is memory or sqlite, not ${kind}`);
}

/** A fresh API over a fresh store for each test, called the way a browser would call it. */
export function testApi(snapshot: Snapshot = demoSnapshot(), now: Date = NOW): TestApi {
  const store = testStore(snapshot);
  const api = createApi({ store, now: () => now });
  return {
    store,
    async request(method, path, { body, headers = {}, user = IDS.staff } = {}) {
      const init: RequestInit = { method, headers: { ...(user ? { 'x-mitra-user': user } : {}), ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
      }
      const response = await api.fetch(new Request(`http://mitra.test/api${path}`, init));
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
  };
}
