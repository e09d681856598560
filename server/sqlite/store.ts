import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { createMemoryStore, type WriteThrough } from '../memory-store';
import { COLLECTIONS, type CollectionName, type Snapshot, type Store, type StoredResponse } from '../store';
import { migrate } from './migrate';
import { STORE_MIGRATIONS, TABLES } from './migrations';
import { demoSnapshot, emptySnapshot } from './seeds';

export type SqliteStore = Store & {
  /** Everything in the database, read back from SQLite (not from memory). */
  snapshot(): Snapshot;
};

export type OpenSqliteStoreOptions = {
  /** What a new database starts with: a snapshot, or 'empty' (reference data only). Default: the demo data. */
  seed?: Snapshot | 'empty';
};

/** Idempotency records older than this are dropped at open: a retry comes within minutes, not weeks. */
const IDEMPOTENCY_KEEP_DAYS = 30;

/**
 * Test hook for the crash-safety test, off unless the variable is set: when
 * `MITRA_TEST_CRASH_AFTER_INSERT=<collection>` (e.g. `meetings`), the process SIGKILLs itself
 * right after that collection's row is written, before the transaction commits.
 */
const CRASH_HOOK = 'MITRA_TEST_CRASH_AFTER_INSERT';

/**
 * The Store over SQLite. Every collection is loaded into the memory store at open, which serves
 * all reads (so lists and stats behave exactly as in the browser and the tests); every change is
 * written through to SQLite inside the same transaction. A transaction is a SQLite transaction
 * around the memory store's: if anything throws (the work, a SQL write, the COMMIT itself),
 * SQLite rolls back and the memory undo journal takes every change back.
 */
