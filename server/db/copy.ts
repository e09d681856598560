import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, sql, type RawBuilder } from 'kysely';
import { currentSequence, searchIndexStatements, SEARCHABLE_TABLES, setSequence, type Engine } from './dialect';
import { openSqlite, type Database } from './engine';
import { migrateToLatest, migrationsFor } from './migrations';
import type { DB } from './schema';
import { sqliteDialect } from './sqlite-dialect';
import { TABLE_KEYS, TABLES, type TableName } from './tables';

export { TABLE_KEYS, TABLES, type TableName } from './tables';

/**
 * `npm run db:copy`: a SQLite database moved onto PostgreSQL, every row, checked.
 *
 * The source is opened read-only and read inside one read transaction (a consistent state even if
 * a server still writes to it); a file of an older release is first copied to a temporary file and
 * migrated there, never in place. The target is migrated to the latest version and must hold no
 * rows. Every table of the schema is copied in primary-key order, in batches, inside one
 * transaction on the target; the id sequence follows. Before that transaction commits, each table
 * is compared on both sides: row count and a SHA-256 over its rows in primary-key order, values
 * normalised (flags as 1/0, instants as ISO strings, JSON with sorted keys) so that SQLite's text and
 * PostgreSQL's typed columns hash alike. Any difference rolls the whole copy back.
 *
 * Not copied: the search indexes' own data (SQLite's FTS5 tables; PostgreSQL builds its pg_trgm
 * indexes as rows arrive), Kysely's migration records (the target has its own), and meta's
 * `sequence` row (SQLite's id counter; PostgreSQL's is the `mitra_ids` sequence, set and compared).
 */


/** meta rows that are one engine's storage of something compared on its own (the id counter). */
const META_SKIPPED = ['sequence'];

type Row = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Column kinds and normalised values

/** What a column holds, where the engines store it differently. */
export type ColumnKind = 'instant' | 'json' | 'text' | 'other';
/** Per table, per column; PostgreSQL's declared types (SQLite's are all text, integer or real). */
export type ColumnKinds = Partial<Record<TableName, Record<string, ColumnKind>>>;

/**
 * The kinds of every column, read from PostgreSQL's catalogue. A SQLite database declares none
 * that matter (its instants and JSON are text): the kinds of the PostgreSQL side are used for both.
 */
