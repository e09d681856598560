import type { Database } from 'better-sqlite3';

/**
 * One schema change, applied once per database and recorded by name in `schema_migrations`.
 * Names are the identity: never rename or edit a migration that has shipped, add a new one.
 * Modules that own their own tables (auth, say) keep their own list and prefix their names
 * (`auth/001-users`) so lists never collide in the shared table.
 */
export type Migration = {
  name: string;
  up: string | ((db: Database) => void);
};

/**
 * Applies, in order and in one transaction, every migration of the list this database has not
 * seen yet; returns the names applied. If one fails, none of this call's migrations is kept.
 */
export function migrate(db: Database, migrations: readonly Migration[]): string[] {
  const names = new Set<string>();
  for (const migration of migrations) {
    if (names.has(migration.name)) throw new Error(`migration ${migration.name} is listed twice`);
    names.add(migration.name);
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(
    db.prepare<[], string>('SELECT name FROM schema_migrations').pluck().all(),
  );
  const record = db.prepare<[string, string]>('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  return db.transaction(() => {
    const done: string[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      record.run(migration.name, new Date().toISOString());
      done.push(migration.name);
    }
    return done;
  }).immediate();
}
