import { chmodSync, existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3, { type Database as SqliteFile, type Statement } from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase } from 'kysely';
import { createRequire } from 'node:module';
import type pgModule from 'pg';
import type { DB } from './schema';
import { sqliteDialect, type Database } from './sqlite-dialect';

export type { Database } from './sqlite-dialect';

/**
 * Opening a database on either engine: SQLite (better-sqlite3, the embedded default) or
 * PostgreSQL (node-postgres pool, when DATABASE_URL is set). What differs between them beyond
 * this file lives in server/db/dialect.ts; every query is written once, with Kysely.
 */
export type SqliteOptions = {
  /** A file path, or ':memory:'. */
  path: string;
  /** An existing handle (a copy of a template database, say) instead of opening `path`. */
  handle?: SqliteFile;
};

/**
 * better-sqlite3 behind Kysely's SqliteDatabase interface, with prepared statements kept: Kysely
 * prepares every query afresh, and a list request runs the same few statements all day.
 */
function cachedStatements(file: SqliteFile, size = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => file.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        // Most recently used last: the first key is the one to drop when full.
        cache.delete(sql);
      } else {
        statement = file.prepare(sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

/** The database files hold names and e-mail addresses: readable by their owner only. */
export function createPrivateFile(path: string): void {
  if (path === ':memory:' || existsSync(path)) return;
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

export function openSqlite(options: SqliteOptions): Database {
  if (!options.handle) createPrivateFile(options.path);
  const file = options.handle ?? new BetterSqlite3(options.path);
  if (!file.memory) {
    // WAL: readers (a backup, another process) never block the writer, and a crash mid-write
    // leaves the last commit intact. synchronous=FULL: each COMMIT is on disk before the API
    // answers, so a saved visit survives a power cut too.
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
  }
  file.pragma('busy_timeout = 5000');
  file.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: sqliteDialect(cachedStatements(file)) });
  return { db, engine: 'sqlite', sqlite: file, close: () => db.destroy() };
}

export type PostgresOptions = {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections per process (default 10): a few per core of the database server, shared by all processes. */
  poolSize?: number;
};

/**
 * node-postgres, loaded only when a PostgreSQL database is opened: on SQLite (the default) the
 * server never needs it, and loading it was a tenth of the built server's start.
 */
let pgLoaded: typeof pgModule | undefined;
function pg(): typeof pgModule {
  pgLoaded ??= createRequire(import.meta.url)('pg') as typeof pgModule;
  return pgLoaded;
}

const PG_TYPES = { DATE: 1082, TIMESTAMPTZ: 1184, INT8: 20, NUMERIC: 1700 } as const;

/**
 * Values come back as the domain writes them: days as 'YYYY-MM-DD' (not a Date at local
 * midnight), instants as ISO strings in UTC, counts as numbers (not bigint strings).
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case PG_TYPES.DATE:
        return (value: string) => value;
      case PG_TYPES.TIMESTAMPTZ:
        // The session's TimeZone is UTC (see the pool's options): '2025-11-01 03:00:00.123+00'.
        return (value: string) => new Date(`${value.replace(' ', 'T').replace(/\+00$/, 'Z')}`).toISOString();
      case PG_TYPES.INT8:
      case PG_TYPES.NUMERIC:
        return (value: string) => Number(value);
      default:
        return pg().types.getTypeParser(oid, format);
    }
  },
} as pgModule.CustomTypesConfig;

export function openPostgres(options: PostgresOptions): Database {
  const pool = new (pg().Pool)({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Instants are compared and returned in UTC whatever the server's own zone.
    options: '-c TimeZone=UTC',
  });
  // A dropped idle connection must not crash the process; the next query gets a new one.
  pool.on('error', (error) => console.error('[db] idle PostgreSQL connection failed', error.message));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** DATABASE_URL → PostgreSQL, otherwise the SQLite file. */
export function openDatabase(options: { url?: string | undefined; sqlitePath: string; poolSize?: number }): Database {
  if (options.url) return openPostgres({ url: options.url, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
  return openSqlite({ path: options.sqlitePath });
}
