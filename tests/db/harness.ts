import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, openSqlite, type Database } from '../../server/db/engine';
import type { Engine } from '../../server/db/dialect';
import { migrateToLatest } from '../../server/db/migrations';

/**
 * The engine this vitest project tests: 'sqlite' (in memory) or 'postgres' (a new database per
 * test in the cluster that tests/setup-postgres.ts started). Every test here runs on both.
 */
export const ENGINE = (process.env.MITRA_TEST_ENGINE ?? 'sqlite') as Engine;

/** False when the engine under test cannot run here (PostgreSQL not installed): its tests are skipped. */
export const engineAvailable = ENGINE === 'sqlite' || inject('postgresUrl') !== '';

let template: Promise<string> | undefined;
let counter = 0;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (db: Kysely<unknown>) => Promise<T>): Promise<T> {
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: inject('postgresUrl'), max: 1 }) }) });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
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

/** A fresh, migrated, empty database; `close()` also drops it on PostgreSQL. */
export async function openTestDatabase(options: { migrate?: boolean; poolSize?: number } = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (ENGINE === 'sqlite') {
    const opened = openSqlite({ path: ':memory:' });
    if (migrate) await migrateToLatest(opened.db, 'sqlite');
    return opened;
  }
  const name = `mitra_test_${process.pid}_${(counter += 1)}`;
  const source = migrate ? await postgresTemplate() : undefined;
  await admin((db) =>
    source
      ? sql`create database ${sql.id(name)} template ${sql.id(source)}`.execute(db)
      : sql`create database ${sql.id(name)}`.execute(db),
  );
  const opened = openPostgres({ url: withDatabase(inject('postgresUrl'), name), poolSize: options.poolSize ?? 4 });
  return {
    ...opened,
    async close() {
      await opened.close();
      await admin((db) => sql`drop database if exists ${sql.id(name)} with (force)`.execute(db));
    },
  };
}