export async function columnKinds(database: Database): Promise<ColumnKinds> {
  if (database.engine !== 'postgres') return {};
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema()`.execute(database.db);
  const kinds: ColumnKinds = {};
  for (const row of rows) {
    if (!(row.table_name in TABLE_KEYS)) continue;
    const table = (kinds[row.table_name as TableName] ??= {});
    table[row.column_name] =
      row.data_type === 'timestamp with time zone' ? 'instant'
      : row.data_type === 'jsonb' || row.data_type === 'json' ? 'json'
      : row.data_type === 'text' ? 'text'
      : 'other';
  }
  return kinds;
}

/** JSON with object keys sorted, at every depth: jsonb keeps its own key order. */
function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.stringify(sort(value)) ?? 'null';
}

/**
 * One value as both engines agree on it: booleans as 1/0, instants as ISO strings in UTC with
 * milliseconds, JSON (SQLite's text, PostgreSQL's parsed value) as canonical JSON text.
 */
export function normalizeValue(value: unknown, kind: ColumnKind = 'other'): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return `x'${Buffer.from(value).toString('hex')}'`;
  if (kind === 'json') {
    if (typeof value !== 'string') return canonicalJson(value);
    try {
      return canonicalJson(JSON.parse(value));
    } catch {
      return value;
    }
  }
  if (kind === 'instant' && typeof value === 'string') {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Reading a table in primary-key order

type Executor = Kysely<DB>;

/**
 * Reads `table` in primary-key order, `batchSize` rows at a time. SQLite: keyset pages over the
 * primary key's index. PostgreSQL: one cursor (inside the caller's transaction), with text keys
 * compared byte by byte (COLLATE "C", SQLite's BINARY) so that both engines read the same order.
 */
async function readInOrder(
  db: Executor,
  engine: Engine,
  table: TableName,
  kinds: ColumnKinds,
  batchSize: number,
  onBatch: (rows: Row[]) => Promise<void> | void,
): Promise<void> {
  const key = TABLE_KEYS[table] as readonly string[];
  const skip = table === 'meta' ? sql` where key not in (${sql.join(META_SKIPPED)})` : sql``;
  if (engine === 'postgres') {
    if (!db.isTransaction) throw new Error('reading PostgreSQL in order needs a transaction (a cursor lives in one)');
    const order = sql.join(key.map((c) => (kinds[table]?.[c] === 'text' ? sql`${sql.ref(c)} collate "C"` : sql.ref(c))));
    const cursor = sql.id(`mitra_read_${table}`);
    await sql`declare ${cursor} no scroll cursor for select * from ${sql.table(table)}${skip} order by ${order}`.execute(db);
    for (;;) {
      const { rows } = await sql<Row>`fetch forward ${sql.raw(String(batchSize))} from ${cursor}`.execute(db);
      if (rows.length > 0) await onBatch(rows);
      if (rows.length < batchSize) break;
    }
    await sql`close ${cursor}`.execute(db);
    return;
  }
  let last: unknown[] | undefined;
  for (;;) {
    const conditions: RawBuilder<unknown>[] = [];
    if (table === 'meta') conditions.push(sql`key not in (${sql.join(META_SKIPPED)})`);
    if (last) {
      const after = last;
      // (a, b) > (x, y), spelt out: a > x or (a = x and b > y)
      const branches = key.map((column, i) =>
        sql.join([...key.slice(0, i).map((c, j) => sql`${sql.ref(c)} = ${after[j]}`), sql`${sql.ref(column)} > ${after[i]}`], sql` and `),
      );
      conditions.push(sql`(${sql.join(branches.map((b) => sql`(${b})`), sql` or `)})`);
    }
    const where = conditions.length > 0 ? sql` where ${sql.join(conditions, sql` and `)}` : sql``;
    const { rows } = await sql<Row>`select * from ${sql.table(table)}${where} order by ${sql.join(key.map((c) => sql.ref(c)))} limit ${batchSize}`.execute(db);
    if (rows.length > 0) await onBatch(rows);
    if (rows.length < batchSize) break;
    const end = rows[rows.length - 1]!;
    last = key.map((c) => end[c]);
  }
}

// ---------------------------------------------------------------------------------------------
// Counts and content hashes

export type TableDigest = { rows: number; sha256: string };

/** Row count and SHA-256 of `table`'s rows in primary-key order, values normalised. */
export async function tableDigest(
  db: Executor,
  engine: Engine,
  table: TableName,
  kinds: ColumnKinds,
  batchSize = 1000,
): Promise<TableDigest> {
  if (engine === 'postgres' && !db.isTransaction) {
    return db.transaction().execute((trx) => tableDigest(trx, engine, table, kinds, batchSize));
  }
  const hash = createHash('sha256');
  let rows = 0;
  let columns: string[] | undefined;
  await readInOrder(db, engine, table, kinds, batchSize, (batch) => {
    for (const row of batch) {
      if (!columns) {
        columns = Object.keys(row).sort();
        hash.update(`${JSON.stringify(columns)}\n`);
      }
      const values = columns.map((c) => normalizeValue(row[c], kinds[table]?.[c]));
      hash.update(`${JSON.stringify(values)}\n`);
      rows += 1;
    }
  });
  return { rows, sha256: hash.digest('hex') };
}

export type TableReport = { table: string; source: TableDigest; target: TableDigest; same: boolean };

export type CopyReport = {
  tables: TableReport[];
  /** The id sequence (SQLite: meta.sequence; PostgreSQL: mitra_ids) on both sides. */
  sequence: { source: number; target: number; same: boolean };
  same: boolean;
  /** The source file was of an older release and was migrated in a temporary copy first. */
  migratedSource: string[];
  millis: number;
};

/** Count and hash every table on both sides (each side inside a transaction of the caller's or its own). */
export async function compareDatabases(
  source: { db: Executor; engine: Engine },
  target: { db: Executor; engine: Engine },
  kinds: ColumnKinds,
  batchSize = 1000,
): Promise<Pick<CopyReport, 'tables' | 'sequence' | 'same'>> {
  const tables: TableReport[] = [];
  for (const table of TABLES) {
    const s = await tableDigest(source.db, source.engine, table, kinds, batchSize);
    const t = await tableDigest(target.db, target.engine, table, kinds, batchSize);
    tables.push({ table, source: s, target: t, same: s.rows === t.rows && s.sha256 === t.sha256 });
  }
  const s = await currentSequence(source.db, source.engine);
  const t = await currentSequence(target.db, target.engine);
  const sequence = { source: s, target: t, same: s === t };
  return { tables, sequence, same: sequence.same && tables.every((r) => r.same) };
}

/** The report as a table for a terminal. */
export function formatReport(report: Pick<CopyReport, 'tables' | 'sequence'>): string {
  const lines = [['table', 'rows (SQLite)', 'rows (PostgreSQL)', 'sha256 (SQLite)', 'sha256 (PostgreSQL)', '']];
  for (const r of report.tables) {
    lines.push([r.table, String(r.source.rows), String(r.target.rows), r.source.sha256.slice(0, 16), r.target.sha256.slice(0, 16), r.same ? 'ok' : 'DIFFERENT']);
  }
  const q = report.sequence;
  lines.push(['(id sequence)', String(q.source), String(q.target), '', '', q.same ? 'ok' : 'DIFFERENT']);
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines
    .map((l) => l.map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// The copy

/** A refusal or a failed check: the message says what to do; nothing was written. */
export class CopyError extends Error {
  constructor(
    message: string,
    readonly report?: Pick<CopyReport, 'tables' | 'sequence'>,
  ) {
    super(message);
    this.name = 'CopyError';
  }
}

export type CopyOptions = {
  /** The SQLite file to copy (opened read-only, never changed). */
  from: string;
  /** The PostgreSQL database to fill: migrated here, must hold no rows. */
  to: Database;
  batchSize?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Called with each batch before it is written; tests corrupt a row here to prove the check. */
  beforeInsert?: (table: TableName, rows: Row[]) => Row[];
};

/** The tables of the schema that hold rows (meta aside: every migrated database has some). */
async function tablesWithRows(database: Database): Promise<string[]> {
  const { rows } =
    database.engine === 'postgres'
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(database.db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(database.db);
  const existing = new Set(rows.map((r) => r.name));
  const found: string[] = [];
  for (const table of TABLES) {
    if (table === 'meta' || !existing.has(table)) continue;
    const row = await sql<{ one: number }>`select 1 as one from ${sql.table(table)} limit 1`.execute(database.db);
    if (row.rows.length > 0) found.push(table);
  }
  return found;
}

type Source = { db: Kysely<DB>; migrated: string[]; close(): Promise<void> };

/**
 * The source, read-only. A file whose migrations are behind this release is copied (SQLite's
 * online backup: consistent even while a server writes) to a temporary file, migrated there and
 * read from there; the user's file is never written.
 */
async function openSource(path: string): Promise<Source> {
  let handle: BetterSqlite3.Database;
  try {
    handle = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyError(`cannot open ${path} as a SQLite database: ${(error as Error).message}`);
  }
  const db = new Kysely<DB>({ dialect: sqliteDialect(handle) });
  try {
    const tables = new Set((await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)).rows.map((r) => r.name));
    if (!tables.has('meta')) throw new CopyError(`${path} is not a Mitra database (it has no meta table)`);
    const known = migrationsFor('sqlite');
    const provider = { getMigrations: async () => known };
    const state = await new Migrator({ db, provider }).getMigrations();
    if (tables.has('kysely_migration')) {
      const applied = (await sql<{ name: string }>`select name from kysely_migration`.execute(db)).rows.map((r) => r.name);
      const unknown = applied.filter((name) => !(name in known));
      if (unknown.length > 0) {
        throw new CopyError(`${path} was written by a newer release (migrations ${unknown.join(', ')}): copy it with that release`);
      }
    }
    const pending = state.filter((m) => !m.executedAt).map((m) => m.name);
    if (pending.length === 0) return { db, migrated: [], close: () => db.destroy() };

    const dir = mkdtempSync(join(tmpdir(), 'mitra-copy-'));
    const copy = join(dir, 'source.sqlite');
    try {
      await handle.backup(copy);
      await db.destroy();
      const migrated = openSqlite({ path: copy });
      await migrateToLatest(migrated.db, 'sqlite');
      return {
        db: migrated.db,
        migrated: pending,
        async close() {
          await migrated.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

/**
 * Copies the SQLite file `from` into the PostgreSQL database `to` (see the top of this file).
 * Throws CopyError when it refuses or when the check finds a difference (with the report), having
 * written nothing; returns the report when every table matched and the copy is committed.
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopyReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 1000;
  const log = options.log ?? (() => undefined);
  const target = options.to;
  if (target.engine !== 'postgres') throw new CopyError('the target must be a PostgreSQL database (postgres://…)');

  const source = await openSource(options.from);
  try {
    if (source.migrated.length > 0) log(`the source is of an older release: migrated a temporary copy (${source.migrated.join(', ')})`);

    const occupied = await tablesWithRows(target);
    if (occupied.length > 0) {
      throw new CopyError(
        `the target database already holds rows (${occupied.slice(0, 4).join(', ')}${occupied.length > 4 ? ` and ${occupied.length - 4} more tables` : ''}): copy into a new, empty database ` +
          `(createdb …), or drop and re-create this one if its data is not needed`,
      );
    }
    const applied = await migrateToLatest(target.db, 'postgres');
    if (applied.length > 0) log(`target migrated: ${applied.join(', ')}`);
    const kinds = await columnKinds(target);

    // One read transaction on the source (a consistent state), one write transaction on the target.
    return await source.db.connection().execute(async (reader) => {
      await sql`begin`.execute(reader);
      try {
        const report = await target.db.transaction().execute(async (trx) => {
          // Rows already there would have been refused above; a copy started beside this one is
          // refused here by the primary keys (and rolled back whole).
          // Bulk-load practice: the trigram indexes are built once after the rows are in, not row
          // by row (dropped and re-created by their own statements, inside this transaction).
          for (const table of SEARCHABLE_TABLES) await sql`drop index if exists ${sql.id(`${table}_search_trgm`)}`.execute(trx);
          for (const table of TABLES) {
            const tableStarted = performance.now();
            let copied = 0;
            await readInOrder(reader, 'sqlite', table, kinds, batchSize, async (rows) => {
              const batch = options.beforeInsert ? options.beforeInsert(table, rows) : rows;
              if (table === 'meta') {
                // meta already has the target's data_version (migrations write it): the source's wins.
                await trx
                  .insertInto('meta')
                  .values(batch as Array<{ key: string; value: string }>)
                  .onConflict((oc) => oc.column('key').doUpdateSet({ value: (eb) => eb.ref('excluded.value') }))
                  .execute();
              } else {
                // PostgreSQL takes at most 65,535 parameters per statement: one per value.
                const perStatement = Math.max(1, Math.floor(60_000 / Math.max(1, Object.keys(batch[0] ?? {}).length)));
                for (let i = 0; i < batch.length; i += perStatement) {
                  await trx.insertInto(table).values(batch.slice(i, i + perStatement) as never).execute();
                }
              }
              copied += batch.length;
            });
            log(`${table}: ${copied} rows (${Math.round(performance.now() - tableStarted)} ms)`);
          }
          const indexStarted = performance.now();
          for (const table of SEARCHABLE_TABLES) {
            for (const statement of searchIndexStatements('postgres', table)) await statement.execute(trx);
          }
          log(`search indexes built (${Math.round(performance.now() - indexStarted)} ms)`);
          // Identity columns given explicit values: move their sequences past the copied rows.
          for (const table of TABLES) {
            if (!(TABLE_KEYS[table] as readonly string[]).includes('seq')) continue;
            await sql`select setval(pg_get_serial_sequence(${table}, 'seq'), coalesce(max(seq), 0) + 1, false) from ${sql.table(table)}`.execute(trx);
          }
          await setSequence(trx, 'postgres', await currentSequence(reader, 'sqlite'));

          log('checking: counts and SHA-256 of every table on both sides');
          const checkStarted = performance.now();
          const compared = await compareDatabases({ db: reader, engine: 'sqlite' }, { db: trx, engine: 'postgres' }, kinds, batchSize);
          log(`checked in ${Math.round(performance.now() - checkStarted)} ms`);
          if (!compared.same) {
            const tables = compared.tables.filter((t) => !t.same).map((t) => t.table);
            throw new CopyError(
              `the copy differs from the source (${[...tables, ...(compared.sequence.same ? [] : ['id sequence'])].join(', ')}): rolled back, nothing written`,
              compared,
            );
          }
          return compared;
        });
        return { ...report, migratedSource: source.migrated, millis: Math.round(performance.now() - started) };
      } finally {
        await sql`rollback`.execute(reader);
      }
    });
  } finally {
    await source.close();
  }
}
