import type { Kysely } from 'kysely';
import type { Snapshot } from '../store';
import { currentSequence, setSequence, type Engine } from './dialect';
import { hydrate, insertResources, RESOURCE_MAPS, type ResourceName } from './mappers';
import type { DB } from './schema';

/**
 * A whole data set as plain resources (the Snapshot of server/store.ts): what a new database is
 * seeded with, what the previous release's file is moved from, what `npm run db:copy` carries
 * from SQLite to PostgreSQL, and what tests compare before and after a request.
 */

const ORDER = Object.keys(RESOURCE_MAPS) as ResourceName[];

/** Writes every resource of the snapshot (an empty database expected) and sets the id sequence. */
export async function writeSnapshot(db: Kysely<DB>, engine: Engine, snapshot: Snapshot): Promise<void> {
  for (const name of ORDER) {
    const items = (snapshot as Partial<Record<ResourceName, Array<{ id: string }>>>)[name] ?? [];
    await insertResources(db, RESOURCE_MAPS[name] as never, items as never);
  }
  await setSequence(db, engine, snapshot.sequence);
}

/** Everything stored, each kind in the order first stored. Not for requests: it reads it all. */
export async function readSnapshot(db: Kysely<DB>, engine: Engine): Promise<Snapshot> {
  const out: Record<string, unknown> = {};
  for (const name of ORDER) {
    const map = RESOURCE_MAPS[name];
    const rows = await db.selectFrom(map.table).selectAll().orderBy('seq' as never).execute();
    out[name] = await hydrate(db, map as never, rows as Array<Record<string, unknown>>);
  }
  out.sequence = await currentSequence(db, engine);
  return out as Snapshot;
}
