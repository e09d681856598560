import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApi } from '../server/app';
import type { Snapshot } from '../server/store';
import { openDemoDatabase, type DemoDatabase } from './demo-database';
import { demoStorage } from './demo-storage';
import { apiHandlers } from './handlers';

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

/**
 * The demo build's ready-made database file (scripts/vite-demo-database.ts), fetched when nothing
 * was saved yet; none in development (the page makes the database itself).
 */
function fetchDemoDatabase(): Promise<Uint8Array | undefined> {
  const url = import.meta.env.MITRA_DEMO_DATABASE_URL as string | undefined;
  if (!url) return Promise.resolve(undefined);
  return fetch(url).then(async (response) => (response.ok ? new Uint8Array(await response.arrayBuffer()) : undefined));
}

let demo: DemoDatabase | undefined;
let api: ReturnType<typeof createApi>;

/**
 * The demo's API runs on SQLite compiled to WebAssembly with the server's own schema, queries and
 * migrations (mocks/demo-database.ts). Its bytes are kept in IndexedDB after each write, so the
 * demo survives a reload; the load data set lives in memory only.
 */
async function adopt(persist: boolean, snapshot?: Snapshot): Promise<void> {
  await demo?.close();
  demo = await openDemoDatabase(
    persist
      ? { load: demoStorage.load, save: demoStorage.save, legacySnapshot: demoStorage.legacySnapshot, initial: fetchDemoDatabase }
      : // The load data set: filled from the generated snapshot, never saved.
        { legacySnapshot: async () => snapshot },
  );
  api = createApi({ database: demo.database });
}

/**
 * Starts the service worker at once and opens the database beside it: the app renders while
 * SQLite loads, and every API request waits for the database to be ready (the page shows its
 * loading state meanwhile, not a blank screen).
 */
export async function startWorker(): Promise<void> {
  const loadSize = loadDatasetSize();
  const ready = loadSize === undefined ? adopt(true) : loadDataset(loadSize).then((snapshot) => adopt(false, snapshot));
  ready.catch((error: unknown) => console.error('[demo] the demo database cannot be opened', error));
  const latency = loadSize === undefined ? LATENCY_MS : 0;
  const worker = setupWorker(
    http.post('/api/_demo/reset', async () => {
      await ready;
      if (loadSize !== undefined) {
        await adopt(false, await loadDataset(loadSize)); // regenerate; IndexedDB untouched
        return new HttpResponse(null, { status: 204 });
      }
      await demo?.reset();
      return new HttpResponse(null, { status: 204 });
    }),
    http.all('/api/*', async () => {
      await ready;
      if (latency > 0) await delay(latency);
      return undefined; // fall through to the API
    }),
    ...apiHandlers(() => ({
      async fetch(request: Request) {
        await ready;
        const response = await api.fetch(request);
        // A write is answered once the database's bytes are in IndexedDB (saves are queued and
        // skipped when nothing changed): a reload right after a save never loses it.
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          await demo?.persist().catch((error: unknown) => console.warn('[demo] could not save', error));
        }
        return response;
      },
    })),
  );
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
}
