import type { Hono } from 'hono';
import { z } from 'zod';
import type { FollowUp } from '../../src/domain/follow-up';
import { OPEN_STATUSES } from '../../src/domain/follow-up';
import { RECORDED_MEETING_KINDS, type Meeting } from '../../src/domain/meeting';
import type { Person } from '../../src/domain/person';
import type { Region } from '../../src/domain/region';
import type { Organization } from '../../src/domain/organization';
import { agreementsOnEntering } from '../../src/domain/partnership';
import { fieldError } from '../../src/domain/validation';
import { isoDate, meetingCreate, meetingInput, meetingPatch, NEW_PERSON_REF } from '../../src/domain/schemas';
import type { User } from '../../src/domain/user';
import { agreedOnToKeep } from '../../src/domain/stats';
import type { ApiDeps } from '../context';
import { checkRefs, compact, etag, json, parseWith, refChecks, sectorChecks, type RefCheck } from '../http';
import { ProblemError, problems } from '../problem';
import type { Tx } from '../store';
import { registerCrud, scopedListing } from './crud';
import { chosenHomeRegion, homeRegionChecks, scopedRefChecks, scopedRefChecksAll } from './scope';
import { changeFollowUp } from './follow-up-change';
import { answer, withIdempotency } from './idempotency';

export type MeetingQuery = {
  partnershipId?: string;
  homeRegionId?: string;
  kind?: string[];
  sectorId?: string;
  year?: number;
  from?: string;
  to?: string;
};

