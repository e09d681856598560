import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSnapshot } from '../../mocks/generator';
import { listFollowUps } from '../../server/db/follow-up-list';
import { migrateToLatest, migrationsFor } from '../../server/db/migrations';
import type { DB } from '../../server/db/schema';
import { writeSnapshot } from '../../server/db/snapshot';
import { ENGINE, engineAvailable, openTestDatabase, type TestDatabase } from './harness';

let open: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.close()));
  open = [];
});

const TODAY = '2025-11-01';
const QUERY = { sectorId: 'education', status: ['open' as const, 'in-progress' as const], sort: '-dueDate' };

async function indexNames(db: Kysely<DB>): Promise<string[]> {
  const { rows } =
    ENGINE === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes where tablename in ('follow_ups', 'follow_up_sectors')`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name in ('follow_ups', 'follow_up_sectors')`.execute(db);
  return rows.map((r) => r.name);
}

const ids = async (db: TestDatabase) => {
  const page = await listFollowUps(db.db, db.engine, QUERY, { limit: 30 }, TODAY);
  if (page === 'invalidCursor') throw new Error('no cursor was given');
  return { total: page.total, ids: page.items.map((item) => item.id) };
};

describe.runIf(engineAvailable)(`0008: indexes for lists and stats on ${ENGINE}`, () => {
  it('adds the indexes to a database of 0003 holding data, and the list answers the same before and after', async () => {
    const database = await openTestDatabase({ migrate: false });
    open.push(database);
    const provider = { getMigrations: async () => migrationsFor(database.engine) };
    const { error } = await new Migrator({ db: database.db, provider }).migrateTo('0003-follow-up-sectors-by-status');
    expect(error).toBeUndefined();
    await writeSnapshot(database.db, database.engine, generateSnapshot({ seed: 8, followUps: 400, meetings: 40, partnerships: 6 }));
    expect(await indexNames(database.db)).not.toContain('follow_up_sectors_sector_due');
    const before = await ids(database);
    expect(before.ids.length).toBeGreaterThan(0);

    expect(await migrateToLatest(database.db, database.engine)).toContain('0008-indexes-for-lists-and-stats');
    const names = await indexNames(database.db);
    for (const added of ['follow_up_sectors_sector_due', 'follow_up_sectors_sector_status_agreed', 'follow_ups_partnership_overdue', 'follow_ups_agreed_status', 'follow_ups_partnership_due']) {
      expect(names).toContain(added);
    }
    // Each replaced by a longer index with the same first columns.
    expect(names).not.toContain('follow_ups_partnership');
    expect(names).not.toContain('follow_ups_agreed');
    expect(await ids(database)).toEqual(before);
  });

  it.runIf(ENGINE === 'sqlite')('(before ANALYZE has seen the data) walks the sector in due-date order: no sort of every link of the statuses asked', async () => {
    const database = await openTestDatabase();
    open.push(database);
    await writeSnapshot(database.db, database.engine, generateSnapshot({ seed: 8, followUps: 2000, meetings: 40, partnerships: 6 }));
    const { rows } = await sql<{ detail: string }>`explain query plan
      select s.owner_id from follow_up_sectors as s
      where s.sector_id = 'education' and s.status in ('open', 'in-progress') and s.due_date is not null
      order by s.due_date desc, s.owner_id asc limit 26`.execute(database.db);
    const plan = rows.map((r) => r.detail).join('\n');
    expect(plan).toContain('follow_up_sectors_sector_due');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
