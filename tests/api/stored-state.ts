import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestApi } from './helpers';

/**
 * Everything the database holds, as one string: equal before and after a request means the
 * request stored nothing (data, audit, links, search text, idempotency keys, the id sequence).
 * Stricter than comparing `store.snapshot()` and cheap enough to take around every generated
 * request: on SQLite a hash of the database's bytes (about a millisecond for the demo data,
 * against some 30 ms for a snapshot); on PostgreSQL every row of every table, sorted.
 */
export async function storedState(api: Pick<TestApi, 'database'>): Promise<string> {
  const { sqlite, db } = api.database;
  if (sqlite) return createHash('sha1').update(sqlite.serialize()).digest('hex');
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
