import type { Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDemoDatabaseFile, openDemoDatabase, type DemoDatabase } from '../../mocks/demo-database';
import { readDataVersion } from '../../server/db/cache';
import { followUpMap, loadResource, replaceResource } from '../../server/db/mappers';
import { readSnapshot } from '../../server/db/snapshot';
import { openWasmSqlite } from '../../server/db/wasm';
import { demoSnapshot } from '../../server/seed/demo-data';
import { demoSeed } from '../../server/seed/seeds';
import { WASM } from './harness';

/**
 * The browser demo's database (mocks/demo-database.ts) on SQLite in WebAssembly, in node: the
 * saved bytes stand in for IndexedDB. Runs in the db-wasm project.
 */

/** A stand-in for IndexedDB: what was saved, in order. */
function memoryStorage(initial?: Uint8Array) {
  const saves: Uint8Array[] = [];
  return {
    saves,
    load: async () => saves.at(-1) ?? initial,
    save: async (bytes: Uint8Array) => {
      saves.push(bytes);
    },
  };
}

const opened: DemoDatabase[] = [];
async function open(options: Parameters<typeof openDemoDatabase>[0]) {
  const demo = await openDemoDatabase(options);
  opened.push(demo);
  return demo;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((d) => d.close()));
  vi.restoreAllMocks();
});

/** What a new demo database holds: the demo data with the second home government (issue 15). */
const demoData = () => ({ ...demoSeed(), audit: [] });
const firstFollowUp = demoSnapshot().followUps[0]!;

async function retitle(demo: DemoDatabase, title: string) {
  const { db } = demo.database;
  const item = (await loadResource(db, followUpMap, firstFollowUp.id))!;
  expect(await db.transaction().execute((trx) => replaceResource(trx, followUpMap, { ...item, title, version: item.version + 1 }, item.version))).toBe(true);
}

