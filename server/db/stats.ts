import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { endOfMonth, monthsOfPeriod, quarterOf, quartersBetween, addYears, type IsoDate } from '../../src/domain/dates';
import { FOLLOW_UP_STATUSES, OPEN_STATUSES, type FollowUpStatus } from '../../src/domain/follow-up';
import { partnershipHealth, type HealthReason } from '../../src/domain/health';
import { RECORDED_MEETING_KINDS, type RecordedMeetingKind } from '../../src/domain/meeting';
import { STAGES, type Stage } from '../../src/domain/partnership';
import { clampRange } from '../../src/domain/stats';
import { monthOf, type Engine } from './dialect';
import { hydrate, partnershipMap } from './mappers';
import type { DB } from './schema';
import { homeRegionIn, partnershipIn, type HomeScope } from './scope';

/**
 * The dashboard's figures as SQL aggregates (GROUP BY and COUNT in the database; the rows that
 * come back are a handful per chart). Each answer is exactly what GET /api/stats/* has always
 * answered — what each number means, and the list whose `total` it equals, is documented in
 * server/routes/stats.ts — and tests/db/stats.test.ts proves it on both engines.
 */
export type Period = {
  from: IsoDate;
  to: IsoDate;
  partnershipId?: string | undefined;
  sectorId?: string | undefined;
  /** The one home government asked for (`?homeRegionId=`), echoed; the scope below applies it. */
  homeRegionId?: string | undefined;
  /** The home governments the request covers (server/db/scope.ts): undefined for all. */
  homeRegionIds?: HomeScope;
};

type Db = Kysely<DB>;
const ACTIVE_STAGES: readonly Stage[] = ['active', 'mou-signed'];
/** Names sort as an Indonesian reader expects, case and accents aside. */
const byName = new Intl.Collator('id', { sensitivity: 'base' });

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const inList = (column: string, values: readonly string[]) => sql<SqlBool>`${sql.ref(column)} in (${sql.join(values)})`;
const all = (conditions: Expression<SqlBool>[]) =>
  conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;

/** The dashboard's partnership and sector filters on follow-ups (alias f). */
function followUpScope(p: Period): Expression<SqlBool>[] {
  return [
    ...(p.partnershipId ? [sql<SqlBool>`f.partnership_id = ${p.partnershipId}`] : []),
    ...(p.sectorId ? [sql<SqlBool>`f.id in (select owner_id from follow_up_sectors where sector_id = ${p.sectorId})`] : []),
    ...partnershipIn('f.partnership_id', p.homeRegionIds),
  ];
}

const agreedIn = (p: Pick<Period, 'from' | 'to'>) => sql<SqlBool>`f.agreed_on between ${p.from} and ${p.to}`;
const overdue = (today: IsoDate) => all([inList('f.status', OPEN_STATUSES), sql<SqlBool>`f.due_date < ${today}`]);

function meetingScope(p: Period): Expression<SqlBool>[] {
  return [
    sql<SqlBool>`m.date between ${p.from} and ${p.to}`,
    ...(p.partnershipId ? [sql<SqlBool>`m.partnership_id = ${p.partnershipId}`] : []),
    ...partnershipIn('m.partnership_id', p.homeRegionIds),
    ...(p.sectorId ? [sql<SqlBool>`m.id in (select owner_id from meeting_sectors where sector_id = ${p.sectorId})`] : []),
  ];
}

function partnershipScope(p: Period): Expression<SqlBool>[] {
  return [
    ...(p.partnershipId ? [sql<SqlBool>`x.id = ${p.partnershipId}`] : []),
    ...homeRegionIn('x.home_region_id', p.homeRegionIds),
    ...(p.sectorId ? [sql<SqlBool>`x.id in (select owner_id from partnership_sectors where sector_id = ${p.sectorId})`] : []),
  ];
}

async function sectorIds(db: Db, p: Period): Promise<string[]> {
  let query = db.selectFrom('sectors').select('id').orderBy('seq');
  if (p.sectorId) query = query.where('id', '=', p.sectorId);
  return (await query.execute()).map((s) => s.id);
}

const count = (n: unknown) => Number(n);

