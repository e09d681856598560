import { setupServer } from 'msw/node';
import { createApi } from '../server/app';
import { createMemoryStore, type MemoryStore } from '../server/memory-store';
import { PROBLEM_TYPES, problemResponse } from '../server/problem';
import type { Snapshot } from '../server/store';
import { demoSnapshot } from './demo-data';
import { apiHandlers } from './handlers';
import { createRandom } from './random';

/** A fixed "now" for tests: 1 November 2025, 10:00 in Jakarta. */
export const TEST_NOW = new Date('2025-11-01T03:00:00.000Z');

let store: MemoryStore = createMemoryStore(demoSnapshot());
let api = createApi({ store, now: () => TEST_NOW });

/** Writes that fail before they reach the API (a flaky network or server); off unless a test asks. */
let writeFailure: { rate: number; random: () => number } | undefined;

/**
 * Makes that share of the writes (every /api request but GET and HEAD) fail with a 500
 * problem+json without reaching the API, so nothing is changed. Deterministic: the same seed
 * fails the same writes in the same order. `setWriteFailureRate(0)` turns it off; so does resetApi.
 */
export function setWriteFailureRate(rate: number, seed = 1): void {
  if (!(rate >= 0 && rate <= 1))
    throw new RangeError(`a write failure rate is between 0 and 1, not ${rate}`);
  writeFailure = rate > 0 ? { rate, random: createRandom(seed).next } : undefined;
}

/** A fresh store (the demo data unless told otherwise) for every test; writes succeed again. */
export function resetApi(
  snapshot: Snapshot = demoSnapshot(),
  now: () => Date = () => TEST_NOW,
): MemoryStore {
  store = createMemoryStore(snapshot);
  api = createApi({ store, now });
  writeFailure = undefined;
  return store;
}

export function currentStore(): MemoryStore {
  return store;
}

function isWrite(request: Request): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD';
}

const flakyApi = {
  fetch(request: Request): Response | Promise<Response> {
    if (writeFailure && isWrite(request) && writeFailure.random() < writeFailure.rate) {
      return problemResponse({
        type: PROBLEM_TYPES.internal,
        title: 'Injected write failure (setWriteFailureRate). Nothing was changed.',
        status: 500,
      });
    }
    return api.fetch(request);
  },
};

export const server = setupServer(...apiHandlers(() => flakyApi));
