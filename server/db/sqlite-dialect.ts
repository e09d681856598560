import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Kysely,
  type SqliteDatabase,
} from 'kysely';
import type { Engine } from './dialect';
import type { Database as SqliteFile } from 'better-sqlite3';
import type { DB } from './schema';

/**
 * Kysely's SQLite dialect for any handle with better-sqlite3's shape: better-sqlite3 on the server
 * (server/db/engine.ts), SQLite compiled to WebAssembly in the browser demo (server/db/wasm.ts).
 * No Node module here: the demo bundles this file.
 */
export type Database = {
  db: Kysely<DB>;
  engine: Engine;
  /** The SQLite file handle (backups, the crash test); undefined on PostgreSQL. */
  sqlite?: SqliteFile;
  close(): Promise<void>;
};

/**
 * A write transaction on SQLite starts with BEGIN IMMEDIATE: it takes the write lock at once, so
 * two processes on one file queue on busy_timeout instead of failing when a read upgrades to a
 * write (SQLITE_BUSY_SNAPSHOT). Everything else is Kysely's own SQLite driver.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export function sqliteDialect(database: SqliteDatabase): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver({ database }),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