export async function followUpsBySector(db: Db, p: Period) {
  // From the sector links alone: they carry the follow-up's status, day agreed and partnership.
  const rows = await db
    .selectFrom('follow_up_sectors as f')
    .select(['f.sector_id as sectorId', 'f.status as status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(all([agreedIn(p), ...(p.partnershipId ? [sql<SqlBool>`f.partnership_id = ${p.partnershipId}`] : []), ...(p.sectorId ? [sql<SqlBool>`f.sector_id = ${p.sectorId}`] : []), ...partnershipIn('f.partnership_id', p.homeRegionIds)]))
    .groupBy(['f.sector_id', 'f.status'])
    .execute();
  const bySector = new Map((await sectorIds(db, p)).map((id) => [id, zeroCounts<FollowUpStatus>(FOLLOW_UP_STATUSES)]));
  for (const row of rows) {
    const counts = bySector.get(row.sectorId);
    if (counts && row.status in counts) counts[row.status as FollowUpStatus] += count(row.n);
  }
  return {
    period: p,
    items: [...bySector].map(([sectorId, counts]) => ({ sectorId, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) })),
  };
}

/** Meetings per quarter by kind, "kind not stated" its own count (issue 15): the total is every meeting. */
export async function meetingsByQuarter(db: Db, engine: Engine, p: Period) {
  const month = monthOf(engine, sql.ref('m.date'));
  const rows = await db
    .selectFrom('meetings as m')
    .select([month.as('month'), 'm.kind as kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where(all(meetingScope(p)))
    .groupBy([month, 'm.kind'])
    .execute();
  const byQuarter = new Map(quartersBetween(p.from, p.to).map((q) => [q, zeroCounts<RecordedMeetingKind>(RECORDED_MEETING_KINDS)]));
  for (const row of rows) {
    const counts = byQuarter.get(quarterOf(`${row.month}-01`));
    if (counts && row.kind in counts) counts[row.kind as RecordedMeetingKind] += count(row.n);
  }
  return {
    period: p,
    items: [...byQuarter].map(([quarter, counts]) => ({ quarter, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) })),
  };
}

async function stageCounts(db: Db, p: Period): Promise<Record<Stage, number>> {
  const rows = await db
    .selectFrom('partnerships as x')
    .select(['x.stage as stage', (eb) => eb.fn.countAll<number>().as('n')])
    .where(all(partnershipScope(p)))
    .groupBy('x.stage')
    .execute();
  const counts = zeroCounts<Stage>(STAGES);
  for (const row of rows) if (row.stage in counts) counts[row.stage as Stage] += count(row.n);
  return counts;
}

export async function partnershipsByStage(db: Db, p: Period) {
  const counts = await stageCounts(db, p);
  return { period: p, items: STAGES.map((stage) => ({ stage, count: counts[stage] })) };
}

export async function kpis(db: Db, p: Period, today: IsoDate) {
  const previous = { ...p, from: addYears(p.from, -1), to: addYears(p.to, -1) };
  const meetings = (period: Period) =>
    db.selectFrom('meetings as m').select((eb) => eb.fn.countAll<number>().as('n')).where(all(meetingScope(period))).executeTakeFirstOrThrow();
  const scope = followUpScope(p);
  const [stages, now, before, states, agreed] = await Promise.all([
    stageCounts(db, p),
    meetings(p),
    meetings(previous),
    // Two counts over index ranges (status, due date), not one pass over every follow-up.
    Promise.all(
      [inList('f.status', OPEN_STATUSES), overdue(today)].map((condition) =>
        db.selectFrom('follow_ups as f').select((eb) => eb.fn.countAll<number>().as('n')).where(all([condition, ...scope])).executeTakeFirstOrThrow(),
      ),
    ).then(([open, late]) => ({ open: open?.n, overdue: late?.n })),
    db
      .selectFrom('follow_ups as f')
      .select([(eb) => eb.fn.countAll<number>().as('agreed'), sql<number>`sum(case when f.status = 'done' then 1 else 0 end)`.as('done')])
      .where(all([...scope, agreedIn(p), sql<SqlBool>`f.status <> 'cancelled'`]))
      .executeTakeFirstOrThrow(),
  ]);
  const followUpsAgreed = count(agreed.agreed);
  const followUpsDone = count(agreed.done ?? 0);
  return {
    period: p,
    today,
    activePartnerships: ACTIVE_STAGES.reduce((n, stage) => n + stages[stage], 0),
    partnerships: Object.values(stages).reduce((a, b) => a + b, 0),
    meetings: count(now.n),
    meetingsPreviousPeriod: count(before.n),
    previousPeriod: { from: previous.from, to: previous.to },
    openFollowUps: count(states.open ?? 0),
    overdueFollowUps: count(states.overdue ?? 0),
    followUpsAgreed,
    followUpsDone,
    completionRate: followUpsAgreed === 0 ? null : followUpsDone / followUpsAgreed,
  };
}

export async function overdueBySector(db: Db, p: Period, today: IsoDate) {
  // From the sector links alone (they carry status, due date and partnership). With a sector
  // filter, the items in scope are those of that sector, and only its bar is asked for.
  const rows = await db
    .selectFrom('follow_up_sectors as f')
    .select(['f.sector_id as sectorId', (eb) => eb.fn.countAll<number>().as('n')])
    .where(all([overdue(today), ...(p.partnershipId ? [sql<SqlBool>`f.partnership_id = ${p.partnershipId}`] : []), ...(p.sectorId ? [sql<SqlBool>`f.sector_id = ${p.sectorId}`] : []), ...partnershipIn('f.partnership_id', p.homeRegionIds)]))
    .groupBy('f.sector_id')
    .execute();
  const counts = new Map((await sectorIds(db, p)).map((id) => [id, 0]));
  for (const row of rows) if (counts.has(row.sectorId)) counts.set(row.sectorId, count(row.n));
  return { period: p, today, items: [...counts].map(([sectorId, n]) => ({ sectorId, count: n })) };
}

/** Every active officer and manager (zero included), and anyone else who owns an overdue item. */
export async function overdueByOwner(db: Db, p: Period, today: IsoDate) {
  const [rows, users] = await Promise.all([
    db
      .selectFrom('follow_ups as f')
      .select(['f.owner_id as ownerId', (eb) => eb.fn.countAll<number>().as('n')])
      .where(all([overdue(today), sql<SqlBool>`f.owner_id is not null`, ...followUpScope(p)]))
      .groupBy('f.owner_id')
      .execute(),
    db.selectFrom('users').select(['id', 'name', 'role', 'active']).orderBy('seq').execute(),
  ]);
  const counts = new Map<string, number>();
  for (const user of users) {
    if ((user.active === true || user.active === 1) && (user.role === 'officer' || user.role === 'manager')) counts.set(user.id, 0);
  }
  for (const row of rows) if (row.ownerId) counts.set(row.ownerId, count(row.n));
  const names = new Map(users.map((u) => [u.id, u.name]));
  const items = [...counts]
    .map(([ownerId, n]) => ({ ownerId, count: n, name: names.get(ownerId) ?? ownerId }))
    .sort((a, b) => b.count - a.count || byName.compare(a.name, b.name) || a.ownerId.localeCompare(b.ownerId))
    .map(({ ownerId, count: n }) => ({ ownerId, count: n }));
  return { period: p, today, items };
}

export async function completionByMonth(db: Db, engine: Engine, p: Period) {
  const month = monthOf(engine, sql.ref('f.agreed_on'));
  const rows = await db
    .selectFrom('follow_ups as f')
    .select([month.as('month'), (eb) => eb.fn.countAll<number>().as('agreed'), sql<number>`sum(case when f.status = 'done' then 1 else 0 end)`.as('done')])
    .where(all([...followUpScope(p), agreedIn(p), sql<SqlBool>`f.status <> 'cancelled'`]))
    .groupBy(month)
    .execute();
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return {
    period: p,
    items: monthsOfPeriod(p.from, p.to).map((m) => {
      const row = byMonth.get(m);
      const agreed = count(row?.agreed ?? 0);
      const done = count(row?.done ?? 0);
      return { month: m, ...clampRange({ from: `${m}-01`, to: endOfMonth(`${m}-01`) }, p), agreed, done, rate: agreed === 0 ? null : done / agreed };
    }),
  };
}

/**
 * Partnerships that need attention as of today (src/domain/health.ts): the facts per partnership
 * (last meeting held on or before today, overdue follow-ups) are two GROUP BYs; the rules stay
 * the domain's, applied to the partnerships in scope.
 */
export async function health(db: Db, p: Period, today: IsoDate) {
  const partnershipRows = await db.selectFrom('partnerships as x').selectAll('x').where(all(partnershipScope(p))).orderBy('x.seq').execute();
  const partnerships = await hydrate(db, partnershipMap, partnershipRows as Array<Record<string, unknown>>);
  const ids = partnerships.map((x) => x.id);
  if (ids.length === 0) return { today, items: [] };
  const [meetings, overdues, names] = await Promise.all([
    db
      .selectFrom('meetings as m')
      .select(['m.partnership_id as id', (eb) => eb.fn.max('m.date').as('last')])
      .where(all([sql<SqlBool>`m.date <= ${today}`, inList('m.partnership_id', ids)]))
      .groupBy('m.partnership_id')
      .execute(),
    db
      .selectFrom('follow_ups as f')
      .select(['f.partnership_id as id', (eb) => eb.fn.countAll<number>().as('n')])
      .where(all([overdue(today), inList('f.partnership_id', ids)]))
      .groupBy('f.partnership_id')
      .execute(),
    db
      .selectFrom('partnerships as x')
      .leftJoin('regions as r', 'r.id', 'x.partner_region_id')
      .leftJoin('organizations as o', 'o.id', 'x.partner_organization_id')
      .select(['x.id as id', 'r.name as region', 'o.name as organization'])
      .where(inList('x.id', ids))
      .execute(),
  ]);
  const last = new Map(meetings.map((m) => [m.id, m.last as string]));
  const overdueCount = new Map(overdues.map((f) => [f.id, count(f.n)]));
  const nameOf = new Map(names.map((n) => [n.id, n.region ?? n.organization ?? '']));
  const rows: Array<{ partnershipId: string; reasons: HealthReason[]; name: string }> = [];
  for (const partnership of partnerships) {
    const reasons = partnershipHealth(partnership, {
      today,
      lastMeetingDate: last.get(partnership.id),
      overdueCount: overdueCount.get(partnership.id) ?? 0,
    });
    if (reasons.length > 0) rows.push({ partnershipId: partnership.id, reasons, name: nameOf.get(partnership.id) ?? '' });
  }
  rows.sort((a, b) => b.reasons.length - a.reasons.length || byName.compare(a.name, b.name) || a.partnershipId.localeCompare(b.partnershipId));
  return { today, items: rows.map(({ partnershipId, reasons }) => ({ partnershipId, reasons })) };
}

/**
 * Per home government in scope: partnerships (current, period ignored), meetings dated in the
 * period, open and overdue follow-ups (today). Each equals the matching list's total with
 * `homeRegionId=` (/partnerships, /meetings?from&to, /follow-ups?status=open,in-progress,blocked,
 * /follow-ups?due=overdue).
 */
export async function byHomeRegion(db: Db, p: Period, today: IsoDate) {
  let homes = db.selectFrom('regions as r').select(['r.id']).where('r.role', '=', 'home').orderBy('r.seq');
  if (p.homeRegionIds !== undefined) homes = homes.where((eb) => (p.homeRegionIds!.length === 0 ? eb.val(false) : eb('r.id', 'in', [...p.homeRegionIds!])));
  const ids = (await homes.execute()).map((r) => r.id);
  const grouped = async (query: Promise<Array<{ id: string; n: unknown }>>) => new Map((await query).map((r) => [r.id, count(r.n)]));
  const restrict = { ...p, homeRegionIds: ids };
  const [partnerships, meetings, open, late] = await Promise.all([
    grouped(
      db.selectFrom('partnerships as x').select(['x.home_region_id as id', (eb) => eb.fn.countAll<number>().as('n')]).where(all(partnershipScope(restrict))).groupBy('x.home_region_id').execute(),
    ),
    grouped(
      db
        .selectFrom('meetings as m')
        .innerJoin('partnerships as x', 'x.id', 'm.partnership_id')
        .select(['x.home_region_id as id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(all(meetingScope(restrict)))
        .groupBy('x.home_region_id')
        .execute(),
    ),
    ...[inList('f.status', OPEN_STATUSES), overdue(today)].map((condition) =>
      grouped(
        db
          .selectFrom('follow_ups as f')
          .innerJoin('partnerships as x', 'x.id', 'f.partnership_id')
          .select(['x.home_region_id as id', (eb) => eb.fn.countAll<number>().as('n')])
          .where(all([condition, ...followUpScope(restrict)]))
          .groupBy('x.home_region_id')
          .execute(),
      ),
    ),
  ]);
  return {
    period: p,
    today,
    items: ids.map((id) => ({
      homeRegionId: id,
      partnerships: partnerships.get(id) ?? 0,
      meetings: meetings.get(id) ?? 0,
      openFollowUps: open?.get(id) ?? 0,
      overdueFollowUps: late?.get(id) ?? 0,
    })),
  };
}
