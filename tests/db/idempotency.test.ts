import { afterEach, describe, expect, it } from 'vitest';
import { demoSnapshot, IDS } from '../../mocks/demo-data';
import { nextSequenceValues } from '../../server/db/dialect';
import type { Database } from '../../server/db/engine';
import { claimKey, storeAnswer, type StoredAnswer } from '../../server/db/idempotency';
import { followUpMap, insertResource } from '../../server/db/mappers';
import { writeSnapshot } from '../../server/db/snapshot';
import { ENGINE, engineAvailable, openTestDatabase } from './harness';

let open: Database[] = [];
afterEach(async () => {
  for (const database of open.reverse()) await database.close();
  open = [];
});

const AT = '2025-11-01T03:00:00.000Z';

/** A create as the API makes it: claim the key, write, store the answer — one transaction. */
async function create(database: Database, scope: string, hash: string, fail = false): Promise<StoredAnswer | 'mismatch' | 'pending'> {
  return database.db.transaction().execute(async (trx) => {
    const claim = await claimKey(trx, scope, hash, AT);
    if (claim.outcome === 'replay') return claim.answer;
    if (claim.outcome !== 'claimed') return claim.outcome;
    const [n] = await nextSequenceValues(trx, database.engine, 1);
    const item = { ...demoSnapshot().followUps[0]!, id: `fu-new-${n}`, meetingIds: [], meetingId: undefined, history: [] };
    delete (item as { meetingId?: string }).meetingId;
    await insertResource(trx, followUpMap, item);
    if (fail) throw new Error('the create failed after writing');
    const answer = { status: 201, body: { id: item.id }, headers: { location: `/api/follow-ups/${item.id}` } };
    await storeAnswer(trx, scope, answer);
    return answer;
  });
}

const created = async (database: Database) =>
  (await database.db.selectFrom('follow_ups').select('id').where('id', 'like', 'fu-new-%').execute()).map((r) => r.id);

describe.runIf(engineAvailable)(`idempotency keys as unique rows on ${ENGINE}`, () => {
  it('ten parallel creates with one key make one resource; the other nine replay its answer', async () => {
    const database = await openTestDatabase({ poolSize: 10, shared: true });
    open.push(database);
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    // On PostgreSQL half go through a second "process" (its own pool on the same database). Two
    // SQLite handles in one thread would block each other's synchronous busy wait; SQLite's
    // processes are tested apart (tests/db/processes.test.ts).
    const other = ENGINE === 'postgres' ? database.openAnother() : database;
    if (other !== database) open.push(other);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => create(i % 2 ? other : database, `${IDS.staff} /api/follow-ups k1`, 'same body')));
    const ids = await created(database);
    expect(ids).toHaveLength(1);
    expect(answers).toEqual(Array.from({ length: 10 }, () => ({ status: 201, body: { id: ids[0] }, headers: { location: `/api/follow-ups/${ids[0]}` } })));
  });

  it('the same key with another body is refused; another user’s key is another key', async () => {
    const database = await openTestDatabase();
    open.push(database);
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    expect(await create(database, `${IDS.staff} /api/follow-ups k2`, 'body A')).toMatchObject({ status: 201 });
    expect(await create(database, `${IDS.staff} /api/follow-ups k2`, 'body B')).toBe('mismatch');
    expect(await create(database, `${IDS.officer} /api/follow-ups k2`, 'body B')).toMatchObject({ status: 201 });
    expect(await created(database)).toHaveLength(2);
  });

  it('a create that fails keeps neither its data nor its key: the retry creates once', async () => {
    const database = await openTestDatabase();
    open.push(database);
    await database.db.transaction().execute((trx) => writeSnapshot(trx, database.engine, demoSnapshot()));
    await expect(create(database, `${IDS.staff} /api/follow-ups k3`, 'body', true)).rejects.toThrow('failed after writing');
    expect(await created(database)).toEqual([]);
    expect(await database.db.selectFrom('idempotency').selectAll().execute()).toEqual([]);
    expect(await create(database, `${IDS.staff} /api/follow-ups k3`, 'body')).toMatchObject({ status: 201 });
    expect(await create(database, `${IDS.staff} /api/follow-ups k3`, 'body')).toMatchObject({ status: 201 });
    expect(await created(database)).toHaveLength(1);
  });
});
