import { HOME_TIME_ZONE, todayIn } from '../../src/domain/dates';
import type { Database } from '../db/engine';
import { listFollowUps } from '../db/follow-up-list';

/**
 * What the first request of a new process would pay once, paid a second after the server listens,
 * in the background: the time zone data of the first "today" (an Intl.DateTimeFormat for
 * Asia/Jakarta, tens of milliseconds), and the first run of the list code (Kysely's compiler, the
 * keyset pager, the sector-links path, hydrating rows), through two one-item pages without their
 * total. Reads only; a failure is logged and changes nothing.
 */
export async function warmUp(database: Database): Promise<void> {
  try {
    const today = todayIn(HOME_TIME_ZONE);
    const page = { limit: 1, skipTotal: true };
    await listFollowUps(database.db, database.engine, { sort: 'dueDate' }, page, today);
    const sector = await database.db.selectFrom('sectors').select('id').orderBy('id').limit(1).executeTakeFirst();
    if (sector) await listFollowUps(database.db, database.engine, { sectorId: sector.id, sort: '-dueDate' }, page, today);
  } catch (error) {
    console.warn('[warm-up] skipped:', error instanceof Error ? error.message : error);
  }
}