/** The list's filters (GET /meetings and its CSV export, server/routes/record-exports.ts). */
export const MEETING_FILTERS = {
  partnershipId: z.string().max(80).optional(),
  homeRegionId: z.string().max(80).optional(),
  kind: z.array(z.enum(RECORDED_MEETING_KINDS)).optional(),
  sectorId: z.string().max(40).optional(),
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
export const MEETING_ARRAY_KEYS = ['kind'] as const;

export function registerMeetings(app: Hono, deps: ApiDeps): void {
  const { store } = deps;

  /**
   * A meeting's references: its partnership and the people it names must be of the user's
   * home governments (server/routes/scope.ts); organisations and sectors are shared.
   */
  const refs = (m: Record<string, unknown>, request: Request) => {
    const participants = (m.participants as Meeting['participants'] | undefined) ?? [];
    const statements = (m.statements as Meeting['statements'] | undefined) ?? [];
    return [
      scopedRefChecks(deps, request, 'partnership', 'partnershipId', m.partnershipId as string | undefined),
      scopedRefChecksAll(deps, request, 'person', [
        ['hostLeadId', m.hostLeadId as string | undefined],
        ['delegationLeadId', m.delegationLeadId as string | undefined],
        ...participants.map((p, i) => [`participants.${i}.personId`, p.personId] as const),
        ...statements.map((s, i) => [`statements.${i}.personId`, s.personId] as const),
      ]),
      refChecks(store.organizations, 'facilitatorIds', m.facilitatorIds as string[] | undefined),
      sectorChecks(store, 'sectorIds', m.sectorIds as string[] | undefined),
      ...participants.map((p, i) => refChecks(store.organizations, `participants.${i}.organizationId`, p.organizationId)),
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
    withIdempotency(deps, c.req.raw, async (body, write) => {
      const actor = await deps.actor(c.req.raw);
      const { followUps: drafts, carriedFollowUpIds, carriedProgress, newPartnership, newPeople, ...input } = parseWith(meetingCreate, body);
      const existing = input.partnershipId ? await store.partnerships.get(input.partnershipId) : undefined;
      // The new partnership's home government: given, or the user's only one (server/routes/scope.ts).
      const homeRegion = newPartnership
        ? await chosenHomeRegion(deps, c.req.raw, 'newPartnership.homeRegionId', newPartnership.homeRegionId)
        : undefined;
      const newRefs = new Set(newPeople.map((p) => p.ref));
      // People met before: known, and of the user's governments (partner-side people are shared).
      const named: Array<readonly [string, string | undefined]> = [
        ['hostLeadId', input.hostLeadId],
        ['delegationLeadId', input.delegationLeadId],
        ...input.participants.map((p, i) => [`participants.${i}.personId`, p.personId] as const),
        ...input.statements.map((s, i) => [`statements.${i}.personId`, s.personId] as const),
      ];
      const isNew = (id: string | undefined) => id !== undefined && NEW_PERSON_REF.test(id);
      const personChecks: Array<RefCheck[] | Promise<RefCheck[]>> = [
        named.flatMap(([path, id]): RefCheck[] => (isNew(id) ? [[path, newRefs.has(id!)]] : [])),
        scopedRefChecksAll(deps, c.req.raw, 'person', named.filter(([, id]) => !isNew(id))),
      ];
      const carried = await store.followUps.getMany(carriedFollowUpIds);
      const carriedById = new Map(carried.map((f) => [f.id, f]));

      await checkRefs([
        ...(input.partnershipId ? [scopedRefChecks(deps, c.req.raw, 'partnership', 'partnershipId', input.partnershipId)] : []),
        ...(newPartnership ? [homeRegionChecks(deps, c.req.raw, 'newPartnership.homeRegionId', homeRegion)] : []),
        ...(newPartnership?.region ? [sectorChecks(store, 'newPartnership.region.strengths', newPartnership.region.strengths)] : []),
        ...personChecks,
        refChecks(store.organizations, 'facilitatorIds', input.facilitatorIds),
        sectorChecks(store, 'sectorIds', input.sectorIds),
        ...input.participants.map((p, i) => refChecks(store.organizations, `participants.${i}.organizationId`, p.organizationId)),
        ...drafts.flatMap((d, i) => [
          refChecks(store.users, `followUps.${i}.ownerId`, d.ownerId),
          sectorChecks(store, `followUps.${i}.sectorIds`, d.sectorIds),
        ]),
        carriedFollowUpIds.map((id, i): RefCheck => {
          const item = carriedById.get(id);
          return [`carriedFollowUpIds.${i}`, item !== undefined && existing !== undefined && item.partnershipId === existing.id];
        }),
        carriedProgress.map((p, i): RefCheck => [`carriedProgress.${i}.id`, carriedFollowUpIds.includes(p.id)]),
      ]);
      const progressById = new Map(carriedProgress.map((p, index) => [p.id, { ...p, index }]));
      // A new partnership starts on the day given, else the meeting's date; a start is never after today.
      const startDate = newPartnership ? (newPartnership.stageDate ?? input.date) : undefined;
      if (newPartnership && startDate && startDate > deps.today()) {
        // A meeting still to come does not date the partnership's start: the user gives the day.
        throw problems.validation([fieldError('newPartnership.stageDate', newPartnership.stageDate ? 'futureDate' : 'required')]);
      }

      return write({ actorId: actor.id }, async (tx) => {
        const at = deps.now().toISOString();
        const meta = async (prefix: string) => ({ id: await tx.nextId(prefix), version: 1, createdAt: at, updatedAt: at });

        let partnership = existing;
        if (newPartnership && homeRegion && startDate) {
          // The counterpart: a new partner region, or a new organisation (created by staff with the visit).
          const counterpart = await newCounterpart(newPartnership, meta, tx);
          const { stage } = newPartnership;
          partnership = {
            ...(await meta('pts')),
            homeRegionId: homeRegion,
            ...counterpart,
            type: newPartnership.type,
            stage,
            stageHistory: [{ to: stage, date: startDate, note: input.title, by: actor.id, at }],
            focusSectorIds: input.sectorIds,
            facilitatorIds: input.facilitatorIds,
            agreements: agreementsOnEntering(stage, startDate, {}),
            illustrative: false,
          };
          await tx.partnerships.insert(partnership);
        }
        if (!partnership) throw new Error('unreachable: partnership checked above');

        const personIds = new Map<string, string>();
        for (const person of newPeople) {
          const { ref, side, ...fields } = person;
          const created: Person = compact({
            ...fields,
            ...(await meta('per')),
            regionId: side === 'host' ? partnership.homeRegionId : partnership.partnerRegionId,
            organizationId: side === 'guest' && !partnership.partnerRegionId ? partnership.partnerOrganizationId : undefined,
            illustrative: false,
          });
          await tx.people.insert(created);
          personIds.set(ref, created.id);
        }
        const person = (id: string | undefined) => (id === undefined ? undefined : (personIds.get(id) ?? id));

        const meeting: Meeting = compact({
          ...input,
          ...(await meta('mtg')),
          partnershipId: partnership.id,
          hostLeadId: person(input.hostLeadId),
          delegationLeadId: person(input.delegationLeadId),
          participants: input.participants.map((p) => compact({ ...p, personId: person(p.personId) })),
          statements: input.statements.map((s) => compact({ ...s, personId: person(s.personId) })),
        });
        await tx.meetings.insert(meeting);

        for (const draft of drafts) {
          const item: FollowUp = compact({
            ...draft,
            ...(await meta('fu')),
            partnershipId: partnership.id,
            meetingId: meeting.id,
            meetingIds: [meeting.id],
            // Agreed on the meeting's day, not the day it was typed (a visit logged after the fact).
            agreedOn: agreedOnToKeep(meeting.date, at),
            status: 'open' as const,
            history: [{ at, by: actor.id, kind: 'created' as const, to: 'open' as const, meetingId: meeting.id }],
          });
          await tx.followUps.insert(item);
        }
        for (const id of carriedFollowUpIds) {
          const progress = progressById.get(id);
          // Progress reported in the meeting goes the way PATCH goes (rules, permissions, history,
          // the version the client saw), in this transaction: a stale item fails the whole visit.
          if (progress) await applyProgress(tx, actor, progress);
          const item = await tx.followUps.get(id);
          if (!item || item.meetingIds.includes(meeting.id)) continue;
          await tx.followUps.replace(
            {
              ...item,
              meetingIds: [...item.meetingIds, meeting.id],
              history: [...item.history, { at, by: actor.id, kind: 'discussed', meetingId: meeting.id }],
              version: item.version + 1,
              updatedAt: at,
            },
            item,
          );
        }
        return answer(meeting, {
          status: 201,
          headers: { location: `/api/meetings/${meeting.id}`, etag: etag(meeting.version) },
        });
      });
    }),
  );

  /** The counterpart of a partnership created with a visit: a new partner region or organisation. */
  async function newCounterpart(
    input: NonNullable<z.output<typeof meetingCreate>['newPartnership']>,
    meta: (prefix: string) => Promise<{ id: string; version: number; createdAt: string; updatedAt: string }>,
    tx: Tx,
  ): Promise<{ partnerRegionId: string } | { partnerOrganizationId: string }> {
    if (input.region) {
      const region: Region = compact({ ...input.region, ...(await meta('reg')), role: 'partner' as const, illustrative: false });
      await tx.regions.insert(region);
      return { partnerRegionId: region.id };
    }
    if (!input.organization) throw new Error('unreachable: one counterpart checked by the schema');
    const organization: Organization = compact({ ...input.organization, ...(await meta('org')), illustrative: false });
    await tx.organizations.insert(organization);
    return { partnerOrganizationId: organization.id };
  }

  /**
   * One carried follow-up's progress, through changeFollowUp as PATCH applies it. Its problems
   * name the entry: field errors under `carriedProgress.<i>.`, a 412 or 403 in their detail.
   */
  async function applyProgress(tx: Tx, actor: User, progress: z.output<typeof meetingCreate>['carriedProgress'][number] & { index: number }) {
    const { index, id, version, status, comment } = progress;
    const at = `carriedProgress.${index}`;
    tx.setNote(comment);
    try {
      await changeFollowUp(
        tx,
        deps.now,
        actor,
        id,
        (current) => {
          if (current.version !== version) throw problems.stale(current);
        },
        { status, comment },
      );
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const { problem } = error;
      if (problem.errors) {
        throw problems.validation(problem.errors.map((e) => ({ ...e, path: e.path ? `${at}.${e.path}` : at })));
      }
      if (problem.status === 412) {
        const stored = (problem.current as FollowUp).version;
        throw new ProblemError({
          ...problem,
          detail: `Follow-up ${id} (${at}) is at version ${stored}, not ${version}: it was changed since you loaded it. Nothing was saved. The current follow-up is included.`,
        });
      }
      throw new ProblemError({ ...problem, detail: `${problem.detail ? `${problem.detail} ` : ''}Follow-up ${id} (${at}).` });
    } finally {
      tx.setNote(undefined);
    }
  }

  registerCrud<'meetings', MeetingQuery>(app, deps, {
    path: '/meetings',
    label: 'Meeting',
    prefix: 'mtg',
    collection: 'meetings',
    filters: MEETING_FILTERS,
    arrayKeys: MEETING_ARRAY_KEYS,
    ...scopedListing(deps, 'meetings'),
    defaultSort: '-date',
    patch: meetingPatch,
    whole: meetingInput,
    actions: { patch: 'meeting.update' },
    refs,
    alsoPatch: async (next, before, tx, { actor, at }) => {
      if (next.date !== before.date) await moveAgreedOn(tx, next, before.date, actor, at);
    },
  });

  /**
   * A meeting's date edited: the follow-ups agreed in it that were dated by it (agreedOn the old
   * date, given or by default) move to the new date, in the meeting's transaction, with a history
   * event and their audit entry; an agreedOn given as another day stays.
   */
  async function moveAgreedOn(tx: Tx, meeting: Meeting, from: string, actor: User, at: string): Promise<void> {
    const rows = await tx.db
      .selectFrom('follow_ups')
      .select('id')
      .where('meeting_id', '=', meeting.id)
      .where('agreed_on', '=', from)
      .orderBy('seq')
      .execute();
    for (const item of await tx.followUps.getMany(rows.map((r) => r.id))) {
      const { agreedOn: _old, ...rest } = item;
      await tx.followUps.replace(
        compact({
          ...rest,
          agreedOn: agreedOnToKeep(meeting.date, item.createdAt),
          history: [
            ...item.history,
            { at, by: actor.id, kind: 'updated' as const, changes: [{ field: 'agreedOn', from, to: meeting.date }], meetingId: meeting.id },
          ],
          version: item.version + 1,
          updatedAt: at,
        }),
        item,
      );
    }
  }

  /** Which open follow-ups a new meeting of this partnership could carry over. */
  app.get('/partnerships/:id/open-follow-ups', async (c) => {
    const id = c.req.param('id');
    if ((await store.partnerships.missing([id])).size > 0) throw problems.notFound('Partnership');
    // In the order they were recorded (agreed), as the visit form lists them; at most 100.
    const open = store.db.selectFrom('follow_ups').where('partnership_id', '=', id).where('status', 'in', [...OPEN_STATUSES]);
    const [rows, count] = await Promise.all([
      open.select('id').orderBy('seq').limit(100).execute(),
      open.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    const items = (await store.followUps.getMany(rows.map((r) => r.id))).map(({ history: _history, ...item }) => item);
    return json({ items, total: Number(count?.n ?? 0), nextCursor: null });
  });
}
