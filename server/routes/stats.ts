import type { Hono } from 'hono';
import { z } from 'zod';
import {
  addYears,
  endOfMonth,
  monthsOfPeriod,
  quarterOf,
  quartersBetween,
  type IsoDate,
} from '../../src/domain/dates';
import { FOLLOW_UP_STATUSES, isOpen, isOverdue, type FollowUp, type FollowUpStatus } from '../../src/domain/follow-up';
import { healthFactsByPartnership, partnershipHealth, type HealthReason } from '../../src/domain/health';
import { MEETING_KINDS, type MeetingKind } from '../../src/domain/meeting';
import { isActivePartnership, STAGES, type Partnership, type Stage } from '../../src/domain/partnership';
import { isoDate } from '../../src/domain/schemas';
import { agreedOn, clampRange, countsTowardCompletion } from '../../src/domain/stats';
import { fieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import { json, parseWith, searchParamsToObject } from '../http';
import { problems } from '../problem';

const statsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  partnershipId: z.string().max(80).optional(),
  sectorId: z.string().max(40).optional(),
});

type Period = { from: IsoDate; to: IsoDate; partnershipId?: string; sectorId?: string };

/** Names sort as an Indonesian reader expects, case and accents aside. */
const byName = new Intl.Collator('id', { sensitivity: 'base' });

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Aggregates are computed here, over the whole store, never by the browser over rows.
 *
 * Every endpoint takes the same query: `from`, `to` (the period, by default the current year in
 * Asia/Jakarta), `partnershipId` and `sectorId`. What each number means, and the list request
 * that returns exactly its items (a chart's value always equals that list's `total`):
 *
 * - follow-ups-by-sector: follow-ups agreed in the period (agreedOn, the day in Jakarta), by
 *   sector × status → /follow-ups?sectorId=S&status=X&agreedFrom=from&agreedTo=to[&partnershipId]
 * - meetings-by-quarter: meetings dated in the period, by quarter × kind →
 *   /meetings?kind=K&from=max(from, quarter start)&to=min(to, quarter end)[&partnershipId][&sectorId]
 * - partnerships-by-stage: current stage, period ignored → /partnerships?stage=X[&sectorId][&id=P]
 * - overdue-by-sector, overdue-by-owner: overdue today (isOverdue), period ignored, as the
 *   overdueFollowUps KPI → /follow-ups?due=overdue&sectorId=S (or &ownerId=U)[&partnershipId][&sectorId]
 * - completion-by-month: agreed in the month (and the period), cancelled left out; done = of those,
 *   done → /follow-ups?agreedFrom=item.from&agreedTo=item.to&status=open,in-progress,blocked,done
 *   (done: &status=done)[&partnershipId][&sectorId]
 * - health: as of today, period ignored; partnerships by focus sector, reasons over all their
 *   meetings and follow-ups (overdue → /follow-ups?partnershipId=P&due=overdue).
 */
