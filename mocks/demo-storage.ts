import { createStore, del, get, set } from 'idb-keyval';
import type { Snapshot } from '../server/store';

/**
 * Where the browser demo keeps its database between reloads: the bytes of the SQLite file
 * (mocks/demo-database.ts) under one key of IndexedDB, through idb-keyval. The database and
 * object store are the ones the demo used before the SQL store ('mitra-demo' / 'store'), so the
 * snapshot it saved there ('snapshot-v1') can be read once and moved over.
 */
const idb = createStore('mitra-demo', 'store');
/** Bump when a saved database can no longer be moved forward by the migrations. */
export const DEMO_DATABASE_KEY = 'sqlite-v1';
const LEGACY_SNAPSHOT_KEY = 'snapshot-v1';
let legacyDeleted = false;

export const demoStorage = {
  async load(): Promise<Uint8Array | undefined> {
    const value = await get<unknown>(DEMO_DATABASE_KEY, idb);
    return value instanceof Uint8Array ? value : undefined;
  },
  async save(bytes: Uint8Array): Promise<void> {
    await set(DEMO_DATABASE_KEY, bytes, idb);
    // Moved over by the first save: the old snapshot is not needed again.
    if (!legacyDeleted) {
      await del(LEGACY_SNAPSHOT_KEY, idb);
      legacyDeleted = true;
    }
  },
  /** The previous demo's data (a JSON snapshot), if it saved any. */
  async legacySnapshot(): Promise<Snapshot | undefined> {
    const saved = await get<Snapshot>(LEGACY_SNAPSHOT_KEY, idb);
    return saved && Array.isArray(saved.followUps) ? saved : undefined;
  },
  async clear(): Promise<void> {
    await del(DEMO_DATABASE_KEY, idb);
    await del(LEGACY_SNAPSHOT_KEY, idb);
  },
};
