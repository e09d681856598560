import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { createVersionedCache } from '../../server/db/cache';
import type { Database } from '../../server/db/engine';
import { listFollowUps } from '../../server/db/follow-up-list';
import { followUpMap, loadResource, replaceResource } from '../../server/db/mappers';
import { writeSnapshot } from '../../server/db/snapshot';
import { ENGINE, engineAvailable, openTestDatabase, WASM } from './harness';

const TODAY = '2025-11-01';
let open: Database[] = [];
afterEach(async () => {
  for (const database of open.reverse()) await database.close();
  open = [];
});

describe.runIf(engineAvailable)(`answers kept by data version on ${ENGINE}`, () => {
  it.runIf(!WASM)('a list read through one process shows a write made through another at once', async () => {
    const first = await openTestDatabase({ shared: true });
    open.push(first);
    await first.db.transaction().execute((trx) => writeSnapshot(trx, first.engine, demoSnapshot()));
    const second = first.openAnother();
    open.push(second);
    const cache = createVersionedCache();
    const query = { sort: 'title', partnershipId: IDS.partnership };
    const titles = async () => {
      const page = await listFollowUps(second.db, second.engine, query, { limit: 50 }, TODAY, cache);
      if (page === 'invalidCursor') throw new Error('unexpected');
      return page.items.map((item) => item.title);
    };
    const before = await titles();
    expect(await titles()).toEqual(before);
    expect(cache.size).toBe(1);

    const item = (await loadResource(first.db, followUpMap, demoSnapshot().followUps[0]!.id))!;
    const saved = await first.db
      .transaction()
      .execute((trx) => replaceResource(trx, followUpMap, { ...item, title: 'Aaa: diubah di proses lain', version: item.version + 1 }, item.version));
    expect(saved).toBe(true);
    const after = await titles();
    expect(after[0]).toBe('Aaa: diubah di proses lain');
    expect(after).not.toEqual(before);
  });

  it('a write that fails leaves the version, and the kept answers, as they were', async () => {
    const database = await openTestDatabase();
    open.push(database);
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    const cache = createVersionedCache();
    let computed = 0;
    const read = () => cache.get(database.db, 'k', async () => (computed += 1));
    expect(await read()).toBe(1);
    const item = (await loadResource(database.db, followUpMap, demoSnapshot().followUps[0]!.id))!;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await replaceResource(trx, followUpMap, { ...item, version: item.version + 1 }, item.version);
        throw new Error('the work failed after the write');
      }),
    ).rejects.toThrow('the work failed');
    expect(await read()).toBe(1);
    // A stale write changes nothing either.
    expect(await replaceResource(database.db, followUpMap, { ...item, version: item.version + 9 }, item.version + 8)).toBe(false);
    expect(await read()).toBe(1);
    expect(await replaceResource(database.db, followUpMap, { ...item, title: 'x', version: item.version + 1 }, item.version)).toBe(true);
    expect(await read()).toBe(2);
  });
});
