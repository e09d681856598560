import type { Snapshot } from '../store';
import BetterSqlite3 from 'better-sqlite3';
import { demoSnapshot } from '../seed/demo-data';
import { openDatabase, openSqlite, type Database } from './engine';
import { migrateToLatest } from './migrations';
import { writeSnapshot } from './snapshot';

export type OpenOptions = {
  /** postgres://… (DATABASE_URL): PostgreSQL; otherwise the SQLite file. */
  url?: string | undefined;
  sqlitePath: string;
  /** Connections per process on PostgreSQL. */
  poolSize?: number;
  /** What a new, empty database starts with. An existing database is never reseeded. */
  seed?: () => Snapshot;
};

/**
 * Opens the database `npm start` runs on, runs the migrations it lacks (forward only, each in
 * its transaction; several processes starting at once take turns on Kysely's migration lock),
 * and seeds a new one. A database that holds any user or sector is never seeded again.
 */
export async function openMitraDatabase(options: OpenOptions): Promise<Database> {
  const database = openDatabase({ url: options.url, sqlitePath: options.sqlitePath, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
  try {
    await migrateToLatest(database.db, database.engine);
    if (options.seed) await seedIfEmpty(database, options.seed);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

export async function seedIfEmpty(database: Database, seed: () => Snapshot): Promise<boolean> {
  return database.db.transaction().execute(async (trx) => {
    const users = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    const sectors = await trx.selectFrom('sectors').select('id').limit(1).executeTakeFirst();
    if (users || sectors) return false;
    await writeSnapshot(trx, database.engine, seed());
    return true;
  });
}

let demoBytes: Promise<Buffer> | undefined;

/**
 * An in-memory SQLite database holding the demo data, for tests and tools: the migrated, seeded
 * database is built once per process, and each call opens a copy of its bytes (about a millisecond).
 */
export async function openDemoSqliteCopy(): Promise<Database> {
  demoBytes ??= (async () => {
    const built = openSqlite({ path: ':memory:' });
    await migrateToLatest(built.db, 'sqlite');
    await writeSnapshot(built.db, 'sqlite', demoSnapshot());
    const bytes = (built.sqlite as BetterSqlite3.Database).serialize();
    await built.close();
    return bytes;
  })();
  return openSqlite({ path: ':memory:', handle: new BetterSqlite3(await demoBytes) });
}
