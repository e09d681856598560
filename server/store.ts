import type { Kysely } from 'kysely';
import type { AuditEntry } from '../src/domain/audit';
import type { FollowUp } from '../src/domain/follow-up';
import type { Meeting } from '../src/domain/meeting';
import type { Organization } from '../src/domain/organization';
import type { Partnership } from '../src/domain/partnership';
import type { Person } from '../src/domain/person';
import type { Region } from '../src/domain/region';
import type { Sector } from '../src/domain/sector';
import type { User } from '../src/domain/user';
import type { Engine } from './db/dialect';
import type { DB } from './db/schema';
import type { Database } from './db/sqlite-dialect';

/**
 * The API's view of storage: reads by id anywhere, writes only inside a transaction (which
 * records the audit trail and moves the data version on with every write). Lists, searches and
 * figures are SQL in server/db (listings, follow-up-list, stats), run on `store.db`.
 * One implementation, over Kysely (server/db/store.ts), on SQLite, PostgreSQL and SQLite in
 * WebAssembly (the browser demo).
 */
export type Reader<T extends { id: string }> = {
  get(id: string): Promise<T | undefined>;
  /** The items with these ids, in the order given; unknown ids are left out. */
  getMany(ids: readonly string[]): Promise<T[]>;
  /** Of these ids, the ones that name no item. */
  missing(ids: readonly string[]): Promise<Set<string>>;
  count(): Promise<number>;
};

export type Writer<T extends { id: string; version: number }> = Reader<T> & {
  insert(item: T): Promise<void>;
  /**
   * Writes `next` over the stored item if it is still `before` (an atomic conditional UPDATE on
   * the version): otherwise 412 with the item as stored now (404 when it is gone).
   */
  replace(next: T, before: T): Promise<void>;
  /** Inserts many new items at once (an import's commit): batched rows, one audit entry each. */
  insertMany(items: readonly T[]): Promise<void>;
  /**
   * Deletes these items if each is still at the version given (an import's undo): returns the
   * ids that are gone or at another version, and then deletes nothing. One audit entry each.
   */
  remove(items: ReadonlyArray<{ id: string; version: number }>): Promise<string[]>;
};

export type Resources = {
  sectors: Sector;
  regions: Region;
  organizations: Organization;
  people: Person;
  users: User;
  partnerships: Partnership;
  meetings: Meeting;
  followUps: FollowUp;
};

export type CollectionName = keyof Resources;

export type Readers = { [K in CollectionName]: Reader<Resources[K]> };
export type Writers = { [K in CollectionName]: Writer<Resources[K]> };

/** Who makes a write, and the note they gave with it (both go into the audit trail). */
export type WriteContext = { actorId: string; note?: string | undefined };

/** A write transaction: readers and writers on the transaction's connection. */
export type Tx = Writers & {
  db: Kysely<DB>;
  nextId(prefix: string): Promise<string>;
  /** Sets the note of the audit entries written from now on in this transaction. */
  setNote(note: string | undefined): void;
};

export type Store = Readers & {
  db: Kysely<DB>;
  engine: Engine;
  database: Database;
  /**
   * Runs `work` in one database transaction: if it throws, nothing it wrote is kept (data, audit
   * entries, idempotency answer). The context names who writes, for the audit trail.
   */
  transaction<R>(work: (tx: Tx) => Promise<R>, context?: WriteContext): Promise<R>;
};

/** Every collection, in the order a snapshot lists them (foreign keys satisfied in this order). */
export const COLLECTIONS = [
  'sectors',
  'regions',
  'organizations',
  'people',
  'users',
  'partnerships',
  'meetings',
  'followUps',
  'audit',
] as const;

type SnapshotCollections = { [K in CollectionName]: Array<Resources[K]> };

/** Everything a database holds, as plain data: seeds, copies, tests' before/after comparisons. */
export type Snapshot = SnapshotCollections & { audit?: AuditEntry[]; sequence: number };
