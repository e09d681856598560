import type { Database as WasmDatabase, PreparedStatement, Sqlite3Static, SqlValue } from '@sqlite.org/sqlite-wasm';
import { Kysely, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { sqliteDialect, type Database } from './sqlite-dialect';
import type { DB } from './schema';

/**
 * The same store on SQLite compiled to WebAssembly, for the browser demo (npm run dev): the
 * schema, migrations and every query are the ones the server runs on better-sqlite3; only the
 * handle differs. `bytes` is a database exported earlier (sqlite3_js_db_export), to carry the
 * demo's data across reloads; `exportBytes` writes the current state out again.
 *
 * This module takes the initialised SQLite module as an argument so that nothing here imports the
 * WebAssembly build: only the demo entry and the tests load it.
 */
export type WasmSqlite = Database & { exportBytes(): Uint8Array };

/** An oo1 statement behind the better-sqlite3-shaped interface Kysely's SQLite driver calls. */
function statement(sqlite3: Sqlite3Static, db: WasmDatabase, stmt: PreparedStatement): SqliteStatement {
  const bind = (parameters: ReadonlyArray<unknown>) => {
    stmt.reset(true);
    if (parameters.length > 0) stmt.bind(parameters as SqlValue[]);
  };
  const rows = (parameters: ReadonlyArray<unknown>) => {
    bind(parameters);
    const out: unknown[] = [];
    while (stmt.step()) out.push(stmt.get({}));
    stmt.reset();
    return out;
  };
  return {
    reader: stmt.columnCount > 0,
    all: rows,
    run(parameters) {
      bind(parameters);
      stmt.step();
      stmt.reset();
      return { changes: db.changes(), lastInsertRowid: sqlite3.capi.sqlite3_last_insert_rowid(db) };
    },
    *iterate(parameters) {
      yield* rows(parameters);
    },
  };
}

export function openWasmSqlite(sqlite3: Sqlite3Static, bytes?: Uint8Array): WasmSqlite {
  const db = new sqlite3.oo1.DB(':memory:');
  if (bytes && bytes.length > 0) {
    const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
    const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
    const rc = sqlite3.capi.sqlite3_deserialize(db, 'main', pointer, bytes.length, bytes.length, flags);
    db.checkRc(rc);
  }
  db.exec('pragma foreign_keys = on');
  const prepared = new Map<string, PreparedStatement>();
  const handle: SqliteDatabase = {
    close() {
      for (const stmt of prepared.values()) stmt.finalize();
      prepared.clear();
      db.close();
    },
    prepare(sql) {
      let stmt = prepared.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        prepared.set(sql, stmt);
      }
      return statement(sqlite3, db, stmt);
    },
  };
  const kysely = new Kysely<DB>({ dialect: sqliteDialect(handle) });
  return {
    db: kysely,
    engine: 'sqlite',
    close: () => kysely.destroy(),
    exportBytes: () => sqlite3.capi.sqlite3_js_db_export(db),
  };
}
