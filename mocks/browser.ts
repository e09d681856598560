import { createStore, del, get, set } from 'idb-keyval';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApi } from '../server/app';
import { createMemoryStore, type MemoryStore } from '../server/memory-store';
import type { Snapshot } from '../server/store';
import { demoSnapshot } from './demo-data';
import { apiHandlers } from './handlers';

/** Bump when the stored shape changes: an old snapshot is then replaced by the demo data. */
const SNAPSHOT_VERSION = 1;
const idb = createStore('mitra-demo', 'store');
const KEY = `snapshot-v${SNAPSHOT_VERSION}`;

/** A little latency so loading states are seen in development as they will be in production. */
const LATENCY_MS = 120;

/**
 * Load data set for `npm run bench:follow-ups`: `?dataset=load[&followUps=N]` generates the
 * data in the browser (seed 922; N defaults to 50,000) instead of reading IndexedDB, never saves
 * it, and adds no latency. The choice is kept in sessionStorage so reloads in the tab keep it
 * (the app rewrites the query string); `?dataset=demo` goes back to the demo data.
 */
const LOAD_DATASET_KEY = 'mitra.dataset.load';

function loadDatasetSize(): number | undefined {
  const params = new URL(location.href).searchParams;
  const dataset = params.get('dataset');
  if (dataset === 'load') {
    const n = Number(params.get('followUps') ?? 50_000);
    const size = Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : 50_000;
    sessionStorage.setItem(LOAD_DATASET_KEY, String(size));
  } else if (dataset === 'demo') {
    sessionStorage.removeItem(LOAD_DATASET_KEY);
  }
  const saved = sessionStorage.getItem(LOAD_DATASET_KEY);
  return saved === null ? undefined : Number(saved);
}

async function loadDataset(followUps: number): Promise<Snapshot> {
  const { generateSnapshot } = await import('./generator');
  performance.mark('mitra:dataset:start');
  const snapshot = generateSnapshot({ seed: 922, followUps, meetings: 5000, partnerships: 40 });
  performance.measure('mitra:dataset', 'mitra:dataset:start'); // read by the benchmark
  return snapshot;
}

let store: MemoryStore;
let api: ReturnType<typeof createApi>;
let saving: Promise<void> = Promise.resolve();

function adoptSnapshot(snapshot: Snapshot, persist = true) {
  store = createMemoryStore(snapshot);
  api = createApi({ store });
  if (!persist) return; // the load data set lives in memory only
  // Persist after each committed write; writes are queued so they land in order.
  store.onCommit(() => {
    const snap = store.snapshot();
    saving = saving.then(() => set(KEY, snap, idb)).catch((error: unknown) => console.warn('[demo] could not save', error));
  });
}

async function loadSnapshot(): Promise<Snapshot> {
  try {
    const saved = await get<Snapshot>(KEY, idb);
    if (saved && Array.isArray(saved.followUps)) return saved;
  } catch (error) {
    console.warn('[demo] stored data unreadable, starting from the demo data', error);
  }
  return demoSnapshot();
}

export async function startWorker(): Promise<void> {
  const loadSize = loadDatasetSize();
  if (loadSize === undefined) adoptSnapshot(await loadSnapshot());
  else adoptSnapshot(await loadDataset(loadSize), false);
  const latency = loadSize === undefined ? LATENCY_MS : 0;
  const worker = setupWorker(
    http.post('/api/_demo/reset', async () => {
      if (loadSize !== undefined) {
        adoptSnapshot(await loadDataset(loadSize), false); // regenerate; IndexedDB untouched
        return new HttpResponse(null, { status: 204 });
      }
      await saving;
      await del(KEY, idb);
      adoptSnapshot(demoSnapshot());
      return new HttpResponse(null, { status: 204 });
    }),
    http.all('/api/*', async () => {
      if (latency > 0) await delay(latency);
      return undefined; // fall through to the API
    }),
    ...apiHandlers(() => api),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
