import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { generateSnapshot } from '../../mocks/generator';
import { classifyDbError, matchesWords, nextSequenceValues } from '../../server/db/dialect';
import { openSqlite, type Database } from '../../server/db/engine';
import { followUpMap, insertResource, loadResource, regionMap, replaceResource } from '../../server/db/mappers';
import { migrateToLatest } from '../../server/db/migrations';
import { readSnapshot, writeSnapshot } from '../../server/db/snapshot';
import { fileURLToPath } from 'node:url';
import { copyFileSync, readFileSync } from 'node:fs';
import { ENGINE, engineAvailable, openTestDatabase, WASM } from './harness';

let open: Database[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.close()));
  open = [];
});
async function fresh(options?: Parameters<typeof openTestDatabase>[0]) {
  const database = await openTestDatabase(options);
  open.push(database);
  return database;
}

describe.runIf(engineAvailable)(`the relational schema on ${ENGINE}`, () => {
  it('stores the demo data and reads it back field for field, lists in order', async () => {
    const { db, engine } = await fresh();
    const demo = demoSnapshot();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demo));
    expect(await readSnapshot(db, engine)).toEqual({ ...demo, audit: [] });
  });

  it('stores generated load data (every status, optional field and list shape) without loss', async () => {
    const { db, engine } = await fresh();
    const data = generateSnapshot({ seed: 7, followUps: 600, meetings: 120, partnerships: 12 });
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, data));
    expect(await readSnapshot(db, engine)).toEqual({ ...data, audit: [] });
  });

  it('keys every link by foreign key: a follow-up of an unknown partnership is refused as a constraint', async () => {
    const { db, engine } = await fresh();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demoSnapshot()));
    const item = demoSnapshot().followUps[0]!;
    const orphan = { ...item, id: 'fu-orphan', partnershipId: 'pts-nowhere' };
    const failure = await insertResource(db, followUpMap, orphan).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(classifyDbError(failure)).toBe('constraint');
    expect(await loadResource(db, followUpMap, 'fu-orphan')).toBeUndefined();
  });

  it('a versioned update is one conditional UPDATE: of ten writers of one version exactly one wins', async () => {
    const { db, engine } = await fresh({ poolSize: 10 });
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demoSnapshot()));
    const item = (await loadResource(db, followUpMap, demoSnapshot().followUps[0]!.id))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction().execute((trx) =>
          replaceResource(trx, followUpMap, { ...item, title: `writer ${i}`, version: item.version + 1 }, item.version),
        ),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = (await loadResource(db, followUpMap, item.id))!;
    expect(stored.version).toBe(item.version + 1);
    expect(stored.title).toBe(`writer ${results.indexOf(true)}`);
    expect(stored.history).toEqual(item.history);
  });

  it("keeps the sector links' copy of a follow-up's status, due date and partnership in step with it", async () => {
    const { db, engine } = await fresh();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demoSnapshot()));
    const item = demoSnapshot().followUps.find((f) => f.sectorIds.length > 1)!;
    const links = () => db.selectFrom('follow_up_sectors').select(['sector_id', 'status', 'due_date']).where('owner_id', '=', item.id).orderBy('position').execute();
    expect(await links()).toEqual(item.sectorIds.map((sector_id) => ({ sector_id, status: item.status, due_date: item.dueDate ?? null })));
    const changed = { ...item, status: 'done' as const, dueDate: '2026-01-31', sectorIds: [item.sectorIds[1]!], version: item.version + 1 };
    expect(await replaceResource(db, followUpMap, changed, item.version)).toBe(true);
    expect(await links()).toEqual([{ sector_id: item.sectorIds[1], status: 'done', due_date: '2026-01-31' }]);
  });

  it('hands out ids that never repeat, even to transactions running at once', async () => {
    const { db, engine } = await fresh({ poolSize: 8 });
    const batches = await Promise.all(
      Array.from({ length: 8 }, () => db.transaction().execute((trx) => nextSequenceValues(trx, engine, 5))),
    );
    const all = batches.flat();
    expect(new Set(all).size).toBe(40);
    expect(Math.min(...all)).toBe(1);
    expect(Math.max(...all)).toBe(40);
  });

  it('finds rows by any part of their words, Latin or local script, case and accents aside', async () => {
    const { db, engine } = await fresh();
    await db.transaction().execute((trx) => writeSnapshot(trx, engine, demoSnapshot()));
    const find = async (...words: string[]) =>
      (
        await db
          .selectFrom('regions as r')
          .select('r.id')
          .where(matchesWords(engine, 'regions', 'r', words))
          .orderBy('r.id')
          .execute()
      ).map((r) => r.id);
    expect(await find('binzhou')).toEqual([IDS.binzhou]);
    expect(await find('inzho')).toEqual([IDS.binzhou]);
    expect(await find('滨州')).toEqual([IDS.binzhou]);
    expect(await find('州市')).toEqual([IDS.binzhou, 'reg-kitakyushu']);
    expect(await find('shandong', 'binz')).toEqual([IDS.binzhou]);
    expect(await find('shandong', 'tangerang')).toEqual([]);
    // Wildcards are text, never patterns.
    expect(await find('%')).toEqual([]);
    expect(await find('"bin')).toEqual([]);
    expect(await find('zhou"')).toEqual([]);
    expect(await find('*')).toEqual([]);
    expect(await find('_')).toEqual([]);
    // The index follows a rename.
    const region = (await loadResource(db, regionMap, IDS.binzhou))!;
    await replaceResource(db, regionMap, { ...region, name: 'Weifang', localName: '潍坊市', version: 2 }, 1);
    expect(await find('binzhou')).toEqual([]);
    expect(await find('weifang')).toEqual([IDS.binzhou]);
  });

  it('answers a second run of the migrations with nothing to do', async () => {
    const { db, engine } = await fresh();
    expect(await migrateToLatest(db, engine)).toEqual([]);
  });
});

