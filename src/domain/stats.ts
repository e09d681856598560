import type { IsoDate } from './dates';
import { dayOfInstant, HOME_TIME_ZONE } from './dates';
import type { FollowUpStatus } from './follow-up';

/**
 * The rules the dashboard's numbers share with the lists they link to, so that a chart's value
 * and the list behind it can never disagree.
 */

/** Agreed days by creation instant (bounded: cleared when it grows past what a store holds). */
const agreedDays = new Map<string, IsoDate>();

/**
 * The day a follow-up was agreed: its `agreedOn` (the meeting's date, or a date given: a visit
 * logged after the fact counts in the period it happened), else the calendar day of its creation
 * in Asia/Jakarta (stored times are UTC instants, so 2025-03-31T17:30:00Z was agreed on 1 April
 * 2025). The stats' periods and the follow-ups list's `agreedFrom`/`agreedTo` both use this.
 */
export function agreedOn(item: { readonly createdAt: string; readonly agreedOn?: IsoDate | undefined }): IsoDate {
  if (item.agreedOn !== undefined) return item.agreedOn;
  let day = agreedDays.get(item.createdAt);
  if (day === undefined) {
    day = dayOfInstant(item.createdAt, HOME_TIME_ZONE);
    if (agreedDays.size >= 200_000) agreedDays.clear();
    agreedDays.set(item.createdAt, day);
  }
  return day;
}

/**
 * The `agreedOn` a new follow-up keeps: the day given (or its meeting's date), left out when it is
 * the day of recording anyway, so an item reads back as it was written.
 */
export function agreedOnToKeep(day: IsoDate | undefined, createdAt: string): IsoDate | undefined {
  return day === undefined || day === dayOfInstant(createdAt, HOME_TIME_ZONE) ? undefined : day;
}

/**
 * Completion counts what was agreed and not called off: cancelled items are left out of both
 * sides of the rate (the KPI's completion rate and the completion-by-month chart alike).
 */
export function countsTowardCompletion(status: FollowUpStatus): boolean {
  return status !== 'cancelled';
}

/** The statuses that make up "agreed" for completion, for a list link (`status=` these). */
export const COMPLETION_STATUSES: readonly FollowUpStatus[] = [
  'open',
  'in-progress',
  'blocked',
  'done',
];

/** The part of `[from, to]` inside another range (a month or quarter cut by the period's ends). */
export function clampRange(
  range: { from: IsoDate; to: IsoDate },
  period: { from: IsoDate; to: IsoDate },
) {
  return {
    from: range.from > period.from ? range.from : period.from,
    to: range.to < period.to ? range.to : period.to,
  };
}
