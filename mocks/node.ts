import { setupServer } from 'msw/node';
import { createApi } from '../server/app';
import { createMemoryStore, type MemoryStore } from '../server/memory-store';
import type { Snapshot } from '../server/store';
import { demoSnapshot } from './demo-data';
import { apiHandlers } from './handlers';

/** A fixed "now" for tests: 1 November 2025, 10:00 in Jakarta. */
export const TEST_NOW = new Date('2025-11-01T03:00:00.000Z');

let store: MemoryStore = createMemoryStore(demoSnapshot());
let api = createApi({ store, now: () => TEST_NOW });

/** A fresh store (the demo data unless told otherwise) for every test. */
export function resetApi(snapshot: Snapshot = demoSnapshot(), now: () => Date = () => TEST_NOW): MemoryStore {
  store = createMemoryStore(snapshot);
  api = createApi({ store, now });
  return store;
}

export function currentStore(): MemoryStore {
  return store;
}

export const server = setupServer(...apiHandlers(() => api));
