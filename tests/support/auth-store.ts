import BetterSqlite3 from 'better-sqlite3';
import { createDbAuthStore } from '../../server/auth/db-store';
import type { AuthStore, SessionRecord } from '../../server/auth/store';
import { openSqlite, type Database } from '../../server/db/engine';
import { migrateToLatest } from '../../server/db/migrations';

/**
 * Sign-in's store for the API tests that are not about an engine (those are in tests/db): the
 * one AuthStore, on an in-memory SQLite database migrated like any other. The migrated schema is
 * made once per test file and copied for each store, so a test starts in a millisecond.
 */
let template: Promise<Buffer> | undefined;

function migratedBytes(): Promise<Buffer> {
  template ??= (async () => {
    const database = openSqlite({ path: ':memory:' });
    await migrateToLatest(database.db, 'sqlite');
    const bytes = database.sqlite!.serialize();
    await database.close();
    return bytes;
  })();
  return template;
}

export type TestAuthStore = AuthStore & {
  database: Database;
  /** Every stored session, oldest first (what the tests look at; no route lists them). */
  sessions(): Promise<SessionRecord[]>;
};

export async function openTestAuthStore(): Promise<TestAuthStore> {
  const database = openSqlite({ path: ':memory:', handle: new BetterSqlite3(await migratedBytes()) });
  const store = createDbAuthStore(database);
  return {
    ...store,
    database,
    sessions: () => sessionsOf(database),
  };
}

/** Every stored session, oldest first. */
export async function sessionsOf(database: Database): Promise<SessionRecord[]> {
  const rows = await database.db.selectFrom('auth_sessions').selectAll().orderBy('created_at').orderBy('id_hash').execute();
  return rows.map((row) => ({ idHash: row.id_hash, userId: row.user_id, createdAt: Number(row.created_at), lastSeenAt: Number(row.last_seen_at) }));
}
