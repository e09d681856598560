import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot, SECTORS } from '../../mocks/demo-data';
import type { Database } from '../../server/db/engine';
import { insertResource, loadResource, meetingMap, sectorMap } from '../../server/db/mappers';
import { migrateToLatest, migrationsFor } from '../../server/db/migrations';
import { readSnapshot, writeSnapshot } from '../../server/db/snapshot';
import { SECTOR_THEMES_0006 } from '../../server/seed/sector-themes';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

let open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.close()));
  open = [];
});

/** A database as the release before 0006 left it: migrated to 0003 (0004 and 0005 run too once merged). */
async function before0006() {
  const database = await openTestDatabase({ migrate: false });
  open.push(database);
  const migrations = migrationsFor(database.engine);
  const names = Object.keys(migrations).sort();
  const last = names.filter((name) => name < '0006')[names.filter((name) => name < '0006').length - 1]!;
  const migrator = new Migrator({ db: database.db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(last);
  if (error) throw error;
  return database;
}

describe.runIf(engineAvailable)(`migration 0006 (meeting record, sector themes) on ${ENGINE}`, () => {
  it('adds the missing themes to a database with sectors, keeping the ids, names and colours it had', async () => {
    const { db, engine } = await before0006();
    // An office renamed and recoloured "education" before the upgrade: its choice stays.
    const education = { ...SECTORS.find((s) => s.id === 'education')!, name: { id: 'Pendidikan', en: 'Education' }, color: '#123456', version: 2 };
    for (const sector of SECTORS) await insertResource(db, sectorMap, sector.id === 'education' ? education : sector);

    expect(await migrateToLatest(db, engine)).toContain('0006-meeting-record-and-sector-themes');

    const ids = (await db.selectFrom('sectors').select('id').execute()).map((r) => r.id).sort();
    expect(ids).toEqual([...SECTORS.map((s) => s.id), ...SECTOR_THEMES_0006.map((t) => t.id)].sort());
    expect(await loadResource(db, sectorMap, 'education')).toEqual(education);
    const smartCity = (await loadResource(db, sectorMap, 'smart-city'))!;
    expect(smartCity).toMatchObject({ name: { id: 'Kota cerdas', en: 'Smart city' }, version: 1 });
    expect(smartCity.retiredAt).toBeUndefined();
    // Searchable at once.
    const found = await db.selectFrom('sectors').select('id').where('search_text', 'like', '%cerdas%').execute();
    expect(found.map((r) => r.id)).toEqual(['smart-city']);

    // The meetings of that database read back as they were, and a meeting with the new fields is stored whole.
    const demo = demoSnapshot();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, { ...demo, sectors: [] }));
    const read = await readSnapshot(db, engine);
    expect(read.meetings).toEqual(demo.meetings);
    const recorded = {
      ...demo.meetings[0]!,
      id: 'mtg-0006',
      kind: 'not-stated' as const,
      delegationSize: { guest: { people: 80, countries: 12 } },
      namesAsReported: ['Walikota Binzhou'],
    };
    await insertResource(db, meetingMap, recorded);
    expect(await loadResource(db, meetingMap, 'mtg-0006')).toEqual(recorded);
  });

  it('adds no sectors to a new, empty database (its seed brings them)', async () => {
    const database = await openTestDatabase();
    open.push(database);
    expect(await database.db.selectFrom('sectors').select('id').execute()).toEqual([]);
  });
});
