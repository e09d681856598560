import type { Hono } from 'hono';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Meeting } from '../../src/domain/meeting';
import type { Partnership } from '../../src/domain/partnership';
import type { Person } from '../../src/domain/person';
import type { ApiDeps } from '../context';
import { matchesWords } from '../db/dialect';
import { listFollowUps } from '../db/follow-up-list';
import { listResources } from '../db/listings';
import { pageOfRows, searchWords } from '../db/lists';
import { hydrate, meetingMap } from '../db/mappers';
import { partnershipIn } from '../db/scope';
import { json, normalizeText, parseWith, searchParamsToObject } from '../http';

const searchQuery = z.strictObject({
  q: z.string().trim().min(1, { error: 'required' }).max(200),
  homeRegionId: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});

/** A first page (no cursor given, so never 'invalidCursor'). */
const firstPage = <P>(found: P | 'invalidCursor'): P => {
  if (found === 'invalidCursor') throw new Error('unreachable: no cursor given');
  return found;
};

/**
 * One search across partners (Latin and local-script names: "Binzhou", "滨州"), people,
 * meetings and follow-ups, grouped by kind; each group gives its first matches and its total.
 * Each group is one indexed query (FTS5 on SQLite, trigram on PostgreSQL), the lists' own.
 */
export function registerSearch(app: Hono, deps: ApiDeps): void {
  const { store } = deps;
  app.get('/search', async (c) => {
    const { q, limit, homeRegionId } = parseWith(searchQuery, searchParamsToObject(new URL(c.req.url), []));
    // Only the user's home governments' records (server/db/scope.ts).
    const homeRegionIds = await deps.scope(c.req.raw, homeRegionId);
    const { db, engine } = store;
    const page = { limit };
    const words = searchWords(q, normalizeText);
    // A meeting is found by its own words (title, place, summary) or by its partner's name.
    const meetingWhere = sql<SqlBool>`(${matchesWords(engine, 'meetings', 'm', words)}
      or m.partnership_id in (select x.id from partnerships x where x.partner_region_id in
        (select r.id from regions r where ${matchesWords(engine, 'regions', 'r', words)})))`;
    const [partnerships, people, meetingRows, followUps] = await Promise.all([
      listResources<Partnership>(db, engine, 'partnerships', { q, sort: 'partner', homeRegionIds }, page).then(firstPage),
      listResources<Person>(db, engine, 'people', { q, sort: 'name', homeRegionIds }, page).then(firstPage),
      pageOfRows(db, { table: 'meetings', alias: 'm', sorts: { date: { expr: sql.ref('m.date'), nullable: false, kind: 'day' } } }, [meetingWhere, ...partnershipIn('m.partnership_id', homeRegionIds)], '-date', page).then(firstPage),
      listFollowUps(db, engine, { q, sort: 'dueDate', homeRegionIds }, page, deps.today()).then(firstPage),
    ]);
    const meetings: Meeting[] = await hydrate(db, meetingMap, meetingRows.rows, { without: ['participants', 'statements'] });
    return json({
      q,
      partnerships: {
        total: partnerships.total,
        items: partnerships.items.map((p) => ({ id: p.id, partnerRegionId: p.partnerRegionId, partnerOrganizationId: p.partnerOrganizationId, stage: p.stage })),
      },
      people: { total: people.total, items: people.items.map((p) => ({ id: p.id, name: p.name, position: p.position, regionId: p.regionId })) },
      meetings: { total: meetingRows.total, items: meetings.map((m) => ({ id: m.id, title: m.title, date: m.date, partnershipId: m.partnershipId })) },
      followUps: {
        total: followUps.total,
        items: followUps.items.map((f) => ({ id: f.id, title: f.title, status: f.status, dueDate: f.dueDate ?? null })),
      },
    });
  });
}
