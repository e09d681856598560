import type { FollowUp } from '../src/domain/follow-up';
import type { Meeting } from '../src/domain/meeting';
import type { Organization } from '../src/domain/organization';
import type { Partnership } from '../src/domain/partnership';
import type { Person } from '../src/domain/person';
import type { Region } from '../src/domain/region';
import type { Sector } from '../src/domain/sector';
import type { User } from '../src/domain/user';

/** One kind of stored resource. Every implementation keeps items by id. */
export type Collection<T extends { id: string }> = {
  get(id: string): T | undefined;
  all(): readonly T[];
  insert(item: T): void;
  replace(item: T): void;
  count(): number;
};

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
};

export type CollectionName = keyof Collections;

/**
 * The API's only view of storage. The memory store implements it now; a SQLite store will
 * implement the same contract, so the API code above it never changes.
 */
export type Store = Collections & {
  /** Runs `work` atomically: if it throws, no change it made is kept. */
  transaction<R>(work: () => R): R;
  nextId(prefix: string): string;
  idempotency: {
    get(key: string): StoredResponse | undefined;
    put(key: string, response: StoredResponse): void;
  };
};

export type Snapshot = {
  [K in CollectionName]: Collections[K] extends Collection<infer T> ? T[] : never;
} & { sequence: number };
