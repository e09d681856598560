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
 * A number that moves whenever a statement of this connection inserts, updates or deletes a row,
 * kept or rolled back (SQLite's total_changes()); undefined on PostgreSQL. Unmoved, the stored
 * state cannot have changed, so `storedState` need not be taken again.
 */
export function changeCount(api: Pick<TestApi, 'database'>): number | undefined {
  const { sqlite } = api.database;
  return sqlite ? (sqlite.prepare('select total_changes() as n').get() as { n: number }).n : undefined;
}
