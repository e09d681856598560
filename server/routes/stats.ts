import type { Hono } from 'hono';
import { z } from 'zod';
import { isoDate } from '../../src/domain/schemas';
import { fieldError } from '../../src/domain/validation';
import type { ApiDeps } from '../context';
import * as figures from '../db/stats';
import { json, parseWith, searchParamsToObject } from '../http';
import { problems } from '../problem';

const statsQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  partnershipId: z.string().max(80).optional(),
  sectorId: z.string().max(40).optional(),
  /** One of the user's home governments; without it, every one the user has. */
  homeRegionId: z.string().max(80).optional(),
});

/**
 * Aggregates are computed by the database (server/db/stats.ts: GROUP BY and COUNT over indexes),
 * never by the browser over rows and never over a collection in memory.
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
 *
 * Answers are kept until the data changes anywhere (server/db/cache.ts, keyed by the database's
 * data version, so a write through another process is seen at the next request); "today" is part
 * of the key (overdue, health).
 */
export function registerStats(app: Hono, deps: ApiDeps): void {
  const { store } = deps;
  const { db, engine } = store;

  const period = (request: Request): figures.Period => {
    const query = parseWith(statsQuery, searchParamsToObject(new URL(request.url), []));
    const year = deps.today().slice(0, 4);
    const from = query.from ?? `${year}-01-01`;
    const to = query.to ?? `${year}-12-31`;
    if (to < from) throw problems.validation([fieldError('to', 'dateOrder')]);
    return { ...query, from, to };
  };

  const figure = (name: string, compute: (p: figures.Period, today: string) => Promise<unknown>) =>
    app.get(`/stats/${name}`, async (c) => {
      const p = period(c.req.raw);
      const today = deps.today();
      // Only the user's home governments' records count (server/db/scope.ts); the answer's
      // `period` echoes the query as asked.
      const homeRegionIds = await deps.scope(c.req.raw, p.homeRegionId);
      const key = `stats/${name} ${today} ${JSON.stringify(p)} ${JSON.stringify(homeRegionIds ?? 'all')}`;
      const answer = await deps.cache.get(db, key, () => compute({ ...p, homeRegionIds }, today));
      return json(answer && typeof answer === 'object' && 'period' in answer ? { ...answer, period: p } : answer);
    });

  figure('follow-ups-by-sector', (p) => figures.followUpsBySector(db, p));
  figure('meetings-by-quarter', (p) => figures.meetingsByQuarter(db, engine, p));
  figure('partnerships-by-stage', (p) => figures.partnershipsByStage(db, p));
  figure('kpis', (p, today) => figures.kpis(db, p, today));
  figure('overdue-by-sector', (p, today) => figures.overdueBySector(db, p, today));
  figure('overdue-by-owner', (p, today) => figures.overdueByOwner(db, p, today));
  figure('completion-by-month', (p) => figures.completionByMonth(db, engine, p));
  figure('health', (_p, today) => figures.health(db, _p, today));
  // Per home government (the dashboard's breakdown for a user with several): partnerships,
  // meetings in the period, open and overdue follow-ups, for each government the user has.
  figure('by-home-region', (p, today) => figures.byHomeRegion(db, p, today));
}
