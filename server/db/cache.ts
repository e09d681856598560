import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * Read answers kept until the data changes, shared by every process through the database: each
 * write transaction moves `meta.data_version` on (bumpDataVersion, in the same transaction), and
 * an answer is kept under the version it was computed at. A reader asks the database for the
 * version (one primary-key read) and takes a kept answer only when it was computed at that
 * version: a write through any process is seen by the next read everywhere, never later.
 */
type Executor = Parameters<ReturnType<typeof sql>['execute']>[0];

export async function bumpDataVersion(db: Executor): Promise<void> {
  await sql`update meta set value = cast(cast(value as integer) + 1 as text) where key = 'data_version'`.execute(db);
}

export async function readDataVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return row?.value ?? '0';
}

export type VersionedCache = {
  /** The kept answer for `key` at the current data version, or `compute()` kept now. */
  get<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T>;
  readonly size: number;
};

/** At most `capacity` answers, least recently used dropped first. */
export function createVersionedCache(capacity = 1000): VersionedCache {
  const entries = new Map<string, unknown>();
  return {
    async get<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
      const full = `${await readDataVersion(db)} ${key}`;
      if (entries.has(full)) {
        const value = entries.get(full) as T;
        entries.delete(full);
        entries.set(full, value);
        return value;
      }
      const value = await compute();
      entries.set(full, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}

/** No kept answers: every read computes (benchmarks of the database alone; MITRA_READ_CACHE=0). */
export const noCache: VersionedCache = {
  get: (_db, _key, compute) => compute(),
  size: 0,
};
