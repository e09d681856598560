import { z } from 'zod';
import { HOME_TIME_ZONE } from '../dates';
import { followUpRuleErrors } from '../follow-up';
import { MEETING_KINDS, PARTICIPANT_SIDES } from '../meeting';
import {
  httpUrl,
  id,
  idList,
  isoDate,
  LIMITS,
  meta,
  optionalText,
  requiredText,
  sectorId,
  time,
  timeZone,
} from './common';
import { followUpDraft } from './follow-up';

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
  });

export const statement = z
  .strictObject({
    personId: id.optional(),
    speaker: optionalText(LIMITS.name),
    text: requiredText(LIMITS.text),
  })
  .refine((s) => s.personId ?? s.speaker, { error: 'required', path: ['speaker'] });

export const meetingSource = z.strictObject({
  url: httpUrl.optional(),
  publisher: optionalText(LIMITS.name),
  author: optionalText(LIMITS.name),
  publishedDate: isoDate.optional(),
  /** The date exactly as the source printed it, weekday and all: "Selasa (22/09/25)". */
  dateAsReported: optionalText(LIMITS.name),
  note: optionalText(LIMITS.text),
});

const meetingFields = z.strictObject({
  partnershipId: id,
  kind: z.enum(MEETING_KINDS, { error: 'invalidOption' }),
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
  source: meetingSource.optional(),
  illustrative: z.boolean().default(false),
});

export const meetingInput = meetingFields;

/**
 * Creating a meeting creates the follow-ups agreed in it, all or nothing. Open follow-ups carried
 * over from earlier meetings are linked to this one too.
 */
export const meetingCreate = meetingFields
  .extend({
    followUps: z.array(followUpDraft).max(50).default([]),
    carriedFollowUpIds: idList().default([]),
  })
  .superRefine((meeting, ctx) => {
    meeting.followUps.forEach((draft, index) => {
      for (const error of followUpRuleErrors({ status: 'open', dueDate: draft.dueDate })) {
        ctx.addIssue({ code: 'custom', path: ['followUps', index, error.path], message: error.code });
      }
      if (draft.dueDate !== undefined && draft.dueDate < meeting.date) {
        ctx.addIssue({
          code: 'custom',
          path: ['followUps', index, 'dueDate'],
          message: 'dueBeforeMeeting',
        });
      }
    });
  });

export const meetingPatch = meetingFields.partial();

export const meeting = meetingFields.extend(meta);

export type Participant = z.output<typeof participant>;
export type Statement = z.output<typeof statement>;
export type MeetingSource = z.output<typeof meetingSource>;
export type MeetingInput = z.input<typeof meetingInput>;
export type MeetingCreate = z.input<typeof meetingCreate>;
export type MeetingPatch = z.input<typeof meetingPatch>;
export type Meeting = z.output<typeof meeting>;