describe.runIf(ENGINE === 'sqlite' && !WASM)('moving a database written by the previous release (document store)', () => {
  it('keeps every resource, field, audit entry, idempotency record, password and the id sequence', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-legacy-'));
    try {
      const path = join(dir, 'mitra.sqlite');
      // Written by the release before this schema (commit 1c49944, the document store): the demo
      // data, a follow-up created through its API under an Idempotency-Key (with its audit
      // entry), a password and a session — and its own snapshot of everything it held.
      const fixture = fileURLToPath(new URL('../fixtures/release-0.1/', import.meta.url));
      copyFileSync(join(fixture, 'mitra.sqlite'), path);
      const before = JSON.parse(readFileSync(join(fixture, 'snapshot.json'), 'utf8')) as unknown;

      const moved = openSqlite({ path });
      try {
        expect(await migrateToLatest(moved.db, 'sqlite')).toEqual(['0001-relational', '0002-auth-settings-in-meta', '0003-follow-up-sectors-by-status', '0008-indexes-for-lists-and-stats']);
        expect(await readSnapshot(moved.db, 'sqlite')).toEqual(before);
        const replay = await moved.db.selectFrom('idempotency').selectAll().execute();
        expect(replay.map((r) => r.scope)).toEqual([`${IDS.staff} /api/follow-ups legacy-move-1`]);
        expect(JSON.parse(replay[0]!.body!).title).toBe('Kirim notulen');
        expect(await moved.db.selectFrom('auth_credentials').select('user_id').execute()).toEqual([{ user_id: IDS.admin }]);
        expect(await moved.db.selectFrom('auth_sessions').select('id_hash').execute()).toEqual([{ id_hash: 'h' }]);
        const leftovers = await sql<{ name: string }>`select name from sqlite_master where name like 'legacy_%' or name = 'auth_settings'`.execute(moved.db);
        expect(leftovers.rows).toEqual([]);
        // Searchable straight away.
        const found = await moved.db.selectFrom('follow_ups as f').select('f.id').where(matchesWords('sqlite', 'follow_ups', 'f', ['notulen'])).execute();
        expect(found).toHaveLength(1);
      } finally {
        await moved.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates a new database file readable by its owner only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mitra-mode-'));
    try {
      const path = join(dir, 'sub', 'new.sqlite');
      const database = openSqlite({ path });
      await migrateToLatest(database.db, 'sqlite');
      await database.close();
      expect(statSync(path).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
