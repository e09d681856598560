import type { Hono } from 'hono';
import { z } from 'zod';
import { DUE_WINDOWS, FOLLOW_UP_STATUSES, PRIORITIES, type FollowUp } from '../../src/domain/follow-up';
import { followUpInput, followUpPatch, isoDate } from '../../src/domain/schemas';
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
import { agreedOnToKeep } from '../../src/domain/stats';
import { fieldError } from '../../src/domain/validation';
import { problems } from '../problem';
import { FOLLOW_UP_SORTS, listFollowUps, type FollowUpQuery } from '../db/follow-up-list';
import { registerCrud } from './crud';
import { applyFollowUpChange, FOLLOW_UP_WRITES } from './follow-up-change';
import { answer, withIdempotency } from './idempotency';
import { scopedRefChecks } from './scope';

export type { FollowUpQuery } from '../db/follow-up-list';

/** The follow-up list's filters as the API parses them (list, CSV and calendar exports). */
export const FOLLOW_UP_FILTERS = {
  status: z.array(z.enum(FOLLOW_UP_STATUSES)).optional(),
  priority: z.array(z.enum(PRIORITIES)).optional(),
  sectorId: z.string().max(40).optional(),
  partnershipId: z.string().max(80).optional(),
  ownerId: z.string().max(80).optional(),
  meetingId: z.string().max(80).optional(),
  homeRegionId: z.string().max(80).optional(),
  due: z.enum(DUE_WINDOWS).optional(),
  /** The day agreed (its meeting's date, a date given, or created) in Asia/Jakarta, both ends included: the stats' period rule. */
  agreedFrom: isoDate.optional(),
  agreedTo: isoDate.optional(),
  /** `no`: open items not yet assigned (no owner, no due date); `yes`: items with an owner. */
  assigned: z.enum(['no', 'yes']).optional(),
};

export const FOLLOW_UP_ARRAY_KEYS = ['status', 'priority'] as const;
export const FOLLOW_UP_DEFAULT_SORT = 'dueDate';

export function registerFollowUps(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  registerCrud<'followUps', FollowUpQuery>(app, deps, {
    collection: 'followUps',
    filters: FOLLOW_UP_FILTERS,
    arrayKeys: FOLLOW_UP_ARRAY_KEYS,
    list: async (query, page, request) =>
      listFollowUps(store.db, store.engine, { ...query, homeRegionIds: await deps.scope(request, query.homeRegionId) }, page, deps.today()),
    sorts: FOLLOW_UP_SORTS,
    defaultSort: FOLLOW_UP_DEFAULT_SORT,
    path: '/follow-ups',
    label: 'Follow-up',
    prefix: 'fu',
    refs: () => [],
  });

  deps.rules.declare('POST', '/follow-ups', { action: 'followUp.create' });
  app.post('/follow-ups', (c) =>
    withIdempotency(deps, c.req.raw, async (body, write) => {
      const actor = await deps.actor(c.req.raw);
      const input = parseWith(followUpInput, body);
      const meeting = input.meetingId ? await store.meetings.get(input.meetingId) : undefined;
      await checkRefs([
        // One of the user's home governments' partnerships (server/routes/scope.ts).
        scopedRefChecks(deps, c.req.raw, 'partnership', 'partnershipId', input.partnershipId),
        refChecks(store.users, 'ownerId', input.ownerId),
        sectorChecks(store, 'sectorIds', input.sectorIds),
        input.meetingId ? [['meetingId', meeting !== undefined && meeting.partnershipId === input.partnershipId]] : [],
      ]);
      // Agreed on the day given, else on its meeting's date: a back-logged item counts when it was agreed.
      if (input.agreedOn !== undefined && input.agreedOn > deps.today()) throw problems.validation([fieldError('agreedOn', 'futureDate')]);
      return write({ actorId: actor.id }, async (tx) => {
        const at = deps.now().toISOString();
        const item: FollowUp = compact({
          ...input,
          id: await tx.nextId('fu'),
          meetingIds: input.meetingId ? [input.meetingId] : [],
          agreedOn: agreedOnToKeep(input.agreedOn ?? meeting?.date, at),
          history: [compact({ at, by: actor.id, kind: 'created' as const, to: input.status, meetingId: input.meetingId })],
          completedAt: input.status === 'done' ? at : undefined,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        await tx.followUps.insert(item);
        return answer(item, { status: 201, headers: { location: `/api/follow-ups/${item.id}`, etag: etag(1) } });
      });
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
    const current = await store.followUps.get(c.req.param('id'));
    if (!current) throw problems.notFound('Follow-up');
    requireCurrentVersion(c.req.raw, current);
    const { value } = await readJson(c.req.raw);
    const change = parseWith(followUpPatch, value);
    // The version is checked again as the change is applied: another write may have landed
    // while this request's body was read.
    const item = await applyFollowUpChange(deps, actor, current.id, (now) => requireCurrentVersion(c.req.raw, now), change);
    return json(item, { headers: { etag: etag(item.version) } });
  });
}
