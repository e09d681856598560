import type { Database } from 'better-sqlite3';
import { migrate, type Migration } from '../sqlite/migrate';
import type { AuthStore, FailureRecord, SessionRecord } from './store';

/** Failure counters are written to SQLite at most once per this many milliseconds (a burst: one commit). */
const FLUSH_MS = 1_000;

/** The auth tables, applied once per database through the shared migration table. */
export const AUTH_MIGRATIONS: readonly Migration[] = [{ name: 'auth/001-credentials-sessions-failures', up: `
CREATE TABLE IF NOT EXISTS auth_credentials (
  user_id TEXT PRIMARY KEY,
  password_hash TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_sessions (
  id_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS auth_sessions_user ON auth_sessions (user_id);
CREATE TABLE IF NOT EXISTS auth_failures (
  key TEXT PRIMARY KEY,
  count INTEGER NOT NULL,
  last_at INTEGER NOT NULL
);
` }, { name: 'auth/002-settings', up: `
CREATE TABLE IF NOT EXISTS auth_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
` }];

type SessionRow = { id_hash: string; user_id: string; created_at: number; last_seen_at: number };

/**
 * The AuthStore over a better-sqlite3 database (the same file as the domain data or another).
 * It creates its own tables (migrations named `auth/…` in the shared schema_migrations table). Credentials are keyed by user id, with no foreign key to the
 * domain's users table, so the two stores stay independent.
 */
export function createSqliteAuthStore(db: Database): AuthStore {
  migrate(db, AUTH_MIGRATIONS);
  const q = {
    getHash: db.prepare<[string], { password_hash: string }>('SELECT password_hash FROM auth_credentials WHERE user_id = ?'),
    setHash: db.prepare<[string, string, number]>(
      `INSERT INTO auth_credentials (user_id, password_hash, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at`,
    ),
    createSession: db.prepare<[string, string, number, number]>(
      'INSERT INTO auth_sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)',
    ),
    getSession: db.prepare<[string], SessionRow>('SELECT * FROM auth_sessions WHERE id_hash = ?'),
    touch: db.prepare<[number, string]>('UPDATE auth_sessions SET last_seen_at = ? WHERE id_hash = ?'),
    deleteSession: db.prepare<[string]>('DELETE FROM auth_sessions WHERE id_hash = ?'),
    deleteUserSessions: db.prepare<[string]>('DELETE FROM auth_sessions WHERE user_id = ?'),
    deleteExpired: db.prepare<[number, number]>('DELETE FROM auth_sessions WHERE last_seen_at < ? OR created_at < ?'),
    deleteFailuresBefore: db.prepare<[number]>('DELETE FROM auth_failures WHERE last_at < ?'),
    clearFailures: db.prepare<[string]>('DELETE FROM auth_failures WHERE key = ?'),
    getSetting: db.prepare<[string], { value: string }>('SELECT value FROM auth_settings WHERE name = ?'),
    setSetting: db.prepare<[string, string]>(
      'INSERT INTO auth_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    ),
    deleteSetting: db.prepare<[string]>('DELETE FROM auth_settings WHERE name = ?'),
    deleteAllSessions: db.prepare('DELETE FROM auth_sessions'),
  };
  const failure = (row: { count: number; last_at: number }): FailureRecord => ({ count: row.count, lastAt: row.last_at });

  /**
   * Failed sign-in counters are read and counted in memory and written behind: the first change
   * after a quiet second at once, later ones gathered into one transaction a second later. Each
   * SQLite commit waits for the disk (synchronous=FULL) on the thread every request shares, and
   * a burst of guesses must not turn into a burst of fsyncs (100 parallel wrong passwords held
   * every other request for seconds). A restart keeps all but the last second's counts.
   */
  const failures = new Map<string, FailureRecord>(
    db.prepare<[], { key: string; count: number; last_at: number }>('SELECT key, count, last_at FROM auth_failures').all().map((r) => [r.key, failure(r)]),
  );
  const dirty = new Set<string>();
  let lastFlush = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const upsertFailure = db.prepare<[string, number, number]>(
    `INSERT INTO auth_failures (key, count, last_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET count = excluded.count, last_at = excluded.last_at`,
  );
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (dirty.size === 0 || !db.open) return;
    lastFlush = Date.now();
    const keys = [...dirty];
    dirty.clear();
    db.transaction(() => {
      for (const key of keys) {
        const found = failures.get(key);
        if (found) upsertFailure.run(key, found.count, found.lastAt);
        else q.clearFailures.run(key);
      }
    })();
  };
  const changed = (key: string) => {
    dirty.add(key);
    if (timer) return;
    const since = Date.now() - lastFlush;
    if (since >= FLUSH_MS) flush();
    else {
      timer = setTimeout(flush, FLUSH_MS - since);
      timer.unref?.();
    }
  };
  return {
    getPasswordHash: (userId) => q.getHash.get(userId)?.password_hash,
    setPasswordHash: (userId, hash) => void q.setHash.run(userId, hash, Date.now()),
    createSession: (s: SessionRecord) => void q.createSession.run(s.idHash, s.userId, s.createdAt, s.lastSeenAt),
    getSession: (idHash) => {
      const row = q.getSession.get(idHash);
      return row ? { idHash: row.id_hash, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at } : undefined;
    },
    touchSession: (idHash, lastSeenAt) => void q.touch.run(lastSeenAt, idHash),
    deleteSession: (idHash) => void q.deleteSession.run(idHash),
    deleteUserSessions: (userId) => void q.deleteUserSessions.run(userId),
    deleteExpiredSessions: (lastSeenBefore, createdBefore) => void q.deleteExpired.run(lastSeenBefore, createdBefore),
    deleteFailuresBefore: (before) => {
      for (const [key, found] of failures) if (found.lastAt < before) failures.delete(key);
      q.deleteFailuresBefore.run(before);
    },
    getFailures: (key) => {
      const found = failures.get(key);
      return found ? { ...found } : undefined;
    },
    recordFailure: (key, at) => {
      const next = { count: (failures.get(key)?.count ?? 0) + 1, lastAt: at };
      failures.set(key, next);
      changed(key);
      return { ...next };
    },
    undoFailure: (key) => {
      const found = failures.get(key);
      if (!found) return;
      if (found.count <= 1) failures.delete(key);
      else failures.set(key, { ...found, count: found.count - 1 });
      changed(key);
    },
    clearFailures: (key) => {
      if (!failures.delete(key)) return;
      changed(key);
    },
    getSetting: (name) => q.getSetting.get(name)?.value,
    setSetting: (name, value) => void (value === undefined ? q.deleteSetting.run(name) : q.setSetting.run(name, value)),
    deleteAllSessions: () => void q.deleteAllSessions.run(),
  };
}
