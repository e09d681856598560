import type { Kysely } from 'kysely';
import type { AuditEntry } from '../../src/domain/audit';
import type { CollectionName, Resources, Snapshot } from '../store';
import { hydrate, insertResource, loadResources, RESOURCE_MAPS, replaceResource, type ResourceMap } from './mappers';
import type { DB } from './schema';
import { readSnapshot } from './snapshot';
import type { Database } from './sqlite-dialect';

/**
 * Whole collections, read and written directly: for tests, the demo's tools and maintenance
 * scripts, never for a request (a request reads a page or an aggregate). Writes here skip the
 * audit trail and the version check on purpose: a test sets up a state, it does not make an edit.
 */
export type InspectCollection<T extends { id: string }> = {
  get(id: string): Promise<T | undefined>;
  /** Every item, in the order stored. */
  all(): Promise<T[]>;
  count(): Promise<number>;
  insert(item: T): Promise<void>;
  /** Writes the item over the stored one, whatever its version. */
  replace(item: T): Promise<void>;
};

export type Inspect = { [K in CollectionName]: InspectCollection<Resources[K]> } & {
  audit: Pick<InspectCollection<AuditEntry>, 'all' | 'count' | 'get'>;
  snapshot(): Promise<Snapshot>;
  database: Database;
};

function collection<T extends { id: string }>(db: Kysely<DB>, map: ResourceMap<T>): InspectCollection<T> {
  return {
    get: async (id) => (await loadResources(db, map, [id]))[0],
    all: async () => hydrate(db, map, (await db.selectFrom(map.table).selectAll().orderBy('seq' as never).execute()) as Array<Record<string, unknown>>),
    count: async () => Number(((await db.selectFrom(map.table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()) as { n: unknown }).n),
    insert: (item) => insertResource(db, map, item),
    async replace(item) {
      const row = (await db.selectFrom(map.table).select('version' as never).where('id' as never, '=', item.id as never).executeTakeFirst()) as
        | { version: unknown }
        | undefined;
      if (!row) throw new Error(`no ${map.table} ${item.id} to replace`);
      if (!(await replaceResource(db, map, item, Number(row.version)))) throw new Error(`${map.table} ${item.id} changed meanwhile`);
    },
  };
}

export function inspect(database: Database): Inspect {
  const { db } = database;
  const names = Object.keys(RESOURCE_MAPS).filter((n) => n !== 'audit') as CollectionName[];
  return {
    ...(Object.fromEntries(names.map((name) => [name, collection(db, RESOURCE_MAPS[name] as never)])) as {
      [K in CollectionName]: InspectCollection<Resources[K]>;
    }),
    audit: collection(db, RESOURCE_MAPS.audit),
    snapshot: () => readSnapshot(db, database.engine),
    database,
  };
}