export function registerStats(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  /**
   * Answers are kept until the data changes: a store's `all()` returns the same array until a
   * write to that collection, so comparing the arrays tells, in O(1), whether any input of a
   * statistic changed. "Today" is part of the key (overdue, health). Dashboards of many users
   * reading the same figures then cost one computation per change, not one per request.
   */
  const cache = new Map<string, { inputs: readonly (readonly object[])[]; status: number; body: string }>();
  const inputs = () => [
    store.followUps.all(),
    store.meetings.all(),
    store.partnerships.all(),
    store.sectors.all(),
    store.regions.all(),
    store.organizations.all(),
    store.users.all(),
  ];
  app.use('/stats/*', async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const url = new URL(c.req.url);
    const key = `${deps.today()} ${url.pathname}?${url.searchParams.toString()}`;
    const now = inputs();
    const hit = cache.get(key);
    if (hit && hit.inputs.every((array, i) => array === now[i])) {
      return new Response(hit.body, { status: hit.status, headers: { 'content-type': 'application/json', 'x-cache': 'hit' } });
    }
    await next();
    if (c.res.status === 200) {
      if (cache.size >= 500) cache.clear(); // filters are few; a flood of odd queries cannot grow it
      cache.set(key, { inputs: now, status: 200, body: await c.res.clone().text() });
    }
  });

  const period = (request: Request): Period => {
    const query = parseWith(statsQuery, searchParamsToObject(new URL(request.url), []));
    const year = deps.today().slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    if (to < from) throw problems.validation([fieldError('to', 'dateOrder')]);
    return { ...query, from, to };
  };

  /** The dashboard's partnership and sector filters, as the lists apply them. */
  const inScope = (p: Period) => (f: FollowUp) =>
    (!p.partnershipId || f.partnershipId === p.partnershipId) && (!p.sectorId || f.sectorIds.includes(p.sectorId));

  const followUpsIn = (p: Period) => {
    const scoped = inScope(p);
    return store.followUps.all().filter((f) => {
      if (!scoped(f)) return false;
      const day = agreedOn(f);
      return day >= p.from && day <= p.to;
    });
  };

  const meetingsIn = (p: Period) =>
    store.meetings
      .all()
      .filter(
        (m) =>
          m.date >= p.from &&
          m.date <= p.to &&
          (!p.partnershipId || m.partnershipId === p.partnershipId) &&
          (!p.sectorId || m.sectorIds.includes(p.sectorId)),
      );

  const partnershipsIn = (p: Period) =>
    store.partnerships
      .all()
      .filter((x) => (!p.partnershipId || x.id === p.partnershipId) && (!p.sectorId || x.focusSectorIds.includes(p.sectorId)));

  /** The partner region's name, or the partner organisation's, for sorting. */
  const partnerName = (p: Partnership) =>
    (p.partnerRegionId ? store.regions.get(p.partnerRegionId)?.name : undefined) ??
    (p.partnerOrganizationId ? store.organizations.get(p.partnerOrganizationId)?.name : undefined) ??
    '';

  app.get('/stats/follow-ups-by-sector', (c) => {
    const p = period(c.req.raw);
    const bySector = new Map<string, Record<FollowUpStatus, number>>();
    for (const sector of store.sectors.all()) bySector.set(sector.id, zeroCounts(FOLLOW_UP_STATUSES));
    for (const item of followUpsIn(p)) {
      for (const sectorId of item.sectorIds) {
        if (p.sectorId && sectorId !== p.sectorId) continue;
        const counts = bySector.get(sectorId);
        if (counts) counts[item.status] += 1;
      }
    }
    const items = [...bySector]
      .filter(([sectorId]) => !p.sectorId || sectorId === p.sectorId)
      .map(([sectorId, counts]) => ({
        sectorId,
        counts,
        total: Object.values(counts).reduce((a, b) => a + b, 0),
      }));
    return json({ period: p, items });
  });

  app.get('/stats/meetings-by-quarter', (c) => {
    const p = period(c.req.raw);
    const byQuarter = new Map(quartersBetween(p.from, p.to).map((q) => [q, zeroCounts<MeetingKind>(MEETING_KINDS)]));
    for (const meeting of meetingsIn(p)) {
      const counts = byQuarter.get(quarterOf(meeting.date));
      if (counts) counts[meeting.kind] += 1;
    }
    const items = [...byQuarter].map(([quarter, counts]) => ({
      quarter,
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    }));
    return json({ period: p, items });
  });

  app.get('/stats/partnerships-by-stage', (c) => {
    const p = period(c.req.raw);
    const counts = zeroCounts<Stage>(STAGES);
    for (const partnership of partnershipsIn(p)) counts[partnership.stage] += 1;
    return json({ period: p, items: STAGES.map((stage) => ({ stage, count: counts[stage] })) });
  });

  app.get('/stats/kpis', (c) => {
    const p = period(c.req.raw);
    const today = deps.today();
    const partnerships = partnershipsIn(p);
    // Compared with the same period a year earlier: this year against last year.
    const previous = { ...p, from: addYears(p.from, -1), to: addYears(p.to, -1) };
    // Open and overdue are states as of today: the period does not apply to them.
    const scoped = inScope(p);
    let open = 0;
    let overdue = 0;
    for (const f of store.followUps.all()) {
      if (!scoped(f)) continue;
      if (isOpen(f.status)) open += 1;
      if (isOverdue(f, today)) overdue += 1;
    }
    const agreed = followUpsIn(p).filter((f) => countsTowardCompletion(f.status));
    const done = agreed.filter((f) => f.status === 'done').length;
    return json({
      period: p,
      today,
      activePartnerships: partnerships.filter(isActivePartnership).length,
      partnerships: partnerships.length,
      meetings: meetingsIn(p).length,
      meetingsPreviousPeriod: meetingsIn(previous).length,
      previousPeriod: { from: previous.from, to: previous.to },
      openFollowUps: open,
      overdueFollowUps: overdue,
      followUpsAgreed: agreed.length,
      followUpsDone: done,
      completionRate: agreed.length === 0 ? null : done / agreed.length,
    });
  });

  /**
   * Overdue follow-ups are counted as of today (isOverdue with the API's today in Jakarta), over
   * every follow-up in the partnership and sector filters, whatever the period: an item agreed
   * two years ago and still overdue is exactly what a manager must see, and the bars then add up
   * to the overdueFollowUps KPI (by owner exactly; by sector an item counts once per sector).
   * `from`/`to` are validated like everywhere else and otherwise ignored. The matching list is
   * /follow-ups?due=overdue&sectorId=S (or &ownerId=U), plus the partnership and sector filters.
   */
  const overdueItems = (p: Period) => {
    const today = deps.today();
    const scoped = inScope(p);
    return { today, items: store.followUps.all().filter((f) => isOverdue(f, today) && scoped(f)) };
  };

  app.get('/stats/overdue-by-sector', (c) => {
    const p = period(c.req.raw);
    const { today, items } = overdueItems(p);
    const counts = new Map<string, number>();
    for (const sector of store.sectors.all()) {
      if (!p.sectorId || sector.id === p.sectorId) counts.set(sector.id, 0);
    }
    for (const item of items) {
      for (const sectorId of item.sectorIds) {
        const count = counts.get(sectorId);
        if (count !== undefined) counts.set(sectorId, count + 1);
      }
    }
    return json({ period: p, today, items: [...counts].map(([sectorId, count]) => ({ sectorId, count })) });
  });

  /** Every active officer and manager (zero included), and anyone else who owns an overdue item. */
  app.get('/stats/overdue-by-owner', (c) => {
    const p = period(c.req.raw);
    const { today, items } = overdueItems(p);
    const counts = new Map<string, number>();
    for (const user of store.users.all()) {
      if (user.active && (user.role === 'officer' || user.role === 'manager')) counts.set(user.id, 0);
    }
    for (const item of items) counts.set(item.ownerId, (counts.get(item.ownerId) ?? 0) + 1);
    const name = (id: string) => store.users.get(id)?.name ?? id;
    const rows = [...counts]
      .map(([ownerId, count]) => ({ ownerId, count, name: name(ownerId) }))
      .sort((a, b) => b.count - a.count || byName.compare(a.name, b.name) || a.ownerId.localeCompare(b.ownerId));
    return json({ period: p, today, items: rows.map(({ ownerId, count }) => ({ ownerId, count })) });
  });

  /**
   * Per month of the period: follow-ups agreed that month (agreedOn, in Jakarta; cancelled ones
   * left out, as in the completionRate KPI) and how many of those are done now. The first and last
   * months may be cut by the period: `from`/`to` on each row say which days it covers, and are the
   * `agreedFrom`/`agreedTo` of its list. Summed over the months, agreed and done equal the KPI's
   * followUpsAgreed and followUpsDone.
   */
  app.get('/stats/completion-by-month', (c) => {
    const p = period(c.req.raw);
    const rows = monthsOfPeriod(p.from, p.to).map((month) => ({
      month,
      ...clampRange({ from: `${month}-01`, to: endOfMonth(`${month}-01`) }, p),
      agreed: 0,
      done: 0,
    }));
    const byMonth = new Map(rows.map((row) => [row.month, row]));
    for (const item of followUpsIn(p)) {
      if (!countsTowardCompletion(item.status)) continue;
      const row = byMonth.get(agreedOn(item).slice(0, 7));
      if (!row) continue;
      row.agreed += 1;
      if (item.status === 'done') row.done += 1;
    }
    return json({ period: p, items: rows.map((row) => ({ ...row, rate: row.agreed === 0 ? null : row.done / row.agreed })) });
  });

  /**
   * Partnerships that need attention (src/domain/health.ts), as of today: only those with a
   * reason, most reasons first, then by partner name. The partnership and sector filters choose
   * the partnerships (sector: a focus sector, as partnerships-by-stage); the reasons look at all
   * of a partnership's meetings and follow-ups. `from`/`to` are validated and otherwise ignored.
   * One pass over the meetings and one over the follow-ups, whatever the number of partnerships.
   */
  app.get('/stats/health', (c) => {
    const p = period(c.req.raw);
    const today = deps.today();
    const partnerships = partnershipsIn(p);
    const wanted = p.partnershipId ? new Set(partnerships.map((x) => x.id)) : undefined;
    const facts = healthFactsByPartnership(
      wanted ? store.meetings.all().filter((m) => wanted.has(m.partnershipId)) : store.meetings.all(),
      wanted ? store.followUps.all().filter((f) => wanted.has(f.partnershipId)) : store.followUps.all(),
      today,
    );
    const rows: Array<{ partnershipId: string; reasons: HealthReason[]; name: string }> = [];
    for (const partnership of partnerships) {
      const known = facts.get(partnership.id);
      const reasons = partnershipHealth(partnership, {
        today,
        lastMeetingDate: known?.lastMeetingDate,
        overdueCount: known?.overdueCount ?? 0,
      });
      if (reasons.length > 0) rows.push({ partnershipId: partnership.id, reasons, name: partnerName(partnership) });
    }
    rows.sort(
      (a, b) =>
        b.reasons.length - a.reasons.length ||
        byName.compare(a.name, b.name) ||
        a.partnershipId.localeCompare(b.partnershipId),
    );
    return json({ today, items: rows.map(({ partnershipId, reasons }) => ({ partnershipId, reasons })) });
  });
}
