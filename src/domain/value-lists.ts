/**
 * The value lists of the domain (kinds, stages, statuses, roles) and the rules the schemas
 * enforce, without zod: the entity modules re-export them, the schemas build on them, and a page
 * that needs only a list or a rule does not load the schemas.
 */
import type { FieldError } from './validation';
import { fieldError } from './validation';

export const REGION_LEVELS = ['regency', 'city', 'province', 'country'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_ROLES = ['home', 'partner'] as const;
export type RegionRole = (typeof REGION_ROLES)[number];

export const ORGANIZATION_KINDS = [
  'business-council',
  'embassy',
  'chamber-of-commerce',
  'international-body',
  'university',
  'ngo',
  'government-agency',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ROLES = ['staff', 'officer', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PARTNERSHIP_TYPES = ['sister-city', 'friendship-city', 'cooperation'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

/** The pipeline in its natural order, then the two ways out of it. */
export const STAGES = [
  'exploring',
  'letter-of-intent',
  'mou-drafting',
  'mou-signed',
  'active',
  'dormant',
  'ended',
] as const;
export type Stage = (typeof STAGES)[number];


export const MEETING_KINDS = ['inbound-visit', 'outbound-visit', 'virtual', 'forum'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const PARTICIPANT_SIDES = ['host', 'guest', 'facilitator'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

/** Sector ids are stable; names per locale and colours live on the sector itself. */
export const SECTOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'blocked', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const OPEN_STATUSES: readonly FollowUpStatus[] = ['open', 'in-progress', 'blocked'];

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

export function isOpen(status: FollowUpStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/**
 * Not yet assigned ("belum ditugaskan"): an open item without an owner, as agreed in a visit
 * logged after the fact before anyone took it on. It has no due date either (the rule below), so
 * it is never overdue and never counts in "needs attention"; its owner and date are set later.
 */
export function isUnassigned(item: { status: FollowUpStatus; ownerId?: string | undefined }): boolean {
  return isOpen(item.status) && item.ownerId === undefined;
}

/**
 * What makes a follow-up valid beyond the shape of its fields: an item that is still open
 * (open, in progress, blocked) and has an owner needs a due date; an open item without an owner
 * (not yet assigned) has no due date until someone takes it on, since a date nobody owns would
 * only make it overdue; done and cancelled ones need neither.
 * A blocked item needs a reason, given as the comment of the change that blocked it.
 */
export function followUpRuleErrors(
  item: { status: FollowUpStatus; dueDate?: string | undefined; ownerId?: string | undefined },
  change?: { status?: FollowUpStatus; comment?: string },
): FieldError[] {
  const errors: FieldError[] = [];
  if (isOpen(item.status) && item.ownerId !== undefined && item.dueDate === undefined) {
    errors.push(fieldError('dueDate', 'dueDateRequired'));
  }
  if (isOpen(item.status) && item.ownerId === undefined && item.dueDate !== undefined) {
    errors.push(fieldError('ownerId', 'ownerRequired'));
  }
  if (change?.status === 'blocked' && !change.comment?.trim()) {
    errors.push(fieldError('comment', 'reasonRequired'));
  }
  return errors;
}
