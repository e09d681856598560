import type { Hono } from 'hono';
import { z } from 'zod';
import { addYears, HOME_TIME_ZONE, quarterOf, quartersBetween, todayIn, type IsoDate } from '../../src/domain/dates';
import { FOLLOW_UP_STATUSES, isOpen, isOverdue, type FollowUp, type FollowUpStatus } from '../../src/domain/follow-up';
import { MEETING_KINDS, type MeetingKind } from '../../src/domain/meeting';
import { isActivePartnership, STAGES, type Stage } from '../../src/domain/partnership';
import { isoDate } from '../../src/domain/schemas';
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

/** The day an item was agreed, in the home time zone (stored times are UTC instants). */
const agreedOn = (() => {
  const cache = new Map<string, IsoDate>();
  return (item: FollowUp): IsoDate => {
    let day = cache.get(item.createdAt);
    if (day === undefined) {
      day = todayIn(HOME_TIME_ZONE, new Date(item.createdAt));
      if (cache.size > 100_000) cache.clear();
      cache.set(item.createdAt, day);
    }
    return day;
  };
})();

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/** Aggregates are computed here, over the whole store, never by the browser over rows. */
export function registerStats(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  const period = (request: Request): Period => {
    const query = parseWith(statsQuery, searchParamsToObject(new URL(request.url), []));
    const year = deps.today().slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    if (to < from) throw problems.validation([fieldError('to', 'dateOrder')]);
    return { ...query, from, to };
  };

  const followUpsIn = (p: Period) =>
    store.followUps.all().filter((f) => {
      if (p.partnershipId && f.partnershipId !== p.partnershipId) return false;
      if (p.sectorId && !f.sectorIds.includes(p.sectorId)) return false;
      const day = agreedOn(f);
      return day >= p.from && day <= p.to;
    });

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
    for (const partnership of store.partnerships.all()) {
      if (p.partnershipId && partnership.id !== p.partnershipId) continue;
      if (p.sectorId && !partnership.focusSectorIds.includes(p.sectorId)) continue;
      counts[partnership.stage] += 1;
    }
    return json({ period: p, items: STAGES.map((stage) => ({ stage, count: counts[stage] })) });
  });

  app.get('/stats/kpis', (c) => {
    const p = period(c.req.raw);
    const today = deps.today();
    const partnerships = store.partnerships
      .all()
      .filter((x) => (!p.partnershipId || x.id === p.partnershipId) && (!p.sectorId || x.focusSectorIds.includes(p.sectorId)));
    // Compared with the same period a year earlier: this year against last year.
    const previous = { ...p, from: addYears(p.from, -1), to: addYears(p.to, -1) };
    const current = store.followUps
      .all()
      .filter(
        (f) => (!p.partnershipId || f.partnershipId === p.partnershipId) && (!p.sectorId || f.sectorIds.includes(p.sectorId)),
      );
    const agreed = followUpsIn(p).filter((f) => f.status !== 'cancelled');
    const done = agreed.filter((f) => f.status === 'done').length;
    return json({
      period: p,
      today,
      activePartnerships: partnerships.filter(isActivePartnership).length,
      partnerships: partnerships.length,
      meetings: meetingsIn(p).length,
      meetingsPreviousPeriod: meetingsIn(previous).length,
      previousPeriod: { from: previous.from, to: previous.to },
      openFollowUps: current.filter((f) => isOpen(f.status)).length,
      overdueFollowUps: current.filter((f) => isOverdue(f, today)).length,
      followUpsAgreed: agreed.length,
      followUpsDone: done,
      completionRate: agreed.length === 0 ? null : done / agreed.length,
    });
  });
}
