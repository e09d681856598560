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

/**
 * "Kind not stated" (issue 15): a report that does not say whether the delegation came, went or
 * met online. A meeting may be recorded so rather than guessed; it stays out of MEETING_KINDS
 * (the kinds a visit form offers first) and is listed under its own filter value. The dashboard's
 * meetings-per-quarter chart counts it as a segment of its own, so its total is every meeting.
 */
export const KIND_NOT_STATED = 'not-stated' as const;
export const RECORDED_MEETING_KINDS = [...MEETING_KINDS, KIND_NOT_STATED] as const;
export type RecordedMeetingKind = (typeof RECORDED_MEETING_KINDS)[number];

/** The sides whose delegation size a meeting records (a facilitator brings no delegation). */
export const DELEGATION_SIDES = ['host', 'guest'] as const;
export type DelegationSide = (typeof DELEGATION_SIDES)[number];

export const PARTICIPANT_SIDES = ['host', 'guest', 'facilitator'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

/** Sector ids are stable; names per locale and colours live on the sector itself. */
export const SECTOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The background every chart is drawn on (styles.css `--bg`). */
export const CHART_BACKGROUND = '#ffffff';
/**
 * A sector's colour is a bar's fill on the white chart background, the fill behind the white
 * marks and labels drawn on it, and a text colour in legends: 4.5:1 against white covers all
 * three (WCAG 1.4.3 for text, which also exceeds 1.4.11's 3:1 for graphics).
 */
export const MIN_SECTOR_CONTRAST = 4.5;

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Whether a sector colour is readable on the chart background (see MIN_SECTOR_CONTRAST). */
export function sectorColorContrastOk(color: string): boolean {
  return contrastRatio(color, CHART_BACKGROUND) >= MIN_SECTOR_CONTRAST;
}

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
