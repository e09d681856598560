import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { sql } from 'kysely';
import { bumpDataVersion, readDataVersion } from '../server/db/cache';
import { migrateToLatest } from '../server/db/migrations';
import { writeSnapshot } from '../server/db/snapshot';
import type { Database } from '../server/db/sqlite-dialect';
import { TABLES } from '../server/db/tables';
import { openWasmSqlite, type WasmSqlite } from '../server/db/wasm';
import type { Snapshot } from '../server/store';
import { demoSeed } from '../server/seed/seeds';

/**
 * The browser demo's database: the server's schema, migrations and queries on SQLite compiled to
 * WebAssembly, in memory, carried across reloads as the bytes of the database file (IndexedDB:
 * mocks/demo-storage.ts). Loaded only by the demo (npm run dev, npm run build:demo): the SQLite
 * module is imported dynamically here, so nothing else bundles it.
 *
 * At open: the saved bytes, moved forward by the migrations if an older demo saved them; none, or
 * unreadable ones (a warning), give a new database with the demo data. `persist()` after each
 * write saves the bytes, in order, and only when the data changed since the last save.
 */
export type DemoDatabase = {
  /** The open database; the same object for the life of the page (reset() refills it in place). */
  readonly database: Database;
  /**
   * Saves the current state if it changed since the last save. Saves run one after another. Call
   * it after a write has committed, never inside a transaction (it waits for the connection).
   */
  persist(): Promise<void>;
  /** Back to the demo data ("Pulihkan data demo"), saved at once. */
  reset(): Promise<void>;
  close(): Promise<void>;
};

export type DemoDatabaseOptions = {
  /** The bytes saved last time, if any. */
  load?: () => Promise<Uint8Array | undefined>;
  save?: (bytes: Uint8Array) => Promise<void>;
  /**
   * The data of a demo from before the SQL store (a JSON snapshot), used instead of the demo data
   * when no database was saved yet, so a visitor's changes survive the upgrade.
   */
  legacySnapshot?: () => Promise<Snapshot | undefined>;
  /**
   * A database already holding the demo data, made at build time by this same code (the demo
   * build ships it as a file: scripts/vite-demo-database.ts), opened when nothing was saved yet
   * instead of migrating and seeding in the page (seconds on a slow machine). Missing (npm run
   * dev), unreadable or not a SQLite file: the database is made here as before.
   */
  initial?: () => Promise<Uint8Array | undefined>;
  /** The initialised SQLite module; by default @sqlite.org/sqlite-wasm, loaded once. */
  sqlite3?: () => Promise<Sqlite3Static>;
};

let sqliteModule: Promise<Sqlite3Static> | undefined;
function loadSqlite(): Promise<Sqlite3Static> {
  sqliteModule ??= import('@sqlite.org/sqlite-wasm').then((m) => m.default());
  return sqliteModule;
}

/** Empties every table of the schema (children first) but meta, then writes the snapshot. */
async function refill(database: Database, snapshot: Snapshot): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    for (const table of [...TABLES].reverse()) {
      if (table !== 'meta') await trx.deleteFrom(table).execute();
    }
    await writeSnapshot(trx, database.engine, snapshot);
    // data_version only ever moves on: answers kept under an earlier version stay unused.
    await bumpDataVersion(trx);
  });
}

