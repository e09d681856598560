import { z } from 'zod';
import { HOME_TIME_ZONE } from '../dates';
import {
  alwaysCheck,
  email,
  httpUrl,
  id,
  idList,
  isoDate,
  LIMITS,
  meta,
  optionalText,
  phone,
  requiredText,
  sectorId,
  time,
  timeZone,
} from './common';
import { followUpDraft } from './follow-up';
import { PARTNERSHIP_TYPES, STAGES } from '../value-lists';
import { organizationInput } from './organization';
import { regionInput } from './region';
import { FOLLOW_UP_STATUSES, followUpRuleErrors, PARTICIPANT_SIDES, RECORDED_MEETING_KINDS } from '../value-lists';


/** A participant is a known person, an organisation's unnamed representatives, or a description. */
export const participant = z
  .strictObject({
    side: z.enum(PARTICIPANT_SIDES, { error: 'invalidOption' }),
    personId: id.optional(),
    organizationId: id.optional(),
    description: optionalText(LIMITS.shortText),
  })
  .refine((p) => p.personId ?? p.organizationId ?? p.description, {
    error: 'required',
    path: ['description'],
    ...alwaysCheck,
  });

export const statement = z
  .strictObject({
    personId: id.optional(),
    speaker: optionalText(LIMITS.name),
    text: requiredText(LIMITS.text),
  })
  .refine((s) => s.personId ?? s.speaker, { error: 'required', path: ['speaker'], ...alwaysCheck });

export const meetingSource = z.strictObject({
  url: httpUrl.optional(),
  publisher: optionalText(LIMITS.name),
  author: optionalText(LIMITS.name),
  publishedDate: isoDate.optional(),
  /** The date exactly as the source printed it, weekday and all: "Selasa (22/09/25)". */
  dateAsReported: optionalText(LIMITS.name),
  note: optionalText(LIMITS.text),
});

/**
 * How large one side's delegation was, as reported: "80 delegates from 12 countries" is
 * `{ people: 80, countries: 12 }` (countries only for a multilateral delegation).
 */
export const delegationCount = z.strictObject({
  people: z.number({ error: 'invalidType' }).int({ error: 'invalidType' }).min(1).max(100_000),
  countries: z.number({ error: 'invalidType' }).int({ error: 'invalidType' }).min(1).max(250).optional(),
});
export const delegationSize = z.strictObject({
  host: delegationCount.optional(),
  guest: delegationCount.optional(),
});

const meetingFields = z.strictObject({
  partnershipId: id,
  /** One of MEETING_KINDS, or "not-stated" when the report does not say (issue 15). */
  kind: z.enum(RECORDED_MEETING_KINDS, { error: 'invalidOption' }),
  title: requiredText(LIMITS.title),
  date: isoDate,
  time: time.optional(),
  timeZone: timeZone.default(HOME_TIME_ZONE),
  place: optionalText(LIMITS.shortText),
  hostLeadId: id.optional(),
  delegationLeadId: id.optional(),
  participants: z.array(participant).max(LIMITS.listItems).default([]),
  facilitatorIds: idList(20).default([]),
  sectorIds: z.array(sectorId).max(30).default([]),
  summary: optionalText(LIMITS.text),
  statements: z.array(statement).max(50).default([]),
  outcomes: z.array(requiredText(2_000)).max(50).default([]),
  aims: z.array(requiredText(2_000)).max(50).default([]),
  /** The delegations' sizes per side, as reported (issue 15). */
  delegationSize: delegationSize.optional(),
  /** Names exactly as the report spelled them ("Binzhou City", "Walikota Binzhou"): searchable aliases. */
  namesAsReported: z.array(requiredText(LIMITS.name)).max(50).optional(),
  source: meetingSource.optional(),
  illustrative: z.boolean().default(false),
});

export const meetingInput = meetingFields;

/** A reference to a person created in the same request: "new:1". */
export const NEW_PERSON_REF = /^new:\d{1,3}$/;

/** A person met for the first time, created with the meeting; side says which government they serve. */
export const newPerson = z.strictObject({
  ref: z.string().regex(NEW_PERSON_REF, { error: 'invalidFormat' }),
  name: requiredText(LIMITS.name),
  position: optionalText(LIMITS.name),
  side: z.enum(['host', 'guest'], { error: 'invalidOption' }),
  email: email.optional(),
  phone: phone.optional(),
});

/**
 * A counterpart met for the first time: a partner region, or an organisation (a UN body, a
 * foundation), and a partnership with it, created with the meeting (issue 15). It starts at the
 * stage the user picks (default exploring), dated the day given or else the meeting's date.
 */
