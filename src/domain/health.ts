import type { IsoDate } from './dates';
import { addDays, addMonths, daysBetween, monthsBetween } from './dates';
import type { FollowUp } from './follow-up';
import { isOverdue } from './follow-up';
import type { Meeting } from './meeting';
import type { Partnership, Stage } from './partnership';

/**
 * Relationship health: why a partnership needs a manager's attention. Pure rules over dates
 * (ISO calendar days, compared as strings; "today" is the caller's, in Asia/Jakarta), so they
 * give the same answer on any machine in any time zone.
 *
 * Which partnerships are checked, and for what:
 *
 * | reason                     | stages checked                              |
 * | -------------------------- | ------------------------------------------- |
 * | noMeetingIn6Months         | exploring … active (live, not dormant)      |
 * | loiWithoutMouOver12Months  | exploring, letter-of-intent, mou-drafting   |
 * | mouExpiringWithin90Days    | every stage but ended (dormant included)    |
 * | mouExpired                 | mou-signed, active                          |
 * | overdueFollowUps           | every stage but ended (dormant included)    |
 *
 * Ended partnerships are never flagged. Dormant ones are not flagged for going quiet (no meeting,
 * a letter of intent that went nowhere): being dormant already records that, and the stage is on
 * screen. They are still flagged for what asks for a decision or an action: an MoU about to
 * expire (renew it or let it lapse) and overdue follow-ups (someone still owes something).
 */

export const HEALTH_LIMITS = {
  /** No meeting in this many calendar months. */
  noMeetingMonths: 6,
  /** A letter of intent older than this many calendar months with no MoU. */
  loiWithoutMouMonths: 12,
  /** An MoU expiring within this many days (today included). */
  mouExpiringDays: 90,
} as const;

export const HEALTH_REASON_CODES = [
  'noMeetingIn6Months',
  'loiWithoutMouOver12Months',
  'mouExpiringWithin90Days',
  'mouExpired',
  'overdueFollowUps',
] as const;
export type HealthReasonCode = (typeof HEALTH_REASON_CODES)[number];

/** A reason with what the UI needs to say it ("no meeting since 3 March 2025", "2 overdue"). */
export type HealthReason =
  | {
      code: 'noMeetingIn6Months';
      /** The latest meeting held on or before today; null when the partners never met. */
      params: { lastMeetingDate: IsoDate | null; sinceDate: IsoDate | null; months: number | null };
    }
  | { code: 'loiWithoutMouOver12Months'; params: { loiDate: IsoDate; months: number } }
  | { code: 'mouExpiringWithin90Days'; params: { expiresDate: IsoDate; daysLeft: number } }
  | { code: 'mouExpired'; params: { expiresDate: IsoDate; daysAgo: number } }
  | { code: 'overdueFollowUps'; params: { count: number } };

export type HealthFacts = {
  /** The latest meeting of the partnership held on or before today (a planned one does not count). */
  lastMeetingDate?: IsoDate | undefined;
  /** How many of its follow-ups are overdue today. */
  overdueCount: number;
  today: IsoDate;
};

type HealthPartnership = Pick<Partnership, 'stage' | 'stageHistory' | 'agreements'>;

const QUIET_STAGES: readonly Stage[] = [
  'exploring',
  'letter-of-intent',
  'mou-drafting',
  'mou-signed',
  'active',
];
const PRE_MOU_STAGES: readonly Stage[] = ['exploring', 'letter-of-intent', 'mou-drafting'];
const SIGNED_STAGES: readonly Stage[] = ['mou-signed', 'active'];

/** When the letter of intent was signed: the agreement date, else the first move to that stage. */
export function letterOfIntentDate(
  p: Pick<Partnership, 'stageHistory' | 'agreements'>,
): IsoDate | undefined {
  return (
    p.agreements.loiDate ?? p.stageHistory.find((entry) => entry.to === 'letter-of-intent')?.date
  );
}

/** Whether an MoU was ever signed: an agreement date, or a recorded move to "MoU signed". */
export function hasSignedMou(p: Pick<Partnership, 'stageHistory' | 'agreements'>): boolean {
  return (
    p.agreements.mouSignedDate !== undefined ||
    p.stageHistory.some((entry) => entry.to === 'mou-signed')
  );
}

/**
 * Since when a partnership without a recent meeting has been live: the first recorded stage
 * date, or the latest day it came back out of dormant. A partnership recorded (or re-engaged)
 * less than 6 months ago has not yet gone 6 months without meeting.
 */
