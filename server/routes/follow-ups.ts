import type { Hono } from 'hono';
import { z } from 'zod';
import {
  DUE_WINDOWS,
  FOLLOW_UP_STATUSES,
  followUpRuleErrors,
  inDueWindow,
  PRIORITIES,
  type FollowUp,
  type FollowUpEvent,
} from '../../src/domain/follow-up';
import { followUpInput, followUpPatch } from '../../src/domain/schemas';
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
import { registerCrud } from './crud';
import { withIdempotency } from './idempotency';

type FollowUpQuery = {
  status?: FollowUp['status'][];
  priority?: FollowUp['priority'][];
  sectorId?: string;
  partnershipId?: string;
  ownerId?: string;
  meetingId?: string;
  due?: (typeof DUE_WINDOWS)[number];
};

const PRIORITY_RANK = { high: 0, normal: 1, low: 2 } as const;

const TRACKED_FIELDS = ['title', 'description', 'ownerId', 'dueDate', 'sectorIds', 'priority'] as const;

export function registerFollowUps(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  registerCrud<FollowUp, FollowUpQuery>(app, deps, {
    path: '/follow-ups',
    label: 'Follow-up',
    prefix: 'fu',
    collection: store.followUps,
    filters: {
      status: z.array(z.enum(FOLLOW_UP_STATUSES)).optional(),
      priority: z.array(z.enum(PRIORITIES)).optional(),
      sectorId: z.string().max(40).optional(),
      partnershipId: z.string().max(80).optional(),
      ownerId: z.string().max(80).optional(),
      meetingId: z.string().max(80).optional(),
      due: z.enum(DUE_WINDOWS).optional(),
    },
    arrayKeys: ['status', 'priority'],
    filter: (q) => {
      const today = deps.today();
      return (f) =>
          (!q.status || q.status.includes(f.status)) &&
          (!q.priority || q.priority.includes(f.priority)) &&
          (!q.sectorId || f.sectorIds.includes(q.sectorId)) &&
          (!q.partnershipId || f.partnershipId === q.partnershipId) &&
          (!q.ownerId || f.ownerId === q.ownerId) &&
          (!q.meetingId || f.meetingIds.includes(q.meetingId)) &&
          (!q.due || inDueWindow(f, q.due, today));
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
    refs: () => [],
  });

  app.post('/follow-ups', (c) =>
    withIdempotency(deps, c.req.raw, (body) => {
      const actor = deps.actor(c.req.raw);
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
        return json(item, { status: 201, headers: { location: `/api/follow-ups/${item.id}`, etag: etag(1) } });
      });
    }),
  );

  /**
   * One request changes fields and/or the status; every change lands in the item's history
   * with who, when and the comment. Rules are checked on the item as it would be afterwards.
   */
  app.patch('/follow-ups/:id', async (c) => {
    const actor = deps.actor(c.req.raw);
    const current = store.followUps.get(c.req.param('id'));
    if (!current) throw problems.notFound('Follow-up');
    requireCurrentVersion(c.req.raw, current);
    const { value } = await readJson(c.req.raw);
    const { comment, status, ...patch } = parseWith(followUpPatch, value);
    checkRefs([
      ...refChecks(store.users, 'ownerId', patch.ownerId),
      ...sectorChecks(store, 'sectorIds', patch.sectorIds),
    ]);
    const next: FollowUp = compact({ ...current, ...patch, dueDate: patch.dueDate === null ? undefined : (patch.dueDate ?? current.dueDate), status: status ?? current.status });
    const statusChanged = status !== undefined && status !== current.status;
    const ruleErrors = followUpRuleErrors(next, statusChanged ? { status, comment } : undefined);
    if (ruleErrors.length > 0) throw problems.validation(ruleErrors);

    const at = deps.now().toISOString();
    const changes = TRACKED_FIELDS.filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(next[field]),
    ).map((field) => ({ field, from: current[field] ?? null, to: next[field] ?? null }));
    const events: FollowUpEvent[] = [];
    if (changes.length > 0) events.push({ at, by: actor.id, kind: 'updated', changes });
    if (statusChanged) events.push(compact({ at, by: actor.id, kind: 'status' as const, from: current.status, to: status, comment }));
    else if (comment) events.push({ at, by: actor.id, kind: 'comment', comment });
    if (events.length === 0) return json(current, { headers: { etag: etag(current.version) } });

    const saved: FollowUp = compact({
      ...next,
      history: [...current.history, ...events],
      completedAt: next.status === 'done' ? (statusChanged ? at : current.completedAt) : undefined,
      version: current.version + 1,
      updatedAt: at,
    });
    store.transaction(() => store.followUps.replace(saved));
    return json(saved, { headers: { etag: etag(saved.version) } });
  });
}
