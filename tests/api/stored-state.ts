import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApi } from './helpers';

/**
 * Everything the database holds: equal before and after a request means the request stored
 * nothing (data, audit, links, search text, idempotency keys, the id sequence). Stricter than
 * comparing `store.snapshot()` and cheap enough to take around every generated request: on
 * SQLite the database's bytes (a copy of the demo data takes a few milliseconds, a snapshot
 * some 30), on PostgreSQL a hash of every row of every table, sorted. Compare with `sameState`.
 */
export type StoredState = Buffer | string;

export async function storedState(api: Pick<TestApi, 'database'>): Promise<StoredState> {
  const { sqlite, db } = api.database;
  if (sqlite) return sqlite.serialize();
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    parts.push(`${name}:${rows.rows.map((row) => JSON.stringify(row)).sort().join('\n')}`);
  }
  return createHash('sha1').update(parts.join('\n\n')).digest('hex');
}

/** Whether two stored states are the same. */
export function sameState(a: StoredState, b: StoredState): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.equals(b);
}

/**
 * A stamp that moves whenever a row may have been written, kept or rolled back: on SQLite the
 * connection's total_changes() (every INSERT, UPDATE and DELETE it ran), on PostgreSQL the
 * cluster's next transaction id (a transaction that writes takes one; another test's writes move
 * it too, which only costs a fresh copy). Unmoved, the stored state cannot have changed, so
 * `storedState` need not be taken again.
 */
export async function changeStamp(api: Pick<TestApi, 'database'>): Promise<string> {
  const { sqlite, db } = api.database;
  if (sqlite) return String((sqlite.prepare('select total_changes() as n').get() as { n: number }).n);
  const result = await sql<{ n: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as n`.execute(db);
  return result.rows[0]!.n;
}
