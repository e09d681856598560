import { z } from 'zod';
import {
  alwaysCheck,
  id,
  idList,
  isoDate,
  LIMITS,
  meta,
  optionalText,
  requiredText,
  sectorId,
} from './common';
import { FOLLOW_UP_STATUSES, followUpRuleErrors, PRIORITIES } from '../value-lists';


const status = z.enum(FOLLOW_UP_STATUSES, { error: 'invalidOption' });
const priority = z.enum(PRIORITIES, { error: 'invalidOption' });

/**
 * A follow-up as agreed in a meeting: the meeting and partnership come from the meeting. Without
 * an owner it is "not yet assigned" (a visit logged after the fact): then it has no due date yet.
 */
export const followUpDraft = z.strictObject({
  title: requiredText(LIMITS.title),
  description: optionalText(LIMITS.text),
  ownerId: id.optional(),
  dueDate: isoDate.optional(),
  sectorIds: z.array(sectorId).max(30).default([]),
  priority: priority.default('normal'),
});

const followUpFields = followUpDraft.extend({
  partnershipId: id,
  meetingId: id.optional(),
  status: status.default('open'),
  /**
   * The day it was agreed, when that is not the day it was recorded: the meeting's date for an
   * item agreed in a meeting, or a date given (never after today). The dashboard counts it in
   * that day's period (src/domain/stats.ts `agreedOn`). Absent: agreed the day it was recorded.
   */
  agreedOn: isoDate.optional(),
});

export const followUpInput = followUpFields.superRefine((item, ctx) => {
  const status = FOLLOW_UP_STATUSES.includes(item.status) ? item.status : 'open';
  const dueDate = typeof item.dueDate === 'string' ? item.dueDate : undefined;
  const ownerId = typeof item.ownerId === 'string' ? item.ownerId : undefined;
  if (item.dueDate !== undefined && dueDate === undefined) return; // a wrong type is reported already
  if (item.ownerId !== undefined && ownerId === undefined) return;
  for (const error of followUpRuleErrors({ status, dueDate, ownerId })) {
    ctx.addIssue({ code: 'custom', path: [error.path], message: error.code });
  }
}, alwaysCheck);

/** `dueDate: null` clears the date; `comment` goes into the history with this change. */
export const followUpPatch = z.strictObject({
  title: requiredText(LIMITS.title).optional(),
  description: optionalText(LIMITS.text).nullable(),
  ownerId: id.optional(),
  dueDate: isoDate.nullable().optional(),
  sectorIds: z.array(sectorId).max(30).optional(),
  priority: priority.optional(),
  status: status.optional(),
  comment: optionalText(2_000),
});

export const followUpEvent = z.object({
  at: z.string(),
  by: z.string(),
  kind: z.enum(['created', 'status', 'updated', 'comment', 'discussed']),
  from: status.optional(),
  to: status.optional(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })).optional(),
  comment: z.string().optional(),
  meetingId: z.string().optional(),
});

export const followUp = followUpFields.extend({
  ...meta,
  /** Every meeting that discussed the item, the originating one first. */
  meetingIds: idList(),
  history: z.array(followUpEvent),
  completedAt: z.string().optional(),
});

export type FollowUpDraft = z.input<typeof followUpDraft>;
export type FollowUpInput = z.input<typeof followUpInput>;
export type FollowUpPatch = z.input<typeof followUpPatch>;
export type FollowUpEvent = z.output<typeof followUpEvent>;
export type FollowUp = z.output<typeof followUp>;

// ---------------------------------------------------------------------------------------------
// Bulk change: one change applied to many items, each on its own (some may fail, the rest land).

export const BULK_MAX_ITEMS = 500;

/** Which items, each with the version the client saw (a stale one fails that item with 412). */
const bulkItem = z.strictObject({ id, version: z.number().int().positive() });

export const followUpBulkChange = z.strictObject({
  items: z
    .array(bulkItem)
    .min(1)
    .max(BULK_MAX_ITEMS)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [index, 'id'], message: 'duplicate' });
        seen.add(item.id);
      });
    }),
  changes: z
    .strictObject({
      status: status.optional(),
      ownerId: id.optional(),
      /** `null` clears the date (allowed only where the rules allow it: done or cancelled items). */
      dueDate: isoDate.nullable().optional(),
      /** Goes into each item's history; a reason is required when blocking. */
      comment: optionalText(2_000),
    })
    .refine((c) => c.status !== undefined || c.ownerId !== undefined || c.dueDate !== undefined, {
      error: 'required',
      ...alwaysCheck,
    }),
});

/** Why one item of a bulk change failed: the problem it would have got alone (RFC 9457 fields). */
export const bulkFailure = z.object({
  id: z.string(),
  status: z.number().int(),
  type: z.string(),
  title: z.string(),
  errors: z
    .array(
      z.object({
        path: z.string(),
        code: z.string(),
        message: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
  current: followUp.optional(),
});

export const followUpBulkResult = z.object({
  updated: z.array(followUp),
  failed: z.array(bulkFailure),
});

export type FollowUpBulkChange = z.input<typeof followUpBulkChange>;
export type FollowUpBulkResult = z.output<typeof followUpBulkResult>;
export type BulkFailure = z.output<typeof bulkFailure>;
