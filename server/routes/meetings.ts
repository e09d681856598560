import type { Hono } from 'hono';
import { z } from 'zod';
import type { FollowUp } from '../../src/domain/follow-up';
import { isOpen } from '../../src/domain/follow-up';
import { MEETING_KINDS, type Meeting } from '../../src/domain/meeting';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import { isoDate, meetingCreate, meetingInput, meetingPatch, NEW_PERSON_REF } from '../../src/domain/schemas';
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
   * A meeting and everything agreed in it are created in one transaction: a new partner region
   * and partnership, the people met for the first time, the follow-ups, the links to carried-over
   * follow-ups. Every reference is checked first; if anything fails, nothing is kept.
   */
  // Creating a new partnership, partner region and people inline is part of logging a visit.
  deps.rules.declare('POST', '/meetings', { action: 'meeting.create' });
  app.post('/meetings', (c) =>
    withIdempotency(deps, c.req.raw, async (body, respond) => {
      const actor = await deps.actor(c.req.raw);
      const { followUps: drafts, carriedFollowUpIds, newPartnership, newPeople, ...input } = parseWith(meetingCreate, body);
      const existing = input.partnershipId ? store.partnerships.get(input.partnershipId) : undefined;
      const homeRegion = store.regions.all().find((r) => r.role === 'home');
      const newRefs = new Set(newPeople.map((p) => p.ref));
      const personExists = (id: string) => (NEW_PERSON_REF.test(id) ? newRefs.has(id) : store.people.get(id) !== undefined);
      const personChecks = (path: string, id: string | undefined): Array<[string, boolean]> =>
        id === undefined ? [] : [[path, personExists(id)]];

      checkRefs([
        ...(input.partnershipId ? refChecks(store.partnerships, 'partnershipId', input.partnershipId) : []),
        ...(newPartnership ? [['newPartnership.region.countryCode', homeRegion !== undefined] as [string, boolean]] : []),
        ...(newPartnership ? sectorChecks(store, 'newPartnership.region.strengths', newPartnership.region.strengths) : []),
        ...personChecks('hostLeadId', input.hostLeadId),
        ...personChecks('delegationLeadId', input.delegationLeadId),
        ...refChecks(store.organizations, 'facilitatorIds', input.facilitatorIds),
        ...sectorChecks(store, 'sectorIds', input.sectorIds),
        ...input.participants.flatMap((p, i) => [
          ...personChecks(`participants.${i}.personId`, p.personId),
          ...refChecks(store.organizations, `participants.${i}.organizationId`, p.organizationId),
        ]),
        ...input.statements.flatMap((s, i) => personChecks(`statements.${i}.personId`, s.personId)),
        ...drafts.flatMap((d, i) => [
          ...refChecks(store.users, `followUps.${i}.ownerId`, d.ownerId),
          ...sectorChecks(store, `followUps.${i}.sectorIds`, d.sectorIds),
        ]),
        ...carriedFollowUpIds.map((id, i): [string, boolean] => {
          const item = store.followUps.get(id);
          return [`carriedFollowUpIds.${i}`, item !== undefined && existing !== undefined && item.partnershipId === existing.id];
        }),
      ]);

      return store.transaction(() => {
        const at = deps.now().toISOString();
        const meta = (prefix: string) => ({ id: store.nextId(prefix), version: 1, createdAt: at, updatedAt: at });

        let partnership = existing;
        if (newPartnership && homeRegion) {
          const region: Region = compact({ ...newPartnership.region, ...meta('reg'), role: 'partner' as const, illustrative: false });
          store.regions.insert(region);
          partnership = {
            ...meta('pts'),
            homeRegionId: homeRegion.id,
            partnerRegionId: region.id,
            type: newPartnership.type,
            stage: 'exploring',
            stageHistory: [{ to: 'exploring', date: input.date, note: input.title, by: actor.id, at }],
            focusSectorIds: input.sectorIds,
            facilitatorIds: input.facilitatorIds,
            agreements: {},
            illustrative: false,
          };
          store.partnerships.insert(partnership);
        }
        if (!partnership) throw new Error('unreachable: partnership checked above');

        const personIds = new Map<string, string>();
        for (const person of newPeople) {
          const { ref, side, ...fields } = person;
          const created: Person = compact({
            ...fields,
            ...meta('per'),
            regionId: side === 'host' ? partnership.homeRegionId : partnership.partnerRegionId,
            organizationId: side === 'guest' && !partnership.partnerRegionId ? partnership.partnerOrganizationId : undefined,
            illustrative: false,
          });
          store.people.insert(created);
          personIds.set(ref, created.id);
        }
        const person = (id: string | undefined) => (id === undefined ? undefined : (personIds.get(id) ?? id));

        const meeting: Meeting = compact({
          ...input,
          ...meta('mtg'),
          partnershipId: partnership.id,
          hostLeadId: person(input.hostLeadId),
          delegationLeadId: person(input.delegationLeadId),
          participants: input.participants.map((p) => compact({ ...p, personId: person(p.personId) })),
          statements: input.statements.map((s) => compact({ ...s, personId: person(s.personId) })),
        });
        store.meetings.insert(meeting);

        for (const draft of drafts) {
          const item: FollowUp = compact({
            ...draft,
            ...meta('fu'),
            partnershipId: partnership.id,
            meetingId: meeting.id,
            meetingIds: [meeting.id],
            status: 'open' as const,
            history: [{ at, by: actor.id, kind: 'created' as const, to: 'open' as const, meetingId: meeting.id }],
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
        return respond(meeting, {
          status: 201,
          headers: { location: `/api/meetings/${meeting.id}`, etag: etag(meeting.version) },
        });
      }, { actorId: actor.id });
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
    actions: { patch: 'meeting.update' },
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
