import type { CollectionName } from '../store';
import type { Migration } from './migrate';

/** The table behind each collection of the Store. */
export const TABLES: Record<CollectionName, string> = {
  sectors: 'sectors',
  regions: 'regions',
  organizations: 'organizations',
  people: 'people',
  users: 'users',
  partnerships: 'partnerships',
  meetings: 'meetings',
  followUps: 'follow_ups',
  audit: 'audit',
};

/**
 * A collection is a table of JSON documents. `seq` keeps the order items were first stored in
 * (the order the memory store lists them, and a snapshot too); it is an explicit INTEGER
 * PRIMARY KEY because VACUUM may renumber an implicit rowid. No other indexes: reads are served
 * from memory (the whole data set is loaded at open), so an index would only slow writes.
 */
const documentTable = (table: string) =>
  `CREATE TABLE ${table} (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, data TEXT NOT NULL CHECK (json_valid(data)));`;

/** The store's schema, oldest first. Append only: a shipped migration never changes. */
export const STORE_MIGRATIONS: readonly Migration[] = [
  {
    name: '001-collections',
    up: [
      ...Object.values(TABLES).map(documentTable),
      'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
      `CREATE TABLE idempotency (
         key TEXT PRIMARY KEY,
         request_hash TEXT NOT NULL,
         status INTEGER NOT NULL,
         body TEXT NOT NULL,
         headers TEXT NOT NULL,
         created_at TEXT NOT NULL
       );`,
    ].join('\n'),
  },
  {
    // Sign-in's tables (server/auth/db-store.ts) in the same file, under the name the auth store
    // of earlier releases applied them with, so a file that has them is left alone. The SQL data
    // layer creates the same tables in its own schema (server/db/migrations.ts).
    name: 'auth/001-credentials-sessions-failures',
    up: `
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
);`,
  },
];