export function liveSince(p: Pick<Partnership, 'stageHistory'>): IsoDate | undefined {
  let since = p.stageHistory[0]?.date;
  for (const entry of p.stageHistory) {
    if (entry.from === 'dormant' && (since === undefined || entry.date > since)) since = entry.date;
  }
  return since;
}

/**
 * Why a partnership needs attention, in the fixed order of HEALTH_REASON_CODES; empty when it
 * needs none. Exact definitions (T = today, dates compared as calendar days):
 * - noMeetingIn6Months: the later of the last meeting (on or before T) and `liveSince` is before
 *   T − 6 months (addMonths, kept inside the month: on 2025-08-31 the limit is 2025-02-28), or
 *   there is neither. A meeting on exactly T − 6 months is still within the 6 months.
 * - loiWithoutMouOver12Months: in a pre-MoU stage, with a letter-of-intent date before
 *   T − 12 months and no MoU ever signed.
 * - mouExpiringWithin90Days: T ≤ agreements.mouExpiresDate ≤ T + 90 days.
 * - mouExpired: agreements.mouExpiresDate < T while the stage is mou-signed or active.
 * - overdueFollowUps: facts.overdueCount > 0 (the caller counts with `isOverdue`).
 */
export function partnershipHealth(p: HealthPartnership, facts: HealthFacts): HealthReason[] {
  const { today } = facts;
  const reasons: HealthReason[] = [];
  if (p.stage === 'ended') return reasons;

  if (QUIET_STAGES.includes(p.stage)) {
    const limit = addMonths(today, -HEALTH_LIMITS.noMeetingMonths);
    const last =
      facts.lastMeetingDate !== undefined && facts.lastMeetingDate <= today
        ? facts.lastMeetingDate
        : undefined;
    const live = liveSince(p);
    const since = last === undefined ? live : live === undefined || last > live ? last : live;
    if (since === undefined || since < limit) {
      reasons.push({
        code: 'noMeetingIn6Months',
        params: {
          lastMeetingDate: last ?? null,
          sinceDate: since ?? null,
          months: since === undefined ? null : monthsBetween(since, today),
        },
      });
    }
  }

  if (PRE_MOU_STAGES.includes(p.stage)) {
    const loiDate = letterOfIntentDate(p);
    if (
      loiDate !== undefined &&
      loiDate < addMonths(today, -HEALTH_LIMITS.loiWithoutMouMonths) &&
      !hasSignedMou(p)
    ) {
      reasons.push({
        code: 'loiWithoutMouOver12Months',
        params: { loiDate, months: monthsBetween(loiDate, today) },
      });
    }
  }

  const expires = p.agreements.mouExpiresDate;
  if (expires !== undefined) {
    if (expires >= today && expires <= addDays(today, HEALTH_LIMITS.mouExpiringDays)) {
      reasons.push({
        code: 'mouExpiringWithin90Days',
        params: { expiresDate: expires, daysLeft: daysBetween(today, expires) },
      });
    } else if (expires < today && SIGNED_STAGES.includes(p.stage)) {
      reasons.push({
        code: 'mouExpired',
        params: { expiresDate: expires, daysAgo: daysBetween(expires, today) },
      });
    }
  }

  if (facts.overdueCount > 0)
    reasons.push({ code: 'overdueFollowUps', params: { count: facts.overdueCount } });
  return reasons;
}

/**
 * The facts `partnershipHealth` needs, for every partnership at once: one pass over the meetings
 * (the latest held on or before today) and one over the follow-ups (overdue today).
 */
export function healthFactsByPartnership(
  meetings: Iterable<Pick<Meeting, 'partnershipId' | 'date'>>,
  followUps: Iterable<Pick<FollowUp, 'partnershipId' | 'status' | 'dueDate'>>,
  today: IsoDate,
): Map<string, Omit<HealthFacts, 'today'>> {
  const facts = new Map<string, { lastMeetingDate?: IsoDate; overdueCount: number }>();
  const of = (id: string) => {
    let entry = facts.get(id);
    if (!entry) {
      entry = { overdueCount: 0 };
      facts.set(id, entry);
    }
    return entry;
  };
  for (const meeting of meetings) {
    if (meeting.date > today) continue;
    const entry = of(meeting.partnershipId);
    if (entry.lastMeetingDate === undefined || meeting.date > entry.lastMeetingDate)
      entry.lastMeetingDate = meeting.date;
  }
  for (const item of followUps) {
    if (isOverdue(item, today)) of(item.partnershipId).overdueCount += 1;
  }
  return facts;
}
