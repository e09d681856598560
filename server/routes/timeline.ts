import type { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import { OPEN_STATUSES } from '../../src/domain/follow-up';
import { mergeTimeline, TIMELINE_KINDS } from '../../src/domain/timeline';
import type { ApiDeps } from '../context';
import { loadResources, followUpMap, meetingMap } from '../db/mappers';
import { homeRegionIn } from '../db/scope';
import { json, offsetPagingShape, pageOf, parseWith, searchParamsToObject } from '../http';
import { problems } from '../problem';

const timelineQuery = z.strictObject({
  kind: z.array(z.enum(TIMELINE_KINDS, { error: 'invalidOption' })).optional(),
  ...offsetPagingShape,
});

type ActivityRow = {
  partnership_id: string;
  meeting_id: string | null;
  meeting_date: string | null;
  meeting_title: string | null;
  follow_up_id: string | null;
  follow_up_title: string | null;
  due_date: string | null;
  status: string | null;
  owner_id: string | null;
};

/**
 * GET /partnerships/activity: per partnership, the last meeting and the next open follow-up
 * (the directory's columns): one query, each side picked by a window over its index.
 * GET /partnerships/:id/timeline?kind=meeting,stage,followUp: meetings, stage changes and
 * follow-up events merged newest first (src/domain/timeline.ts), paged like every list; it reads
 * one partnership's meetings and follow-ups (by their partnership index), never a collection.
 * Registered before the partnership routes, so "activity" is not taken for an id.
 */
export function registerTimeline(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  app.get('/partnerships/activity', async (c) => {
    await deps.actor(c.req.raw);
    // One of the user's home governments at most: an unknown parameter is refused, as on every list.
    const { homeRegionId } = parseWith(z.strictObject({ homeRegionId: z.string().max(80).optional() }), searchParamsToObject(new URL(c.req.url), []));
    const scope = await deps.scope(c.req.raw, homeRegionId);
    const scoped = homeRegionIn('x.home_region_id', scope);
    const items = await deps.cache.get(store.db, `partnerships/activity ${JSON.stringify(scope ?? 'all')}`, async () => {
      const { rows } = await sql<ActivityRow>`
        with last_meeting as (
          select partnership_id, id, date, title,
                 row_number() over (partition by partnership_id order by date desc, id desc) as n
          from meetings),
        next_follow_up as (
          select partnership_id, id, title, due_date, status, owner_id,
                 row_number() over (partition by partnership_id order by case when due_date is null then 1 else 0 end, due_date, id) as n
          from follow_ups where status in (${sql.join(OPEN_STATUSES)}))
        select x.id as partnership_id,
               m.id as meeting_id, m.date as meeting_date, m.title as meeting_title,
               f.id as follow_up_id, f.title as follow_up_title, f.due_date, f.status, f.owner_id
        from partnerships x
        left join last_meeting m on m.partnership_id = x.id and m.n = 1
        left join next_follow_up f on f.partnership_id = x.id and f.n = 1
        ${scoped.length > 0 ? sql`where ${sql.join(scoped, sql` and `)}` : sql``}
        order by x.seq`.execute(store.db);
      return rows.map((r) => ({
        partnershipId: r.partnership_id,
        lastMeeting: r.meeting_id ? { id: r.meeting_id, date: r.meeting_date, title: r.meeting_title } : null,
        nextFollowUp: r.follow_up_id
          ? { id: r.follow_up_id, title: r.follow_up_title, dueDate: r.due_date ?? null, status: r.status, ownerId: r.owner_id }
          : null,
      }));
    });
    return json({ items, total: items.length, nextCursor: null });
  });

  app.get('/partnerships/:id/timeline', async (c) => {
    await deps.actor(c.req.raw);
    const partnership = await store.partnerships.get(c.req.param('id'));
    if (!partnership) throw problems.notFound('Partnership');
    const query = parseWith(timelineQuery, searchParamsToObject(new URL(c.req.url), ['kind']));
    const idsOf = async (table: 'meetings' | 'follow_ups') =>
      (await store.db.selectFrom(table).select('id').where('partnership_id', '=', partnership.id).orderBy('seq').execute()).map((r) => r.id);
    const [meetings, followUps] = await Promise.all([
      idsOf('meetings').then((ids) => loadResources(store.db, meetingMap, ids)),
      idsOf('follow_ups').then((ids) => loadResources(store.db, followUpMap, ids)),
    ]);
    const items = mergeTimeline(partnership, meetings, followUps, query.kind);
    return json(pageOf(items, query.limit, query.cursor ?? 0));
  });
}