describe.runIf(WASM)('the browser demo database (SQLite in WebAssembly)', () => {
  it('starts with the demo data, saves a write, and opens it again from the saved bytes', async () => {
    const storage = memoryStorage();
    const demo = await open(storage);
    expect(await readSnapshot(demo.database.db, 'sqlite')).toEqual(demoData());

    await retitle(demo, 'Disimpan lewat Kysely');
    await demo.persist();
    expect(storage.saves).toHaveLength(1);
    expect(storage.saves[0]!.length).toBeLessThan(600_000); // 4 KiB pages: about 520 KB
    await demo.close();
    opened.splice(opened.indexOf(demo), 1);

    const again = await open(storage);
    expect((await loadResource(again.database.db, followUpMap, firstFollowUp.id))!.title).toBe('Disimpan lewat Kysely');
    // Loaded as saved: nothing to save until something changes.
    await again.persist();
    expect(storage.saves).toHaveLength(1);
  });

  it('saves only when the data changed, one save after another: a slow save is never overtaken by a newer one', async () => {
    const storage = memoryStorage();
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const demo = await open({
      load: storage.load,
      save: async (bytes) => {
        if (storage.saves.length === 0) await slow; // the first save hangs until released
        await storage.save(bytes);
      },
    });
    const first = demo.persist(); // a new database: saved at the first persist()
    await retitle(demo, 'satu');
    const second = demo.persist();
    await retitle(demo, 'dua');
    const third = demo.persist();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(storage.saves).toHaveLength(0); // the later saves wait for the slow one
    release();
    await Promise.all([first, second, third]);
    // The second save took the state as it was when it ran (both writes); the third had nothing new.
    expect(storage.saves).toHaveLength(2);
    const titles = [];
    for (const bytes of storage.saves) {
      const copy = openWasmSqlite(await wasmSqlite(), bytes);
      titles.push((await loadResource(copy.db, followUpMap, firstFollowUp.id))!.title);
      await copy.close();
    }
    expect(titles).toEqual([firstFollowUp.title, 'dua']);
    await demo.persist();
    expect(storage.saves).toHaveLength(2); // unchanged since: skipped
  });

  it('a failed save is reported to its caller and the next save still runs', async () => {
    const storage = memoryStorage();
    let fail = true;
    const demo = await open({
      load: storage.load,
      save: async (bytes) => {
        if (fail) throw new Error('quota exceeded');
        await storage.save(bytes);
      },
    });
    await expect(demo.persist()).rejects.toThrow('quota exceeded');
    fail = false;
    await demo.persist();
    expect(storage.saves).toHaveLength(1);
  });

  it('saves a write that did not move data_version on (any changed row counts)', async () => {
    const storage = memoryStorage();
    const demo = await open(storage);
    await demo.persist();
    const version = await readDataVersion(demo.database.db);
    await demo.database.db.updateTable('sectors').set({ color: '#000000' }).where('id', '=', demoSnapshot().sectors[0]!.id).execute();
    expect(await readDataVersion(demo.database.db)).toBe(version);
    await demo.persist();
    expect(storage.saves).toHaveLength(2);
  });

  it('reset() brings the demo data back in the same database, saved, with data_version moved on', async () => {
    const storage = memoryStorage();
    const demo = await open(storage);
    const database = demo.database;
    await retitle(demo, 'akan hilang');
    await demo.database.db
      .insertInto('audit')
      .values({ id: 'aud-1', at: '2025-11-01T03:00:00.000Z', actor_id: 'usr-x', action: 'update', entity: 'followUp', entity_id: firstFollowUp.id, version: 2, changes: '{}', note: null })
      .execute();
    await demo.persist();
    const before = Number(await readDataVersion(demo.database.db));
    await demo.reset();
    expect(demo.database).toBe(database);
    expect(await readSnapshot(demo.database.db, 'sqlite')).toEqual(demoData());
    expect(Number(await readDataVersion(demo.database.db))).toBeGreaterThan(before);
    expect(storage.saves).toHaveLength(2);
    // Searchable after the refill (the FTS index followed the deletes and inserts).
    const word = firstFollowUp.title.split(' ')[0]!.toLowerCase();
    const { rows } = await sql<{ n: number }>`select count(*) as n from follow_ups_fts where follow_ups_fts match ${`"${word}"`}`.execute(demo.database.db);
    expect(rows[0]!.n).toBeGreaterThan(0);
  });

  it('a garbage saved blob starts from the demo data with a warning, not a crash', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const garbage = new TextEncoder().encode('this is not a SQLite database '.repeat(200));
    const storage = memoryStorage(garbage);
    const demo = await open(storage);
    expect(await readSnapshot(demo.database.db, 'sqlite')).toEqual(demoData());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/saved database cannot be opened/), expect.anything());
    await demo.persist(); // the good database replaces the garbage
    expect(storage.saves).toHaveLength(1);
  });

  it('a storage that cannot be read, or a database of a newer release, also starts from the demo data', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const unreadable = await open({ load: () => Promise.reject(new Error('IndexedDB blocked')) });
    expect((await readSnapshot(unreadable.database.db, 'sqlite')).followUps).toHaveLength(demoSeed().followUps.length);

    const future = memoryStorage();
    const first = await open(future);
    await sql`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01T00:00:00.000Z')`.execute(first.database.db);
    await first.persist();
    const again = await open(future);
    expect(await readSnapshot(again.database.db, 'sqlite')).toEqual(demoData());
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('an older saved database moves forward by the migrations (an empty SQLite file: all of them)', async () => {
    const empty = openWasmSqlite(await wasmSqlite());
    await sql`create table scratch (x integer)`.execute(empty.db);
    const bytes = empty.exportBytes();
    await empty.close();
    const storage = memoryStorage(bytes);
    const demo = await open(storage);
    expect(await readSnapshot(demo.database.db, 'sqlite')).toEqual(demoData());
    await demo.persist(); // migrated: saved at the first persist()
    expect(storage.saves).toHaveLength(1);
  });

  it("opens the demo build's ready-made database when nothing was saved, instead of making one; saved data comes first", async () => {
    const marked = openWasmSqlite(await wasmSqlite(), await makeDemoDatabaseFile());
    expect(await readSnapshot(marked.db, 'sqlite')).toEqual(demoData());
    // The file marked by one title, so that opening it is told apart from making a new database.
    await marked.db.updateTable('follow_ups').set({ title: 'Dari berkas build' }).where('id', '=', firstFollowUp.id).execute();
    const initialBytes = marked.exportBytes();
    await marked.close();
    const initial = vi.fn(async () => initialBytes);

    const storage = memoryStorage();
    const demo = await open({ ...storage, initial });
    expect(initial).toHaveBeenCalledTimes(1);
    expect((await loadResource(demo.database.db, followUpMap, firstFollowUp.id))!.title).toBe('Dari berkas build');
    await demo.persist(); // not saved yet: saved at the first persist()
    expect(storage.saves).toHaveLength(1);
    await retitle(demo, 'Disimpan');
    await demo.persist();
    const again = await open({ ...storage, initial });
    expect(initial).toHaveBeenCalledTimes(1); // the saved database, not the build's file
    expect((await loadResource(again.database.db, followUpMap, firstFollowUp.id))!.title).toBe('Disimpan');

    // The previous demo's snapshot, when there is one, wins over the build's file too.
    const legacy = demoSnapshot();
    legacy.followUps[0]!.title = 'Dari demo lama';
    const moved = await open({ ...memoryStorage(), legacySnapshot: async () => legacy, initial });
    expect((await loadResource(moved.database.db, followUpMap, firstFollowUp.id))!.title).toBe('Dari demo lama');
    expect(initial).toHaveBeenCalledTimes(1);
  });

  it("makes the database in the page when the build's file is missing, is not SQLite (a development server's index.html) or cannot be read", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const html = new TextEncoder().encode('<!doctype html><html lang="id"><title>Mitra</title></html>');
    for (const initial of [async () => undefined, async () => html]) {
      const demo = await open({ ...memoryStorage(), initial });
      expect(await readSnapshot(demo.database.db, 'sqlite')).toEqual(demoData());
    }
    expect(warn).not.toHaveBeenCalled();
    const failed = await open({ ...memoryStorage(), initial: () => Promise.reject(new Error('offline')) });
    expect(await readSnapshot(failed.database.db, 'sqlite')).toEqual(demoData());
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/demo database of the build cannot be opened/), expect.anything());
  });

  it("carries the previous demo's JSON snapshot over when no database was saved yet", async () => {
    const legacy = demoSnapshot();
    legacy.followUps[0]!.title = 'Dari demo lama';
    const demo = await open({ ...memoryStorage(), legacySnapshot: async () => legacy });
    expect((await loadResource(demo.database.db, followUpMap, firstFollowUp.id))!.title).toBe('Dari demo lama');
  });
});

let wasm: Promise<Sqlite3Static> | undefined;
const wasmSqlite = () => (wasm ??= import('@sqlite.org/sqlite-wasm').then((m) => m.default()));
