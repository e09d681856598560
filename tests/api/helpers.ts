import { createApi } from '../../server/app';
import { createMemoryStore, type MemoryStore } from '../../server/memory-store';
import type { Snapshot } from '../../server/store';
import { demoSnapshot, IDS } from '../../mocks/demo-data';

/** 1 November 2025, 10:00 in Jakarta: after the Binzhou visit, before most due dates. */
export const NOW = new Date('2025-11-01T03:00:00.000Z');

export type TestApi = {
  store: MemoryStore;
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; user?: string | null }): Promise<{ status: number; headers: Headers; body: any }>;
};

/** A fresh API over a fresh store for each test, called the way a browser would call it. */
export function testApi(snapshot: Snapshot = demoSnapshot(), now: Date = NOW): TestApi {
  const store = createMemoryStore(snapshot);
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