export const newPartnership = z
  .strictObject({
    region: regionInput.omit({ role: true, illustrative: true, coordinates: true, notes: true }).optional(),
    organization: organizationInput.omit({ illustrative: true }).optional(),
    type: z.enum(PARTNERSHIP_TYPES, { error: 'invalidOption' }),
    stage: z.enum(STAGES, { error: 'invalidOption' }).default('exploring'),
    stageDate: isoDate.optional(),
    /**
     * The home government the new partnership belongs to: one the user works for. It may be left
     * out only when the user has exactly one (the API never picks one of several silently).
     */
    homeRegionId: id.optional(),
  })
  .refine((p) => (p.region === undefined) !== (p.organization === undefined), {
    error: 'partnerRequired',
    path: ['region'],
    ...alwaysCheck,
  });

/**
 * Progress reported in the meeting on a follow-up it carried over: its new status (and a comment
 * for its history), applied as PATCH applies it, on the version the client saw.
 */
export const carriedProgress = z.strictObject({
  id,
  version: z.number().int().positive(),
  status: z.enum(FOLLOW_UP_STATUSES, { error: 'invalidOption' }),
  comment: optionalText(2_000),
});

/**
 * Creating a meeting creates the follow-ups agreed in it, all or nothing — and, when the visit
 * is the first contact, the partner region, the partnership and the people met. Open follow-ups
 * carried over from earlier meetings are linked to this one too.
 */
export const meetingCreate = meetingFields
  .extend({
    partnershipId: id.optional(),
    newPartnership: newPartnership.optional(),
    newPeople: z.array(newPerson).max(50).default([]),
    followUps: z.array(followUpDraft).max(50).default([]),
    carriedFollowUpIds: idList().default([]),
    /** Each names one of carriedFollowUpIds, at most once; saved with the meeting or not at all. */
    carriedProgress: z.array(carriedProgress).max(LIMITS.listItems).default([]),
  })
  .superRefine((meeting, ctx) => {
    // Runs even when fields are wrong (alwaysCheck): every value is checked for its type here.
    if ((meeting.partnershipId === undefined) === (meeting.newPartnership === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['partnershipId'], message: 'partnershipRequired' });
    }
    const refs = new Set<string>();
    const people: unknown[] = Array.isArray(meeting.newPeople) ? meeting.newPeople : [];
    people.forEach((person, index) => {
      const ref = (person as { ref?: unknown } | null)?.ref;
      if (typeof ref !== 'string') return;
      if (refs.has(ref))
        ctx.addIssue({ code: 'custom', path: ['newPeople', index, 'ref'], message: 'duplicate' });
      refs.add(ref);
    });
    const progressIds = new Set<string>();
    const progress: unknown[] = Array.isArray(meeting.carriedProgress) ? meeting.carriedProgress : [];
    progress.forEach((entry, index) => {
      const itemId = (entry as { id?: unknown } | null)?.id;
      if (typeof itemId !== 'string') return;
      if (progressIds.has(itemId))
        ctx.addIssue({ code: 'custom', path: ['carriedProgress', index, 'id'], message: 'duplicate' });
      progressIds.add(itemId);
    });
    const drafts: unknown[] = Array.isArray(meeting.followUps) ? meeting.followUps : [];
    drafts.forEach((item, index) => {
      const dueDate = (item as { dueDate?: unknown } | null)?.dueDate;
      const ownerId = (item as { ownerId?: unknown } | null)?.ownerId;
      if (dueDate !== undefined && typeof dueDate !== 'string') return;
      if (ownerId !== undefined && typeof ownerId !== 'string') return;
      for (const error of followUpRuleErrors({ status: 'open', dueDate, ownerId })) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', index, error.path],
          message: error.code,
        });
      }
      if (dueDate !== undefined && typeof meeting.date === 'string' && dueDate < meeting.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', index, 'dueDate'],
          message: 'dueBeforeMeeting',
        });
      }
    });
  }, alwaysCheck);

/** A meeting stays with its partnership (its follow-ups belong there too): move nothing by patch. */
export const meetingPatch = meetingFields.omit({ partnershipId: true }).partial();

export const meeting = meetingFields.extend(meta);

export type Participant = z.output<typeof participant>;
export type Statement = z.output<typeof statement>;
export type MeetingSource = z.output<typeof meetingSource>;
export type DelegationSize = z.output<typeof delegationSize>;
export type MeetingInput = z.input<typeof meetingInput>;
export type MeetingCreate = z.input<typeof meetingCreate>;
export type NewPerson = z.input<typeof newPerson>;
export type CarriedProgress = z.input<typeof carriedProgress>;
export type MeetingPatch = z.input<typeof meetingPatch>;
export type Meeting = z.output<typeof meeting>;
