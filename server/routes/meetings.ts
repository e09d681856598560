import type { Hono } from 'hono';
import { z } from 'zod';
import type { FollowUp } from '../../src/domain/follow-up';
import { isOpen } from '../../src/domain/follow-up';
import { MEETING_KINDS, type Meeting } from '../../src/domain/meeting';
import { isoDate, meetingCreate, meetingInput, meetingPatch } from '../../src/domain/schemas';
import type { ApiDeps } from '../context';
import { checkRefs, compact, etag, json, parseWith, refChecks, sectorChecks } from '../http';
import { problems } from '../problem';
import { registerCrud } from './crud';
import { withIdempotency } from './idempotency';

type MeetingQuery = {
  partnershipId?: string;
  kind?: string[];
  sectorId?: string;
  year?: number;
  from?: string;
  to?: string;
};

export function registerMeetings(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  const refs = (m: Record<string, unknown>) => {
    const participants = (m.participants as Meeting['participants'] | undefined) ?? [];
    const statements = (m.statements as Meeting['statements'] | undefined) ?? [];
    return [
      ...refChecks(store.partnerships, 'partnershipId', m.partnershipId as string | undefined),
      ...refChecks(store.people, 'hostLeadId', m.hostLeadId as string | undefined),
      ...refChecks(store.people, 'delegationLeadId', m.delegationLeadId as string | undefined),
      ...refChecks(store.organizations, 'facilitatorIds', m.facilitatorIds as string[] | undefined),
      ...sectorChecks(store, 'sectorIds', m.sectorIds as string[] | undefined),
      ...participants.flatMap((p, i) => [
        ...refChecks(store.people, `participants.${i}.personId`, p.personId),
        ...refChecks(store.organizations, `participants.${i}.organizationId`, p.organizationId),
      ]),
      ...statements.flatMap((s, i) => refChecks(store.people, `statements.${i}.personId`, s.personId)),
    ];
  };

  /**
   * A meeting and the follow-ups agreed in it are created in one transaction: every reference is
   * checked first, and if anything fails nothing is kept.
   */
  app.post('/meetings', (c) =>
    withIdempotency(deps, c.req.raw, (body) => {
      const actor = deps.actor(c.req.raw);
      const { followUps: drafts, carriedFollowUpIds, ...input } = parseWith(meetingCreate, body);
      checkRefs([
        ...refs(input),
        ...drafts.flatMap((d, i) => [
          ...refChecks(store.users, `followUps.${i}.ownerId`, d.ownerId),
          ...sectorChecks(store, `followUps.${i}.sectorIds`, d.sectorIds),
        ]),
        ...carriedFollowUpIds.map((id, i): [string, boolean] => {
          const item = store.followUps.get(id);
          return [`carriedFollowUpIds.${i}`, item !== undefined && item.partnershipId === input.partnershipId];
        }),
      ]);
      return store.transaction(() => {
        const at = deps.now().toISOString();
        const meeting: Meeting = compact({ ...input, id: store.nextId('mtg'), version: 1, createdAt: at, updatedAt: at });
        store.meetings.insert(meeting);
        for (const draft of drafts) {
          const item: FollowUp = compact({
            ...draft,
            id: store.nextId('fu'),
            partnershipId: meeting.partnershipId,
            meetingId: meeting.id,
            meetingIds: [meeting.id],
            status: 'open' as const,
            history: [{ at, by: actor.id, kind: 'created' as const, to: 'open' as const, meetingId: meeting.id }],
            version: 1,
            createdAt: at,
            updatedAt: at,
          });
          store.followUps.insert(item);
        }
        for (const id of carriedFollowUpIds) {
          const item = store.followUps.get(id);
          if (!item || item.meetingIds.includes(meeting.id)) continue;
          store.followUps.replace({
            ...item,
            meetingIds: [...item.meetingIds, meeting.id],
            history: [...item.history, { at, by: actor.id, kind: 'discussed', meetingId: meeting.id }],
            version: item.version + 1,
            updatedAt: at,
          });
        }
        return json(meeting, {
          status: 201,
          headers: { location: `/api/meetings/${meeting.id}`, etag: etag(meeting.version) },
        });
      });
    }),
  );

  registerCrud<Meeting, MeetingQuery>(app, deps, {
    path: '/meetings',
    label: 'Meeting',
    prefix: 'mtg',
    collection: store.meetings,
    filters: {
      partnershipId: z.string().max(80).optional(),
      kind: z.array(z.enum(MEETING_KINDS)).optional(),
      sectorId: z.string().max(40).optional(),
      year: z.coerce.number().int().min(1900).max(2999).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
    },
    arrayKeys: ['kind'],
    filter: (q) => (m) =>
      (!q.partnershipId || m.partnershipId === q.partnershipId) &&
      (!q.kind || q.kind.includes(m.kind)) &&
      (!q.sectorId || m.sectorIds.includes(q.sectorId)) &&
      (q.year === undefined || m.date.startsWith(`${q.year}-`)) &&
      (!q.from || m.date >= q.from) &&
      (!q.to || m.date <= q.to),
    text: (m) => `${m.title} ${m.place ?? ''} ${m.summary ?? ''}`,
    sorts: { date: (m) => m.date, title: (m) => m.title.toLowerCase(), updatedAt: (m) => m.updatedAt },
    defaultSort: '-date',
    patch: meetingPatch,
    whole: meetingInput,
    refs,
  });

  /** Which open follow-ups a new meeting of this partnership could carry over. */
  app.get('/partnerships/:id/open-follow-ups', (c) => {
    const id = c.req.param('id');
    if (!store.partnerships.get(id)) throw problems.notFound('Partnership');
    const items = store.followUps.all().filter((f) => f.partnershipId === id && isOpen(f.status));
    return json({ items: items.slice(0, 100), total: items.length, nextCursor: null });
  });
}
