import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot } from '../../mocks/demo-data';
import { createVersionedCache } from '../../server/db/cache';
import type { Database } from '../../server/db/engine';
import { listFollowUps } from '../../server/db/follow-up-list';
import { followUpMap, loadResource } from '../../server/db/mappers';
import { writeSnapshot } from '../../server/db/snapshot';
import { ENGINE, engineAvailable, openTestDatabase, type TestDatabase } from './harness';

let open: Database[] = [];
afterEach(async () => {
  for (const database of open.reverse()) await database.close();
  open = [];
});

/** Starts a child process on the database; resolves once it has read the item and waits. */
function child(target: string, id: string, version: number, title: string) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', 'tests/db/process-child.ts', target, id, String(version), title], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const ready = new Promise<void>((resolve) =>
    process_.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('ready')) resolve();
    }),
  );
  const done = new Promise<string>((resolve) => process_.on('close', () => resolve(out.includes('won') ? 'won' : out.includes('lost') ? 'lost' : out)));
  return { ready, done, go: () => process_.stdin.end('go\n') };
}

describe.runIf(engineAvailable)(`several processes on one ${ENGINE} database`, () => {
  it('of four processes that update one version at once, exactly one wins, and each reads the result', async () => {
    const database: TestDatabase = await openTestDatabase({ shared: true });
    open.push(database);
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    const item = demoSnapshot().followUps[0]!;
    const cache = createVersionedCache();
    const read = async (db: Database) => {
      const page = await listFollowUps(db.db, db.engine, { sort: 'title', id: [item.id] }, { limit: 1 }, '2025-11-01', cache);
      return page === 'invalidCursor' ? undefined : page.items[0]?.title;
    };
    expect(await read(database)).toBe(item.title);

    const children = Array.from({ length: 4 }, (_, i) => child(database.target, item.id, item.version, `proses ${i}`));
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const results = await Promise.all(children.map((c) => c.done));
    expect(results.filter((r) => r === 'won')).toHaveLength(1);
    expect(results.filter((r) => r === 'lost')).toHaveLength(3);

    const winner = `proses ${results.indexOf('won')}`;
    const stored = await loadResource(database.db, followUpMap, item.id);
    expect(stored).toMatchObject({ title: winner, version: item.version + 1 });
    // The list this process had kept is not served stale.
    expect(await read(database)).toBe(winner);
  }, 60_000);
});
