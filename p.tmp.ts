import { openSqlite } from './server/db/engine';
import { migrateToLatest } from './server/db/migrations';
import { writeSnapshot } from './server/db/snapshot';
import { generateSnapshot } from './mocks/generator';
import { listFollowUps } from './server/db/follow-up-list';
import * as stats from './server/db/stats';
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
const path = '/tmp/prof2.sqlite'; const fresh = !existsSync(path);
const d = openSqlite({ path });
if (fresh) { await migrateToLatest(d.db, 'sqlite'); await d.db.transaction().execute((t) => writeSnapshot(t, 'sqlite', generateSnapshot({ seed: 922, followUps: 50000, meetings: 5000, partnerships: 40 }))); await sql`analyze`.execute(d.db); }
const time = async (name: string, f: () => Promise<unknown>) => { await f(); const t = performance.now(); for (let i = 0; i < 20; i++) await f(); console.log(name.padEnd(60), ((performance.now() - t) / 20).toFixed(2), 'ms'); };
for (const q of [{ sort: 'dueDate' }, { sort: '-dueDate', status: ['open','in-progress'], sectorId: 'education' }, { sort: '-updatedAt', q: 'laporan' }, { sort: 'dueDate', due: 'overdue', ownerId: 'usr-budi' }] as any[])
  await time('list ' + JSON.stringify(q), () => listFollowUps(d.db, 'sqlite', q, { limit: 25 }, '2025-11-01'));
const p = { from: '2025-01-01', to: '2025-12-31' };
for (const [n, f] of Object.entries({ kpis: () => stats.kpis(d.db, p, '2025-11-01'), bySector: () => stats.followUpsBySector(d.db, p), byQuarter: () => stats.meetingsByQuarter(d.db, 'sqlite', p), byStage: () => stats.partnershipsByStage(d.db, p), overdueSector: () => stats.overdueBySector(d.db, p, '2025-11-01'), owner: () => stats.overdueByOwner(d.db, p, '2025-11-01'), completion: () => stats.completionByMonth(d.db, 'sqlite', p), health: () => stats.health(d.db, p, '2025-11-01') }))
  await time(n, f);
