import type { IsoDate } from './dates';
import { addDays, endOfMonth, startOfWeek } from './dates';
import type { FollowUp } from './schemas/follow-up';
import { isOpen } from './value-lists';

export type {
  FollowUp,
  FollowUpInput,
  FollowUpDraft,
  FollowUpPatch,
  FollowUpEvent,
} from './schemas/follow-up';
export type { FollowUpStatus, Priority } from './value-lists';
export { FOLLOW_UP_STATUSES, OPEN_STATUSES, PRIORITIES, isOpen, isUnassigned, followUpRuleErrors } from './value-lists';

export const DUE_WINDOWS = ['overdue', 'today', 'week', 'month', 'none'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];

/** Overdue: due before today (Asia/Jakarta, passed in by the caller) and not done or cancelled. */
export function isOverdue(item: Pick<FollowUp, 'status' | 'dueDate'>, today: IsoDate): boolean {
  return isOpen(item.status) && item.dueDate !== undefined && item.dueDate < today;
}

export function isDueToday(item: Pick<FollowUp, 'status' | 'dueDate'>, today: IsoDate): boolean {
  return isOpen(item.status) && item.dueDate === today;
}

/**
 * The days a due window covers, both ends included ('' and today−1 for overdue: everything
 * before today), or 'none' for items without a due date. Windows other than "none" only hold
 * open items. The list's SQL (server/db) and `dueWindowMatcher` both read these bounds.
 */
export function dueWindowBounds(window: DueWindow, today: IsoDate): { from: IsoDate | ''; to: IsoDate } | 'none' {
  if (window === 'none') return 'none';
  const weekStart = startOfWeek(today);
  if (window === 'overdue') return { from: '', to: addDays(today, -1) };
  if (window === 'today') return { from: today, to: today };
  if (window === 'week') return { from: weekStart, to: addDays(weekStart, 6) };
  return { from: `${today.slice(0, 7)}-01`, to: endOfMonth(today) };
}

/**
 * The test for a due window, with its date bounds worked out once (a list request applies it to
 * tens of thousands of items). Windows other than "none" only hold open items.
 */
export function dueWindowMatcher(
  window: DueWindow,
  today: IsoDate,
): (item: Pick<FollowUp, 'status' | 'dueDate'>) => boolean {
  const bounds = dueWindowBounds(window, today);
  if (bounds === 'none') return (item) => item.dueDate === undefined;
  const { from, to } = bounds;
  return (item) => isOpen(item.status) && item.dueDate !== undefined && item.dueDate >= from && item.dueDate <= to;
}

/** Whether an item falls in a due window. */
export function inDueWindow(
  item: Pick<FollowUp, 'status' | 'dueDate'>,
  window: DueWindow,
  today: IsoDate,
): boolean {
  return dueWindowMatcher(window, today)(item);
}
