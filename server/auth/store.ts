/**
 * Where sign-in keeps its secrets, apart from the domain store: password hashes, sessions and
 * failed sign-in counters never sit in a User (so never in the audit trail, an API answer or a
 * snapshot). Times are milliseconds since the epoch.
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
  getPasswordHash(userId: string): string | undefined;
  setPasswordHash(userId: string, hash: string): void;
  createSession(session: SessionRecord): void;
  getSession(idHash: string): SessionRecord | undefined;
  touchSession(idHash: string, lastSeenAt: number): void;
  deleteSession(idHash: string): void;
  /** Ends every session of a user (disabled, password reset). */
  deleteUserSessions(userId: string): void;
  /** Drops sessions idle since before `lastSeenBefore` or created before `createdBefore`. */
  deleteExpiredSessions(lastSeenBefore: number, createdBefore: number): void;
  /** Drops failure counters whose last failure is older than `before` (the wait is long over). */
  deleteFailuresBefore(before: number): void;
  /** Failed sign-ins by key (`account:<email>`, `ip:<address>`). */
  getFailures(key: string): FailureRecord | undefined;
  recordFailure(key: string, at: number): FailureRecord;
  /** Takes back one failure recorded before the check (the attempt succeeded); drops it at zero. */
  undoFailure(key: string): void;
  clearFailures(key: string): void;
  /** Small named values of this database: the device-cookie key, the one-time setup secret's hash. */
  getSetting(name: string): string | undefined;
  /** Sets a value, or removes it with undefined. */
  setSetting(name: string, value: string | undefined): void;
  /** Ends every session of every user (a backup was restored). */
  deleteAllSessions(): void;
}

/** For tests and the demo: everything in memory, gone when the process ends. */
export function createMemoryAuthStore(): AuthStore & { sessions(): SessionRecord[] } {
  const passwords = new Map<string, string>();
  const sessions = new Map<string, SessionRecord>();
  const failures = new Map<string, FailureRecord>();
  const settings = new Map<string, string>();
  return {
    getPasswordHash: (userId) => passwords.get(userId),
    setPasswordHash: (userId, hash) => void passwords.set(userId, hash),
    createSession: (session) => void sessions.set(session.idHash, { ...session }),
    getSession: (idHash) => {
      const found = sessions.get(idHash);
      return found ? { ...found } : undefined;
    },
    touchSession: (idHash, lastSeenAt) => {
      const found = sessions.get(idHash);
      if (found) found.lastSeenAt = lastSeenAt;
    },
    deleteSession: (idHash) => void sessions.delete(idHash),
    deleteUserSessions: (userId) => {
      for (const [key, session] of sessions) if (session.userId === userId) sessions.delete(key);
    },
    deleteExpiredSessions: (lastSeenBefore, createdBefore) => {
      for (const [key, session] of sessions) {
        if (session.lastSeenAt < lastSeenBefore || session.createdAt < createdBefore) sessions.delete(key);
      }
    },
    deleteFailuresBefore: (before) => {
      for (const [key, failure] of failures) if (failure.lastAt < before) failures.delete(key);
    },
    getFailures: (key) => {
      const found = failures.get(key);
      return found ? { ...found } : undefined;
    },
    recordFailure: (key, at) => {
      const next = { count: (failures.get(key)?.count ?? 0) + 1, lastAt: at };
      failures.set(key, next);
      return { ...next };
    },
    undoFailure: (key) => {
      const found = failures.get(key);
      if (!found) return;
      if (found.count <= 1) failures.delete(key);
      else found.count -= 1;
    },
    clearFailures: (key) => void failures.delete(key),
    getSetting: (name) => settings.get(name),
    setSetting: (name, value) => void (value === undefined ? settings.delete(name) : settings.set(name, value)),
    deleteAllSessions: () => sessions.clear(),
    sessions: () => [...sessions.values()].map((s) => ({ ...s })),
  };
}
