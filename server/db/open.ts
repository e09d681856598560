import type { Snapshot } from '../store';
import { openDatabase, type Database } from './engine';
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
