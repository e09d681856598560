import { createApi } from '../../server/app';
import type { ApiOptions } from '../../server/context';
import { inspect, type Inspect } from '../../server/db/inspect';
import type { Snapshot } from '../../server/store';
import { IDS } from '../../server/seed/demo-data';
import { openSeededDatabase, type TestDatabase } from '../db/harness';
import { onTestFinished } from 'vitest';

/** 1 November 2025, 10:00 in Jakarta: after the Binzhou visit, before most due dates. */
export const NOW = new Date('2025-11-01T03:00:00.000Z');

/** What a test reads back (and sets up) directly in the database, beside the API. */
export type TestStore = Inspect;

export type TestApi = {
  store: TestStore;
  database: TestDatabase;
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; user?: string | null }): Promise<{ status: number; headers: Headers; body: any }>;
};

/**
 * A fresh API over a fresh database for each test (the demo data unless told otherwise), called
 * the way a browser would call it. The engine is the vitest project's: SQLite in memory
 * ('node'), PostgreSQL ('api-postgres'). Closed when the test ends.
 */
export async function testApi(snapshot?: Snapshot, now: Date = NOW, options: Partial<ApiOptions> = {}): Promise<TestApi> {
  // Registered before the first await: vitest knows the running test only until then. Outside a
  // test (a benchmark, a script) the caller closes `database` itself.
  const opening = openSeededDatabase(snapshot);
  try {
    onTestFinished(async () => (await opening).close());
  } catch {
    // not inside a test
  }
  const database = await opening;
  const api = createApi({ database, now: () => now, ...options });
  return {
    store: inspect(database),
    database,
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

/** A seeded database for the test (closed when it ends), and a view to read it back. */
export async function testDatabase(snapshot?: Snapshot): Promise<{ database: TestDatabase; store: TestStore }> {
  const opening = openSeededDatabase(snapshot);
  onTestFinished(async () => (await opening).close());
  const database = await opening;
  return { database, store: inspect(database) };
}
