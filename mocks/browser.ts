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

let store: MemoryStore;
let api: ReturnType<typeof createApi>;
let saving: Promise<void> = Promise.resolve();

function adoptSnapshot(snapshot: Snapshot) {
  store = createMemoryStore(snapshot);
  api = createApi({ store });
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
  adoptSnapshot(await loadSnapshot());
  const worker = setupWorker(
    http.post('/api/_demo/reset', async () => {
      await saving;
      await del(KEY, idb);
      adoptSnapshot(demoSnapshot());
      return new HttpResponse(null, { status: 204 });
    }),
    http.all('/api/*', async () => {
      await delay(LATENCY_MS);
      return undefined; // fall through to the API
    }),
    ...apiHandlers(() => api),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
