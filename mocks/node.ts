import { setupServer } from 'msw/node';
import { createApi } from '../server/app';
import { openSqlite, type Database } from '../server/db/engine';
import { inspect, type Inspect } from '../server/db/inspect';
import { migrateToLatest } from '../server/db/migrations';
import { openDemoSqliteCopy } from '../server/db/open';
import { writeSnapshot } from '../server/db/snapshot';
import { PROBLEM_TYPES, problemResponse } from '../server/problem';
import type { Snapshot } from '../server/store';
import { apiHandlers } from './handlers';
import { createRandom } from './random';

/** A fixed "now" for tests: 1 November 2025, 10:00 in Jakarta. */
export const TEST_NOW = new Date('2025-11-01T03:00:00.000Z');

async function openDatabase(snapshot: Snapshot | undefined): Promise<Database> {
  // The demo data: a copy of a database built once per test worker (server/db/open.ts).
  if (!snapshot) return openDemoSqliteCopy();
  const opened = openSqlite({ path: ':memory:' });
  await migrateToLatest(opened.db, 'sqlite');
  await writeSnapshot(opened.db, 'sqlite', snapshot);
  return opened;
}

let database: Database | undefined;
const retired: Database[] = [];
let store: Inspect | undefined;
let api: ReturnType<typeof createApi> | undefined;

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

/**
 * A fresh database (the demo data unless told otherwise, in SQLite in memory, the same schema and
 * queries as the server) for every test; writes succeed again. Returns a view to read it back.
 */
export async function resetApi(snapshot?: Snapshot, now: () => Date = () => TEST_NOW): Promise<Inspect> {
  if (database) retired.push(database);
  database = await openDatabase(snapshot);
  store = inspect(database);
  api = createApi({ database, now });
  writeFailure = undefined;
  // A request of the previous test may still be on its way (a query refetching as the page was
  // unmounted): its database stays open for one more test, then closes.
  while (retired.length > 2) await retired.shift()?.close();
  return store;
}

/** The current test's database, read and set up directly (server/db/inspect.ts). */
export function currentStore(): Inspect {
  if (!store) throw new Error('resetApi() first (tests/setup-dom.ts does it before each test)');
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
    if (!api) throw new Error('resetApi() first (tests/setup-dom.ts does it before each test)');
    return api.fetch(request);
  },
};

export const server = setupServer(...apiHandlers(() => flakyApi));
