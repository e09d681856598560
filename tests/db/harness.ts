import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type Database } from '../../server/db/engine';
import type { Engine } from '../../server/db/dialect';
import { migrateToLatest } from '../../server/db/migrations';
import { openWasmSqlite } from '../../server/db/wasm';
import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { writeSnapshot } from '../../server/db/snapshot';
import { openDemoSqliteCopy } from '../../server/db/open';
import { demoSnapshot } from '../../server/seed/demo-data';
import type { Snapshot } from '../../server/store';

/**
 * The engine this vitest project tests: 'sqlite' (in memory) or 'postgres' (a new database per
 * test in the cluster that tests/setup-postgres.ts started). Every test here runs on both.
 */
export const ENGINE = (process.env.MITRA_TEST_ENGINE ?? 'sqlite') as Engine;

/** False when the engine under test cannot run here (PostgreSQL not installed): its tests are skipped. */
export const engineAvailable = ENGINE === 'sqlite' || inject('postgresUrl') !== '';

/** SQLite compiled to WebAssembly (the browser demo's engine) instead of better-sqlite3. */
export const WASM = process.env.MITRA_TEST_SQLITE === 'wasm';
let wasm: Promise<Sqlite3Static> | undefined;
const wasmModule = () => (wasm ??= import('@sqlite.org/sqlite-wasm').then((m) => m.default()));

let template: Promise<string> | undefined;
let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** One connection per worker for creating and dropping test databases (kept for the worker's life). */
let adminDb: Kysely<unknown> | undefined;
async function admin<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  adminDb ??= new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: inject('postgresUrl'), max: 1 }) }) });
  return work(adminDb);
}

/** A migrated, empty database per worker, copied for each test (CREATE DATABASE … TEMPLATE). */
function postgresTemplate(): Promise<string> {
  template ??= (async () => {
    const name = `mitra_tpl_${process.pid}`;
    await admin(async (db) => {
      await sql`drop database if exists ${sql.id(name)}`.execute(db);
      await sql`create database ${sql.id(name)}`.execute(db);
    });
    const opened = openPostgres({ url: withDatabase(inject('postgresUrl'), name), poolSize: 1 });
    await migrateToLatest(opened.db, 'postgres');
    await opened.close();
    return name;
  })();
  return template;
}

/** A test database, and a way to open it again as another process would (its own connections). */
export type TestDatabase = Database & {
  openAnother(): Database;
  /** What another process opens: the SQLite file's path or the PostgreSQL URL. */
  target: string;
};

/**
 * A fresh, migrated, empty database; `close()` also drops it. `shared: true` puts a SQLite
 * database in a file (not in memory), so `openAnother` can open it a second time.
 */
export async function openTestDatabase(options: { migrate?: boolean; poolSize?: number; shared?: boolean; template?: () => Promise<string> } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (ENGINE === 'sqlite' && WASM) {
    const opened = openWasmSqlite(await wasmModule());
    if (migrate) await migrateToLatest(opened.db, 'sqlite');
    return {
      ...opened,
      target: ':memory:',
      openAnother() {
        throw new Error('SQLite in WebAssembly lives in one page: there is no other process');
      },
    };
  }
  if (ENGINE === 'sqlite') {
    const dir = options.shared ? mkdtempSync(join(tmpdir(), 'mitra-test-db-')) : undefined;
    const path = dir ? join(dir, 'test.sqlite') : ':memory:';
    const opened = openSqlite({ path });
    if (migrate) await migrateToLatest(opened.db, 'sqlite');
    return {
      ...opened,
      target: path,
      openAnother() {
        if (!dir) throw new Error('openAnother needs openTestDatabase({ shared: true })');
        return openSqlite({ path });
      },
      async close() {
        await opened.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `mitra_test_${process.pid}_${(counter += 1)}`;
  const source = migrate ? await (options.template ?? postgresTemplate)() : undefined;
  await admin((db) =>
    source
      ? sql`create database ${sql.id(name)} template ${sql.id(source)}`.execute(db)
      : sql`create database ${sql.id(name)}`.execute(db),
  );
  const url = withDatabase(inject('postgresUrl'), name);
  const opened = openPostgres({ url, poolSize: options.poolSize ?? 4 });
  return {
    ...opened,
    openAnother: () => openPostgres({ url, poolSize: 2 }),
    target: url,
    async close() {
      await opened.close();
      await admin((db) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(db));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Seeded databases for the API contract: a template per worker, copied for each test.

/**
 * A migrated database holding `snapshot` (the demo data by default), fresh for each test. On
 * SQLite the demo database is built once per worker and each test opens a copy of its bytes
 * (better-sqlite3 deserialises a buffer in about a millisecond); other snapshots, PostgreSQL and
 * WebAssembly are written afresh.
 */
export async function openSeededDatabase(snapshot?: Snapshot): Promise<TestDatabase> {
  if (ENGINE === 'sqlite' && !WASM && snapshot === undefined) {
    const opened = await openDemoSqliteCopy();
    return {
      ...opened,
      target: ':memory:',
      openAnother() {
        throw new Error('openAnother needs openTestDatabase({ shared: true })');
      },
    };
  }
  if (ENGINE === 'postgres' && snapshot === undefined) return openTestDatabase({ template: postgresDemoTemplate });
  const opened = await openTestDatabase();
  await writeSnapshot(opened.db, opened.engine, snapshot ?? demoSnapshot());
  return opened;
}

let demoPostgres: Promise<string> | undefined;

/** The demo data written once per worker into a template database, copied for each test (CREATE DATABASE … TEMPLATE). */
function postgresDemoTemplate(): Promise<string> {
  demoPostgres ??= (async () => {
    const name = `mitra_demo_tpl_${process.pid}`;
    const source = await postgresTemplate();
    await admin(async (db) => {
      await sql`drop database if exists ${sql.id(name)}`.execute(db);
      await sql`create database ${sql.id(name)} template ${sql.id(source)}`.execute(db);
    });
    const opened = openPostgres({ url: withDatabase(inject('postgresUrl'), name), poolSize: 1 });
    await writeSnapshot(opened.db, 'postgres', demoSnapshot());
    await sql`analyze`.execute(opened.db);
    await opened.close();
    return name;
  })();
  return demoPostgres;
}
