import type { FollowUp } from '../src/domain/follow-up';
import type { Meeting } from '../src/domain/meeting';
import type { Organization } from '../src/domain/organization';
import type { Partnership } from '../src/domain/partnership';
import type { Person } from '../src/domain/person';
import type { Region } from '../src/domain/region';
import type { Sector } from '../src/domain/sector';
import type { User } from '../src/domain/user';
import type { AuditEntry } from '../src/domain/audit';

/** One kind of stored resource. Every implementation keeps items by id. */
export type Collection<T extends { id: string }> = {
  get(id: string): T | undefined;
  all(): readonly T[];
  insert(item: T): void;
  replace(item: T): void;
  count(): number;
};

/** Who makes a write, and the note they gave with it. */
export type WriteContext = { actorId: string; note?: string | undefined };

export type StoredResponse = { requestHash: string; status: number; body: unknown; headers: Record<string, string> };

export type Collections = {
  sectors: Collection<Sector>;
  regions: Collection<Region>;
  organizations: Collection<Organization>;
  people: Collection<Person>;
  users: Collection<User>;
  partnerships: Collection<Partnership>;
  meetings: Collection<Meeting>;
  followUps: Collection<FollowUp>;
  /** Append-only: one entry per write to any other collection. */
  audit: Collection<AuditEntry>;
};

export type CollectionName = keyof Collections;

/** Every collection, in the order a snapshot lists them. */
export const COLLECTIONS: readonly CollectionName[] = [
  'sectors',
  'regions',
  'organizations',
  'people',
  'users',
  'partnerships',
  'meetings',
  'followUps',
  'audit',
];

/**
 * The API's only view of storage. The memory store implements it now; a SQLite store will
 * implement the same contract, so the API code above it never changes.
 */
export type Store = Collections & {
  /**
   * Runs `work` atomically: if it throws, no change it made is kept. `work` is synchronous, so
   * nothing else runs between its writes. The context names who writes, for the audit trail.
   */
  transaction<R>(work: () => R, context?: WriteContext): R;
  nextId(prefix: string): string;
  idempotency: {
    get(key: string): StoredResponse | undefined;
    put(key: string, response: StoredResponse): void;
  };
};

type SnapshotCollections = {
  [K in CollectionName]: Collections[K] extends Collection<infer T> ? T[] : never;
};

/** Everything a store holds, as plain data (the audit trail may be absent in old snapshots). */
export type Snapshot = Omit<SnapshotCollections, 'audit'> & { audit?: AuditEntry[]; sequence: number };

