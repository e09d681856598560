import type { Hono } from 'hono';
import { z } from 'zod';
import { DUE_WINDOWS, dueWindowMatcher, FOLLOW_UP_STATUSES, PRIORITIES, type FollowUp } from '../../src/domain/follow-up';
import { followUpInput, followUpPatch, isoDate } from '../../src/domain/schemas';
import { agreedOn } from '../../src/domain/stats';
import type { ApiDeps } from '../context';
import {
  checkRefs,
  compact,
  etag,
  json,
  parseWith,
  readJson,
  refChecks,
  requireCurrentVersion,
  sectorChecks,
} from '../http';
import { problems } from '../problem';
import { registerCrud, type ListConfig } from './crud';
import { applyFollowUpChange, FOLLOW_UP_WRITES } from './follow-up-change';
import { withIdempotency } from './idempotency';

export type FollowUpQuery = {
  status?: FollowUp['status'][];
  priority?: FollowUp['priority'][];
  sectorId?: string;
  partnershipId?: string;
  ownerId?: string;
  meetingId?: string;
  due?: (typeof DUE_WINDOWS)[number];
  agreedFrom?: string;
  agreedTo?: string;
};

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

/**
 * How follow-ups are filtered, searched and sorted: the list endpoint (GET /follow-ups) and the
 * exports (CSV, ICS) both select with this, through `selectItems`, so they never disagree.
 */
export function followUpListing(deps: ApiDeps): ListConfig<FollowUp, FollowUpQuery> {
  return {
    collection: deps.store.followUps,
    filters: {
      status: z.array(z.enum(FOLLOW_UP_STATUSES)).optional(),
      priority: z.array(z.enum(PRIORITIES)).optional(),
      sectorId: z.string().max(40).optional(),
      partnershipId: z.string().max(80).optional(),
      ownerId: z.string().max(80).optional(),
      meetingId: z.string().max(80).optional(),
      due: z.enum(DUE_WINDOWS).optional(),
      /** The day agreed (created) in Asia/Jakarta, both ends included: the stats' period rule. */
      agreedFrom: isoDate.optional(),
      agreedTo: isoDate.optional(),
    },
    arrayKeys: ['status', 'priority'],
    filter: (q) => {
      const inWindow = q.due ? dueWindowMatcher(q.due, deps.today()) : undefined;
      return (f) =>
        (!q.status || q.status.includes(f.status)) &&
        (!q.priority || q.priority.includes(f.priority)) &&
        (!q.sectorId || f.sectorIds.includes(q.sectorId)) &&
        (!q.partnershipId || f.partnershipId === q.partnershipId) &&
        (!q.ownerId || f.ownerId === q.ownerId) &&
        (!q.meetingId || f.meetingIds.includes(q.meetingId)) &&
        (!inWindow || inWindow(f)) &&
        (!q.agreedFrom || agreedOn(f) >= q.agreedFrom) &&
        (!q.agreedTo || agreedOn(f) <= q.agreedTo);
    },
    text: (f) => `${f.title} ${f.description ?? ''}`,
    sorts: {
      dueDate: (f) => f.dueDate,
      priority: (f) => PRIORITY_RANK[f.priority],
      status: (f) => FOLLOW_UP_STATUSES.indexOf(f.status),
      title: (f) => f.title.toLowerCase(),
      updatedAt: (f) => f.updatedAt,
      createdAt: (f) => f.createdAt,
    },
    defaultSort: 'dueDate',
  };
}

export function registerFollowUps(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  registerCrud<FollowUp, FollowUpQuery>(app, deps, {
    ...followUpListing(deps),
    path: '/follow-ups',
    label: 'Follow-up',
    prefix: 'fu',
    refs: () => [],
  });

  deps.rules.declare('POST', '/follow-ups', { action: 'followUp.create' });
  app.post('/follow-ups', (c) =>
    withIdempotency(deps, c.req.raw, async (body, respond) => {
      const actor = await deps.actor(c.req.raw);
      const input = parseWith(followUpInput, body);
      const meeting = input.meetingId ? store.meetings.get(input.meetingId) : undefined;
      checkRefs([
        ...refChecks(store.partnerships, 'partnershipId', input.partnershipId),
        ...refChecks(store.users, 'ownerId', input.ownerId),
        ...sectorChecks(store, 'sectorIds', input.sectorIds),
        ...(input.meetingId
          ? [['meetingId', meeting !== undefined && meeting.partnershipId === input.partnershipId] as [string, boolean]]
          : []),
      ]);
      return store.transaction(() => {
        const at = deps.now().toISOString();
        const item: FollowUp = compact({
          ...input,
          id: store.nextId('fu'),
          meetingIds: input.meetingId ? [input.meetingId] : [],
          history: [compact({ at, by: actor.id, kind: 'created' as const, to: input.status, meetingId: input.meetingId })],
          completedAt: input.status === 'done' ? at : undefined,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        store.followUps.insert(item);
        return respond(item, { status: 201, headers: { location: `/api/follow-ups/${item.id}`, etag: etag(1) } });
      }, { actorId: actor.id });
    }),
  );

  /**
   * One request changes fields and/or the status; every change lands in the item's history
   * with who, when and the comment. Rules are checked on the item as it would be afterwards.
   */
  // Any follow-up right lets the request in; applyFollowUpChange decides for this item and this
  // change (an officer's own item, not its owner).
  deps.rules.declare('PATCH', '/follow-ups/:id', { anyOf: FOLLOW_UP_WRITES });
  app.patch('/follow-ups/:id', async (c) => {
    const actor = await deps.actor(c.req.raw);
    const current = store.followUps.get(c.req.param('id'));
    if (!current) throw problems.notFound('Follow-up');
    requireCurrentVersion(c.req.raw, current);
    const { value } = await readJson(c.req.raw);
    const change = parseWith(followUpPatch, value);
    // The version is checked again as the change is applied: another write may have landed
    // while this request's body was read.
    const item = applyFollowUpChange(deps, actor, current.id, (now) => requireCurrentVersion(c.req.raw, now), change);
    return json(item, { headers: { etag: etag(item.version) } });
  });
}
