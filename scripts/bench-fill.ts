/**
 * Large data sets for the benchmarks, written in the database itself: a generated snapshot of
 * ordinary size (generateSnapshot, written by writeSnapshot as the app writes it) is copied
 * `copies` times over by one INSERT … SELECT per table, crossed with a series of copy numbers (a
 * recursive CTE on SQLite, generate_series on PostgreSQL). One transaction; no row passes through
 * JavaScript, so 1,000,000 follow-ups take seconds to a few minutes instead of the generator's
 * memory and time. Each copy keeps its original's fields (the same partnership, sectors, status,
 * due date and history), with ids suffixed `-x<copy>`; the text search indexes are filled by the
 * database as for any insert (SQLite's FTS triggers, PostgreSQL's trigram index).
 */
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../server/db/dialect';
import type { DB } from '../server/db/schema';

/** The follow-up tables and the column that names the follow-up in each. */
const FOLLOW_UP_TABLES = [
  ['follow_ups', 'id'],
  ['follow_up_sectors', 'owner_id'],
  ['follow_up_meetings', 'follow_up_id'],
  ['follow_up_events', 'follow_up_id'],
] as const;

async function columnsOf(db: Kysely<DB>, engine: Engine, table: string): Promise<string[]> {
  if (engine === 'postgres') {
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db);
    return rows.map((r) => r.column_name);
  }
  const { rows } = await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Copies every follow-up (with its sector links, meetings and history) until the table holds at
 * least `target` rows; returns the number of follow-ups afterwards.
 */
export async function multiplyFollowUps(db: Kysely<DB>, engine: Engine, target: number): Promise<number> {
  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from follow_ups`.execute(db)).rows[0]?.n ?? 0);
  const base = await count();
  if (base === 0 || base >= target) return base;
  const copies = Math.ceil(target / base) - 1;
  const series =
    engine === 'postgres'
      ? sql`generate_series(1, ${sql.lit(copies)}) as k(n)`
      : sql`(with recursive k(n) as (select 1 union all select n + 1 from k where n < ${sql.lit(copies)}) select n from k) as k`;
  await db.transaction().execute(async (tx) => {
    for (const [table, idColumn] of FOLLOW_UP_TABLES) {
      // seq is the table's own serial key: each copy gets a new one.
      const columns = (await columnsOf(tx, engine, table)).filter((c) => c !== 'seq');
      const values = columns.map((c) => (c === idColumn ? sql`t.${sql.id(c)} || '-x' || ${engine === 'postgres' ? sql`k.n::text` : sql`k.n`}` : sql`t.${sql.id(c)}`));
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.id(c)))})
        select ${sql.join(values)} from ${sql.table(table)} as t cross join ${series}`.execute(tx);
    }
  });
  return count();
}