export function openSqliteStore(
  path: string,
  options: OpenSqliteStoreOptions = {},
): { store: SqliteStore; db: SqliteDatabase; close(): void } {
  ownerOnly(path);
  const db = new Database(path);
  try {
    return { ...build(db, options), db, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

function build(db: SqliteDatabase, options: OpenSqliteStoreOptions): { store: SqliteStore } {
  if (!db.memory) {
    // WAL: readers (a backup, a report) never block the writer, and a crash mid-write leaves
    // the last commit intact. synchronous=FULL: each COMMIT is on disk before the API answers,
    // so a saved visit survives a power cut too (NORMAL could lose the last commits). Writes
    // here are a few per minute; the fsync costs nothing a user notices.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('busy_timeout = 5000');

  migrate(db, STORE_MIGRATIONS);
  seedIfNew(db, options.seed);
  db.prepare('DELETE FROM idempotency WHERE created_at < ?').run(
    new Date(Date.now() - IDEMPOTENCY_KEEP_DAYS * 86_400_000).toISOString(),
  );

  const insert = statements(db, (table) => `INSERT INTO ${table} (id, data) VALUES (?, ?)`);
  const update = statements(db, (table) => `UPDATE ${table} SET data = ? WHERE id = ?`);
  const setSequence = db.prepare<[string]>(`UPDATE meta SET value = ? WHERE key = 'sequence'`);
  const crashAfter = process.env[CRASH_HOOK];

  const writeThrough: WriteThrough = {
    insert(collection, item) {
      insert[collection].run(item.id, JSON.stringify(item));
      if (crashAfter === collection) process.kill(process.pid, 'SIGKILL');
    },
    replace(collection, item) {
      const { changes } = update[collection].run(JSON.stringify(item), item.id);
      if (changes !== 1) throw new Error(`${collection}: no row ${item.id} to replace`);
    },
    sequence(value) {
      setSequence.run(String(value));
    },
  };

  const readAll = snapshotReader(db);
  const memory = createMemoryStore(readAll(), writeThrough);

  function transaction<R>(work: () => R, context?: Parameters<Store['transaction']>[1]): R {
    // Nested: the outer transaction owns both the SQL transaction and the undo journal.
    if (db.inTransaction) return memory.transaction(work, context);
    // The memory transaction outside, SQLite's inside: a failed COMMIT also undoes memory.
    return memory.transaction(() => db.transaction(work).immediate(), context);
  }

  /** A write outside any transaction still gets one: memory and SQLite never part ways. */
  function collection<K extends CollectionName>(name: K): Store[K] {
    const inner = memory[name] as Store[CollectionName];
    return {
      get: (id: string) => inner.get(id),
      all: () => inner.all(),
      count: () => inner.count(),
      insert: (item: never) => transaction(() => inner.insert(item)),
      replace: (item: never) => transaction(() => inner.replace(item)),
    } as Store[K];
  }

  const getIdempotent = db.prepare<[string], { request_hash: string; status: number; body: string; headers: string }>(
    'SELECT request_hash, status, body, headers FROM idempotency WHERE key = ?',
  );
  const putIdempotent = db.prepare<[string, string, number, string, string, string]>(
    `INSERT OR REPLACE INTO idempotency (key, request_hash, status, body, headers, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );

  const store: SqliteStore = {
    sectors: collection('sectors'),
    regions: collection('regions'),
    organizations: collection('organizations'),
    people: collection('people'),
    users: collection('users'),
    partnerships: collection('partnerships'),
    meetings: collection('meetings'),
    followUps: collection('followUps'),
    audit: collection('audit'),
    transaction,
    nextId: (prefix) => transaction(() => memory.nextId(prefix)),
    idempotency: {
      get(key): StoredResponse | undefined {
        const row = getIdempotent.get(key);
        if (!row) return undefined;
        return {
          requestHash: row.request_hash,
          status: row.status,
          body: JSON.parse(row.body) as unknown,
          headers: JSON.parse(row.headers) as Record<string, string>,
        };
      },
      put(key, response) {
        putIdempotent.run(
          key,
          response.requestHash,
          response.status,
          JSON.stringify(response.body),
          JSON.stringify(response.headers),
          new Date().toISOString(),
        );
      },
    },
    snapshot: readAll,
  };
  return { store };
}

function statements(db: SqliteDatabase, sql: (table: string) => string) {
  return Object.fromEntries(COLLECTIONS.map((name) => [name, db.prepare(sql(TABLES[name]))])) as Record<
    CollectionName,
    Database.Statement<[string, string]>
  >;
}

/** A new database (no sequence yet) gets its seed, in one transaction. */
function seedIfNew(db: SqliteDatabase, seed: OpenSqliteStoreOptions['seed']): void {
  const seeded = db.prepare(`SELECT 1 FROM meta WHERE key = 'sequence'`).get() !== undefined;
  if (seeded) return;
  const snapshot = seed === 'empty' ? emptySnapshot() : (seed ?? demoSnapshot());
  db.transaction(() => {
    for (const name of COLLECTIONS) {
      const rows = (snapshot as Partial<Record<CollectionName, Array<{ id: string }>>>)[name] ?? [];
      const statement = db.prepare<[string, string]>(`INSERT INTO ${TABLES[name]} (id, data) VALUES (?, ?)`);
      for (const row of rows) statement.run(row.id, JSON.stringify(row));
    }
    db.prepare(`INSERT INTO meta (key, value) VALUES ('sequence', ?)`).run(String(snapshot.sequence));
  }).immediate();
}

/** Reads every row of every collection, in the order first stored, and the id sequence. */
function snapshotReader(db: SqliteDatabase): () => Snapshot {
  const rows = COLLECTIONS.map(
    (name) => [name, db.prepare<[], string>(`SELECT data FROM ${TABLES[name]} ORDER BY seq`).pluck()] as const,
  );
  const sequence = db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'sequence'`).pluck();
  return () => {
    const out: Record<string, unknown> = {};
    for (const [name, statement] of rows) out[name] = statement.all().map((data) => JSON.parse(data) as unknown);
    out.sequence = Number(sequence.get() ?? 0);
    return out as Snapshot;
  };
}

/**
 * The database holds names, e-mail addresses and password hashes: its file is created readable
 * by its owner only (0600), whatever the umask, and an existing one is narrowed to that. SQLite
 * gives the -wal and -shm files beside it the database file's permissions.
 */
export function ownerOnly(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return;
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}
