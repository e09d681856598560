/**
 * Where sign-in keeps its secrets, apart from the domain's resources: password hashes, sessions
 * and failed sign-in counters never sit in a User (so never in the audit trail, an API answer or
 * a snapshot). One implementation, over the SQL data layer (server/auth/db-store.ts), on every
 * engine: with several processes on one PostgreSQL database, sessions, counters and settings are
 * shared through it. Times are milliseconds since the epoch.
 */
export type SessionRecord = {
  /** SHA-256 of the session id (base64url); the id itself is only ever in the cookie. */
  idHash: string;
  userId: string;
  createdAt: number;
  lastSeenAt: number;
};

export type FailureRecord = { count: number; lastAt: number };

export interface AuthStore {
  getPasswordHash(userId: string): Promise<string | undefined>;
  setPasswordHash(userId: string, hash: string): Promise<void>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(idHash: string): Promise<SessionRecord | undefined>;
  touchSession(idHash: string, lastSeenAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /** Ends every session of a user (disabled, password reset). */
  deleteUserSessions(userId: string): Promise<void>;
  /** Drops sessions idle since before `lastSeenBefore` or created before `createdBefore`. */
  deleteExpiredSessions(lastSeenBefore: number, createdBefore: number): Promise<void>;
  /** Ends every session of every user (a backup was restored). */
  deleteAllSessions(): Promise<void>;
  /** Failed sign-ins by key (`pair:<address>|<email>`, `ip:<address>`, …); absent keys are left out. */
  getFailures(keys: readonly string[]): Promise<Map<string, FailureRecord>>;
  /**
   * Counts one failure: one atomic statement (`count = count + 1`, returning the count), so
   * parallel attempts in any number of processes are each counted once.
   */
  recordFailure(key: string, at: number): Promise<FailureRecord>;
  /** Takes back one failure recorded before the check (the attempt succeeded); drops it at zero. */
  undoFailure(key: string): Promise<void>;
  /** Drops a counter; true when there was one. */
  clearFailures(key: string): Promise<boolean>;
  /** Drops failure counters whose last failure is older than `before` (the wait is long over). */
  deleteFailuresBefore(before: number): Promise<void>;
  /** Small named values of this database: the device-cookie key, the one-time setup secret's hash. */
  getSetting(name: string): Promise<string | undefined>;
  /** Sets a value, or removes it with undefined. */
  setSetting(name: string, value: string | undefined): Promise<void>;
  /**
   * Stores `value` unless the setting has one already, and returns the one stored: of two
   * processes making it at once, both end up with the same.
   */
  ensureSetting(name: string, value: string): Promise<string>;
  /** Removes the setting if its value is still `expected`; true for the one caller that did. */
  takeSetting(name: string, expected: string): Promise<boolean>;
}
