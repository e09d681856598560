import type { Hono } from 'hono';
import { z } from 'zod';
import { isOpen, type FollowUp } from '../../src/domain/follow-up';
import type { Meeting } from '../../src/domain/meeting';
import { mergeTimeline, TIMELINE_KINDS } from '../../src/domain/timeline';
import type { ApiDeps } from '../context';
import { json, pageOf, pagingShape, parseWith, searchParamsToObject } from '../http';
import { problems } from '../problem';

const timelineQuery = z.strictObject({
  kind: z.array(z.enum(TIMELINE_KINDS, { error: 'invalidOption' })).optional(),
  limit: pagingShape.limit,
  cursor: pagingShape.cursor,
});

/** Meetings and follow-ups grouped by partnership, rebuilt when either collection changes. */
const grouped = new WeakMap<readonly object[], Map<string, object[]>>();
function byPartnership<T extends { partnershipId: string }>(all: readonly T[]): Map<string, T[]> {
  let map = grouped.get(all) as Map<string, T[]> | undefined;
  if (!map) {
    map = new Map();
    for (const item of all) {
      const list = map.get(item.partnershipId);
      if (list) list.push(item);
      else map.set(item.partnershipId, [item]);
    }
    grouped.set(all, map as Map<string, object[]>);
  }
  return map;
}

/**
 * GET /partnerships/activity: per partnership, the last meeting and the next open follow-up
 * (the directory's columns), in one pass over meetings and follow-ups.
 * GET /partnerships/:id/timeline?kind=meeting,stage,followUp: meetings, stage changes and
 * follow-up events merged newest first (src/domain/timeline.ts), paged like every list.
 * Registered before the partnership routes, so "activity" is not taken for an id.
 */
export function registerTimeline(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  app.get('/partnerships/activity', async (c) => {
    await deps.actor(c.req.raw);
    // No parameters: an unknown one is refused, as on every list.
    parseWith(z.strictObject({}), searchParamsToObject(new URL(c.req.url), []));
    const last = new Map<string, Meeting>();
    for (const m of store.meetings.all()) {
      const best = last.get(m.partnershipId);
      if (!best || m.date > best.date || (m.date === best.date && m.id > best.id)) last.set(m.partnershipId, m);
    }
    const next = new Map<string, FollowUp>();
    for (const f of store.followUps.all()) {
      if (!isOpen(f.status)) continue;
      const best = next.get(f.partnershipId);
      const earlier =
        !best ||
        (f.dueDate !== undefined && (best.dueDate === undefined || f.dueDate < best.dueDate)) ||
        (f.dueDate === best.dueDate && f.id < best.id);
      if (earlier) next.set(f.partnershipId, f);
    }
    const items = store.partnerships.all().map((p) => {
      const m = last.get(p.id);
      const f = next.get(p.id);
      return {
        partnershipId: p.id,
        lastMeeting: m ? { id: m.id, date: m.date, title: m.title } : null,
        nextFollowUp: f ? { id: f.id, title: f.title, dueDate: f.dueDate ?? null, status: f.status, ownerId: f.ownerId } : null,
      };
    });
    return json({ items, total: items.length, nextCursor: null });
  });

  app.get('/partnerships/:id/timeline', async (c) => {
    await deps.actor(c.req.raw);
    const partnership = store.partnerships.get(c.req.param('id'));
    if (!partnership) throw problems.notFound('Partnership');
    const query = parseWith(timelineQuery, searchParamsToObject(new URL(c.req.url), ['kind']));
    const meetings = byPartnership(store.meetings.all()).get(partnership.id) ?? [];
    const followUps = byPartnership(store.followUps.all()).get(partnership.id) ?? [];
    const items = mergeTimeline(partnership, meetings, followUps, query.kind);
    return json(pageOf(items, query.limit, query.cursor ?? 0));
  });
}
