import { sql, type Kysely } from 'kysely';
import { diffFields, type AuditedEntity, type AuditEntry } from '../../src/domain/audit';
import { problems } from '../problem';
import type { CollectionName, Reader, Resources, Store, Tx, Writer, WriteContext } from '../store';
import { nextSequenceValues, type Engine } from './dialect';
import { deleteResources, insertResource, insertResources, loadResources, RESOURCE_MAPS, replaceResource, type ResourceMap } from './mappers';
import type { DB } from './schema';
import type { Database } from './sqlite-dialect';

const ENTITY: Record<CollectionName, AuditedEntity> = {
  sectors: 'sector',
  regions: 'region',
  organizations: 'organization',
  people: 'person',
  users: 'user',
  partnerships: 'partnership',
  meetings: 'meeting',
  followUps: 'followUp',
};

const NAMES = Object.keys(ENTITY) as CollectionName[];

/** `fu-000ab`: the same shape of id as every release has made (base 36, five digits at least). */
export const formatId = (prefix: string, value: number) => `${prefix}-${value.toString(36).padStart(5, '0')}`;

function reader<T extends { id: string }>(db: Kysely<DB>, map: ResourceMap<T>): Reader<T> {
  return {
    async get(id) {
      return (await loadResources(db, map, [id]))[0];
    },
    getMany: (ids) => loadResources(db, map, ids),
    async missing(ids) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return new Set();
      const found = new Set<string>();
      for (let i = 0; i < wanted.length; i += 400) {
        const rows = await db
          .selectFrom(map.table)
          .select('id' as never)
          .where('id' as never, 'in', wanted.slice(i, i + 400) as never)
          .execute();
        for (const row of rows as Array<{ id: string }>) found.add(row.id);
      }
      return new Set(wanted.filter((id) => !found.has(id)));
    },
    async count() {
      const row = await db.selectFrom(map.table).select(sql<number>`count(*)`.as('n')).executeTakeFirst();
      return Number((row as { n?: unknown } | undefined)?.n ?? 0);
    },
  };
}

function readers(db: Kysely<DB>): { [K in CollectionName]: Reader<Resources[K]> } {
  return Object.fromEntries(NAMES.map((name) => [name, reader(db, RESOURCE_MAPS[name] as never)])) as never;
}

/**
 * The Store over a Kysely database. A transaction is the database's: on SQLite BEGIN IMMEDIATE
 * (one writer at a time, across processes), on PostgreSQL READ COMMITTED with conditional
 * version updates (of two writers that read the same version, one wins, the other gets 412).
 * Every insert and replace appends an audit entry in the same transaction, with the actor and
 * the fields that changed: no route can write without it.
 */
export function createStore(database: Database, now: () => Date = () => new Date()): Store {
  const { db, engine } = database;
  return {
    ...readers(db),
    db,
    engine,
    database,
    transaction<R>(work: (tx: Tx) => Promise<R>, context?: WriteContext): Promise<R> {
      return db.transaction().execute((trx) => work(transactionOf(trx, engine, now, context ?? { actorId: 'system' })));
    },
  };
}

function transactionOf(trx: Kysely<DB>, engine: Engine, now: () => Date, context: WriteContext): Tx {
  let note = context.note;
  const nextId = async (prefix: string) => formatId(prefix, (await nextSequenceValues(trx, engine, 1))[0] as number);

  async function record(entity: AuditedEntity, action: AuditEntry['action'], before: object | undefined, after: { id: string; version?: number }) {
    const changes = diffFields(before, after);
    if (action === 'update' && changes.length === 0 && !note) return;
    const entry: AuditEntry = {
      id: await nextId('aud'),
      at: now().toISOString(),
      actorId: context.actorId,
      action,
      entity,
      entityId: after.id,
      version: typeof after.version === 'number' ? after.version : 1,
      changes,
    };
    if (note) entry.note = note;
    await insertResource(trx, RESOURCE_MAPS.audit, entry);
  }

  /** Audit entries for many writes at once (ids taken from the sequence in one call). */
  async function recordMany(entity: AuditedEntity, action: AuditEntry['action'], items: ReadonlyArray<{ before?: object; after: { id: string; version?: number } }>) {
    if (items.length === 0) return;
    const numbers = await nextSequenceValues(trx, engine, items.length);
    const at = now().toISOString();
    const entries = items.map(({ before, after }, i): AuditEntry => {
      const entry: AuditEntry = {
        id: formatId('aud', numbers[i] as number),
        at,
        actorId: context.actorId,
        action,
        entity,
        entityId: after.id,
        version: typeof after.version === 'number' ? after.version : 1,
        changes: action === 'delete' ? [] : diffFields(before, after),
      };
      if (note) entry.note = note;
      return entry;
    });
    await insertResources(trx, RESOURCE_MAPS.audit, entries);
  }

  function writer<K extends CollectionName>(name: K): Writer<Resources[K]> {
    const map = RESOURCE_MAPS[name] as unknown as ResourceMap<Resources[K]>;
    return {
      ...reader(trx, map),
      async insert(item) {
        await insertResource(trx, map, item);
        await record(ENTITY[name], 'create', undefined, item);
      },
      async replace(next, before) {
        if (!(await replaceResource(trx, map, next, before.version))) {
          const current = (await loadResources(trx, map, [next.id]))[0];
          if (!current) throw problems.notFound(ENTITY[name]);
          throw problems.stale(current);
        }
        await record(ENTITY[name], 'update', before, next);
      },
      async insertMany(items) {
        await insertResources(trx, map, items);
        await recordMany(ENTITY[name], 'create', items.map((after) => ({ after })));
      },
      async remove(items) {
        const gone = await deleteResources(trx, map, items);
        if (gone.length > 0) return gone;
        await recordMany(ENTITY[name], 'delete', items.map((item) => ({ after: item })));
        return [];
      },
    };
  }

  return {
    ...(Object.fromEntries(NAMES.map((name) => [name, writer(name)])) as { [K in CollectionName]: Writer<Resources[K]> }),
    db: trx,
    nextId,
    setNote: (value) => {
      note = value;
    },
  };
}
