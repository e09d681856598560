import { Migrator, type Migration } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../mocks/demo-data';
import { insertImport, insertImportRecords, loadImportRecords, getImport, getImportTable } from '../../server/db/imports';
import { migrateToLatest, migrationsFor } from '../../server/db/migrations';
import { readSnapshot, writeSnapshot } from '../../server/db/snapshot';
import type { Database } from '../../server/db/engine';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

let open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.close()));
  open = [];
});

/** Migration 0007 (imports), from the version before it, on every engine. */
describe.runIf(engineAvailable)(`migration 0007-imports on ${ENGINE}`, () => {
  it('adds the imports tables to a database of the version before, keeping its data', async () => {
    const database = await openTestDatabase({ migrate: false });
    open.push(database);
    const { db, engine } = database;
    const all = migrationsFor(engine);
    const before: Record<string, Migration> = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0007'));
    const migrator = new Migrator({ db, provider: { getMigrations: async () => before } });
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demoSnapshot()));
    const data = await readSnapshot(db, engine);

    // 0007 and whatever came after it.
    expect(await migrateToLatest(db, engine)).toEqual(Object.keys(all).filter((name) => name >= '0007'));
    expect(await readSnapshot(db, engine)).toEqual(data);

    const table = { format: 'csv' as const, headers: ['Judul'], rows: [['Laporan']], rowNumbers: [2], headerRow: 1 };
    await insertImport(
      db,
      { id: 'imp-1', resource: 'follow-ups', fileName: 'a.csv', status: 'previewed', createdAt: '2025-11-01T03:00:00.000Z', createdBy: 'usr-rina', rows: 1, valid: 1, invalid: 0, mapping: [] },
      table,
      { headers: ['Judul'], mappingProblems: [], errors: [], errorsTotal: 0, preview: [] },
    );
    await insertImportRecords(db, 'imp-1', [{ entity: 'followUp', recordId: 'fu-x', action: 'updated', before: { id: 'fu-x', title: 'Lama' }, versionAfter: 2 }]);
    expect(await getImport(db, 'imp-1')).toMatchObject({ id: 'imp-1', status: 'previewed', rows: 1 });
    expect(await getImportTable(db, 'imp-1')).toEqual(table);
    expect(await loadImportRecords(db, 'imp-1')).toEqual([{ entity: 'followUp', recordId: 'fu-x', action: 'updated', before: { id: 'fu-x', title: 'Lama' }, versionAfter: 2 }]);
    expect(await migrateToLatest(db, engine)).toEqual([]);
  });
});