async function isEmpty(database: Database): Promise<boolean> {
  const row = await database.db.selectFrom('sectors').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Opens `bytes` and migrates it to this release (returning the migrations applied); throws when
 * it is not a database this release can read.
 */
async function openSaved(sqlite3: Sqlite3Static, bytes: Uint8Array): Promise<{ opened: WasmSqlite; migrated: string[] }> {
  const opened = openWasmSqlite(sqlite3, bytes);
  try {
    const { rows } = await sql<{ quick_check: string }>`pragma quick_check`.execute(opened.db);
    if (rows[0]?.quick_check !== 'ok') throw new Error(`the saved database is damaged (${rows.map((r) => r.quick_check).join('; ')})`);
    return { opened, migrated: await migrateToLatest(opened.db, 'sqlite') };
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}

/** The first 16 bytes of every SQLite database file. */
const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * The build's ready-made demo database (options.initial), opened and migrated; undefined, to make
 * one in the page, when there is none or it cannot be used (a development server answers the
 * file's URL with index.html, say).
 */
async function openInitial(sqlite3: Sqlite3Static, initial: () => Promise<Uint8Array | undefined>): Promise<WasmSqlite | undefined> {
  try {
    const bytes = await initial();
    if (!bytes || new TextDecoder().decode(bytes.subarray(0, SQLITE_HEADER.length)) !== SQLITE_HEADER) return undefined;
    return (await openSaved(sqlite3, bytes)).opened;
  } catch (error) {
    console.warn('[demo] the demo database of the build cannot be opened, making it here', error);
    return undefined;
  }
}

export async function openDemoDatabase(options: DemoDatabaseOptions = {}): Promise<DemoDatabase> {
  const sqlite3 = await (options.sqlite3 ?? loadSqlite)();

  let saved: Uint8Array | undefined;
  try {
    saved = await options.load?.();
  } catch (error) {
    console.warn('[demo] could not read the saved database, starting from the demo data', error);
  }

  let opened: WasmSqlite | undefined;
  /** The saved bytes are what is open now: not migrated, not refilled. */
  let asSaved = false;
  if (saved && saved.length > 0) {
    try {
      const result = await openSaved(sqlite3, saved);
      opened = result.opened;
      asSaved = result.migrated.length === 0;
    } catch (error) {
      console.warn('[demo] the saved database cannot be opened, starting from the demo data', error);
    }
  }
  const fromSaved = opened !== undefined;
  /** The previous demo's data, read only when no database was saved. */
  let legacy: Snapshot | undefined;
  if (!fromSaved) {
    try {
      legacy = await options.legacySnapshot?.();
    } catch (error) {
      console.warn('[demo] the data of the previous demo cannot be read, starting from the demo data', error);
    }
  }
  if (!opened && !legacy && options.initial) opened = await openInitial(sqlite3, options.initial);
  if (!opened) {
    opened = openWasmSqlite(sqlite3);
    // 4 KiB pages (this build's default is 8): the schema's ~140 tables, indexes and search tables
    // take a page each at least, and every save writes them all (the demo data: 520 KB, not 940).
    await sql`pragma page_size = 4096`.execute(opened.db);
    await migrateToLatest(opened.db, 'sqlite');
  }
  const database = opened;

  if (await isEmpty(database)) {
    asSaved = false;
    try {
      await refill(database, legacy ?? demoSeed());
    } catch (error) {
      if (!legacy) throw error;
      console.warn('[demo] the data of the previous demo cannot be moved, starting from the demo data', error);
      await refill(database, demoSeed());
    }
  }

  /**
   * What persist() compares: meta.data_version (every write moves it on) and SQLite's count of
   * changed rows on this connection (so a write that forgot to move it is saved all the same).
   * Read on the database's one connection, so never in the middle of a transaction.
   */
  const state = () =>
    database.db.connection().execute(async (conn) => {
      const version = await readDataVersion(conn);
      const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(conn);
      return `${version}/${rows[0]?.n ?? 0}`;
    });

  /** The state last saved: persist() skips while it stays the same. A new, migrated or refilled database is saved at the first persist(). */
  let savedState = asSaved ? await state() : undefined;

  let queue: Promise<void> = Promise.resolve();
  const persist = (): Promise<void> => {
    const run = queue.then(async () => {
      if (!options.save) return;
      const current = await state();
      if (current === savedState) return;
      // Exported on the one connection too: a transaction in flight is never half saved.
      const bytes = await database.db.connection().execute(async () => database.exportBytes());
      await options.save(bytes);
      savedState = current;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    database: { db: database.db, engine: database.engine, close: database.close },
    persist,
    async reset() {
      await queue;
      await refill(database, demoSeed());
      await persist();
    },
    async close() {
      await queue;
      await database.close();
    },
  };
}

/**
 * The bytes of a new demo database (the demo data, migrated and seeded here), as the demo build
 * ships it for `initial` (scripts/demo-database-file.ts).
 */
export async function makeDemoDatabaseFile(options: Pick<DemoDatabaseOptions, 'sqlite3'> = {}): Promise<Uint8Array> {
  let bytes: Uint8Array | undefined;
  const demo = await openDemoDatabase({
    ...options,
    save: async (saved) => {
      bytes = saved;
    },
  });
  await demo.persist(); // a new database: saved at the first persist()
  await demo.close();
  if (!bytes) throw new Error('the demo database was not exported');
  return bytes;
}
