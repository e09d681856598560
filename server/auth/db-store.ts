import type { Database } from '../db/sqlite-dialect';
import type { AuthStore, FailureRecord, SessionRecord } from './store';

/**
 * The AuthStore over the SQL data layer (server/db): the tables `auth_credentials`,
 * `auth_sessions` and `auth_failures` (server/db/migrations.ts), and small settings in `meta`
 * under `auth:<name>`. The same queries on SQLite, PostgreSQL and SQLite in WebAssembly; every
 * change is one statement, so several processes on one database share sessions, counters and
 * settings without any copy in memory. Credentials and sessions are keyed by user id with no
 * foreign key to `users`: a hash may be stored just before its user is inserted.
 */
/** The `meta` key of an auth setting. */
export const authSettingKey = (name: string) => `auth:${name}`;

export function createDbAuthStore(database: Database): AuthStore {
  const { db } = database;
  const setting = authSettingKey;
  const session = (row: { id_hash: string; user_id: string; created_at: number; last_seen_at: number }): SessionRecord => ({
    idHash: row.id_hash,
    userId: row.user_id,
    createdAt: Number(row.created_at),
    lastSeenAt: Number(row.last_seen_at),
  });
  const failure = (row: { count: number; last_at: number }): FailureRecord => ({ count: Number(row.count), lastAt: Number(row.last_at) });

  return {
    async getPasswordHash(userId) {
      const row = await db.selectFrom('auth_credentials').select('password_hash').where('user_id', '=', userId).executeTakeFirst();
      return row?.password_hash;
    },

    async setPasswordHash(userId, hash) {
      await db
        .insertInto('auth_credentials')
        .values({ user_id: userId, password_hash: hash, updated_at: Date.now() })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet((eb) => ({ password_hash: eb.ref('excluded.password_hash'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .execute();
    },

    async createSession(s) {
      await db.insertInto('auth_sessions').values({ id_hash: s.idHash, user_id: s.userId, created_at: s.createdAt, last_seen_at: s.lastSeenAt }).execute();
    },

    async getSession(idHash) {
      const row = await db.selectFrom('auth_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
      return row ? session(row) : undefined;
    },

    async touchSession(idHash, lastSeenAt) {
      // Never backwards: of two requests through two processes, the later time stays.
      await db.updateTable('auth_sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).where('last_seen_at', '<', lastSeenAt).execute();
    },

    async deleteSession(idHash) {
      await db.deleteFrom('auth_sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteUserSessions(userId) {
      await db.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
    },

    async deleteExpiredSessions(lastSeenBefore, createdBefore) {
      await db
        .deleteFrom('auth_sessions')
        .where((eb) => eb.or([eb('last_seen_at', '<', lastSeenBefore), eb('created_at', '<', createdBefore)]))
        .execute();
    },

    async deleteAllSessions() {
      await db.deleteFrom('auth_sessions').execute();
    },

    async getFailures(keys) {
      const wanted = [...new Set(keys)];
      if (wanted.length === 0) return new Map();
      const rows = await db.selectFrom('auth_failures').select(['key', 'count', 'last_at']).where('key', 'in', wanted).execute();
      return new Map(rows.map((row) => [row.key, failure(row)]));
    },

    async recordFailure(key, at) {
      // One statement: the database serialises concurrent upserts of one key (a row lock on
      // PostgreSQL, the write lock on SQLite), so each is counted, in any number of processes.
      const row = await db
        .insertInto('auth_failures')
        .values({ key, count: 1, last_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ count: eb('auth_failures.count', '+', 1), last_at: eb.ref('excluded.last_at') })))
        .returning(['count', 'last_at'])
        .executeTakeFirstOrThrow();
      return failure(row);
    },

    async undoFailure(key) {
      // Down by one, then gone at zero: a failure counted in between (1 → 0 → 1) is kept.
      const row = await db
        .updateTable('auth_failures')
        .set((eb) => ({ count: eb('count', '-', 1) }))
        .where('key', '=', key)
        .where('count', '>', 0)
        .returning('count')
        .executeTakeFirst();
      if (row && Number(row.count) <= 0) await db.deleteFrom('auth_failures').where('key', '=', key).where('count', '<=', 0).execute();
    },

    async clearFailures(key) {
      const result = await db.deleteFrom('auth_failures').where('key', '=', key).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async deleteFailuresBefore(before) {
      await db.deleteFrom('auth_failures').where('last_at', '<', before).execute();
    },

    async getSetting(name) {
      const row = await db.selectFrom('meta').select('value').where('key', '=', setting(name)).executeTakeFirst();
      return row?.value;
    },

    async setSetting(name, value) {
      if (value === undefined) {
        await db.deleteFrom('meta').where('key', '=', setting(name)).execute();
        return;
      }
      await db
        .insertInto('meta')
        .values({ key: setting(name), value })
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))
        .execute();
    },

    async ensureSetting(name, value) {
      await db
        .insertInto('meta')
        .values({ key: setting(name), value })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('meta').select('value').where('key', '=', setting(name)).executeTakeFirstOrThrow();
      return row.value;
    },

    async takeSetting(name, expected) {
      const result = await db.deleteFrom('meta').where('key', '=', setting(name)).where('value', '=', expected).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
