import { describe, expect, it } from 'vitest';
import {
  DUE_WINDOWS,
  FOLLOW_UP_STATUSES,
  followUpRuleErrors,
  inDueWindow,
  isDueToday,
  isOpen,
  isOverdue,
  isUnassigned,
  type FollowUpStatus,
} from '../../src/domain/follow-up';

const TODAY = '2025-11-01'; // a Saturday: its week runs Monday 27 October to Sunday 2 November
const OPEN: FollowUpStatus[] = ['open', 'in-progress', 'blocked'];
const CLOSED: FollowUpStatus[] = ['done', 'cancelled'];

describe('isOpen', () => {
  it('open, in progress and blocked are open; done and cancelled are not', () => {
    expect(FOLLOW_UP_STATUSES.filter(isOpen)).toEqual(OPEN);
  });
});

describe('isOverdue', () => {
  it.each(OPEN)('a %s item due yesterday is overdue', (status) => {
    expect(isOverdue({ status, dueDate: '2025-10-31' }, TODAY)).toBe(true);
  });

  it.each(CLOSED)('a %s item is never overdue', (status) => {
    expect(isOverdue({ status, dueDate: '2020-01-01' }, TODAY)).toBe(false);
  });

  it('an item due today or later, or with no due date, is not overdue', () => {
    expect(isOverdue({ status: 'open', dueDate: TODAY }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: '2025-11-02' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: undefined }, TODAY)).toBe(false);
  });

  it('compares calendar dates across months and years', () => {
    expect(isOverdue({ status: 'open', dueDate: '2024-12-31' }, '2025-01-01')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2025-09-30' }, '2025-10-01')).toBe(true);
  });
});

describe('isDueToday', () => {
  it('only open items due exactly today', () => {
    expect(isDueToday({ status: 'blocked', dueDate: TODAY }, TODAY)).toBe(true);
    expect(isDueToday({ status: 'done', dueDate: TODAY }, TODAY)).toBe(false);
    expect(isDueToday({ status: 'open', dueDate: '2025-11-02' }, TODAY)).toBe(false);
  });
});

describe('inDueWindow', () => {
  const cases: Array<[string | undefined, Record<(typeof DUE_WINDOWS)[number], boolean>]> = [
    ['2025-10-26', { overdue: true, today: false, week: false, month: false, none: false }], // Sunday of last week
    ['2025-10-27', { overdue: true, today: false, week: true, month: false, none: false }], // Monday of this week, October
    ['2025-10-31', { overdue: true, today: false, week: true, month: false, none: false }],
    ['2025-11-01', { overdue: false, today: true, week: true, month: true, none: false }],
    ['2025-11-02', { overdue: false, today: false, week: true, month: true, none: false }],
    ['2025-11-03', { overdue: false, today: false, week: false, month: true, none: false }],
    ['2025-11-30', { overdue: false, today: false, week: false, month: true, none: false }],
    ['2025-12-01', { overdue: false, today: false, week: false, month: false, none: false }],
    ['2026-11-01', { overdue: false, today: false, week: false, month: false, none: false }], // same month, next year
    [undefined, { overdue: false, today: false, week: false, month: false, none: true }],
  ];

  it.each(cases)('an open item due %s falls in exactly the expected windows', (dueDate, expected) => {
    for (const window of DUE_WINDOWS) {
      expect({ window, in: inDueWindow({ status: 'open', dueDate }, window, TODAY) }).toEqual({ window, in: expected[window] });
    }
  });

  it('done and cancelled items are in no dated window, but undated ones are in "none"', () => {
    for (const status of CLOSED) {
      for (const window of ['overdue', 'today', 'week', 'month'] as const) {
        expect(inDueWindow({ status, dueDate: TODAY }, window, TODAY)).toBe(false);
      }
      expect(inDueWindow({ status, dueDate: undefined }, 'none', TODAY)).toBe(true);
      expect(inDueWindow({ status, dueDate: TODAY }, 'none', TODAY)).toBe(false);
    }
  });

  it('agrees with isOverdue for every status', () => {
    for (const status of FOLLOW_UP_STATUSES) {
      for (const dueDate of ['2025-10-01', TODAY, '2025-12-01', undefined]) {
        expect(inDueWindow({ status, dueDate }, 'overdue', TODAY)).toBe(isOverdue({ status, dueDate }, TODAY));
      }
    }
  });
});

describe('followUpRuleErrors', () => {
  it.each(OPEN)('a %s item with an owner needs a due date', (status) => {
    expect(followUpRuleErrors({ status, ownerId: 'usr-1', dueDate: undefined })).toEqual([
      { path: 'dueDate', code: 'dueDateRequired', message: 'An open follow-up needs a due date.' },
    ]);
    expect(followUpRuleErrors({ status, ownerId: 'usr-1', dueDate: '2025-12-01' })).toEqual([]);
  });

  it.each(OPEN)('a %s item without an owner is not yet assigned: no due date until it is', (status) => {
    expect(followUpRuleErrors({ status, dueDate: undefined })).toEqual([]);
    expect(isUnassigned({ status })).toBe(true);
    expect(followUpRuleErrors({ status, dueDate: '2025-12-01' })).toEqual([
      expect.objectContaining({ path: 'ownerId', code: 'ownerRequired' }),
    ]);
  });

  it.each(CLOSED)('a %s item needs no due date and no owner', (status) => {
    expect(followUpRuleErrors({ status, dueDate: undefined })).toEqual([]);
    expect(followUpRuleErrors({ status, ownerId: 'usr-1', dueDate: undefined })).toEqual([]);
    expect(isUnassigned({ status })).toBe(false);
  });

  it('an item not yet assigned is never overdue, nor in any due window but "no date"', () => {
    const item = { status: 'open' as const, dueDate: undefined };
    expect(isOverdue(item, TODAY)).toBe(false);
    expect(DUE_WINDOWS.filter((w) => inDueWindow(item, w, TODAY))).toEqual(['none']);
  });

  it('blocking needs a reason, and whitespace is not a reason', () => {
    const item = { status: 'blocked' as const, ownerId: 'usr-1', dueDate: '2025-12-01' };
    expect(followUpRuleErrors(item, { status: 'blocked' })).toEqual([
      { path: 'comment', code: 'reasonRequired', message: 'Give a reason when a follow-up is blocked.' },
    ]);
    expect(followUpRuleErrors(item, { status: 'blocked', comment: ' \n\t ' }).map((e) => e.code)).toEqual(['reasonRequired']);
    expect(followUpRuleErrors(item, { status: 'blocked', comment: 'Menunggu anggaran.' })).toEqual([]);
  });

  it('other status changes need no comment', () => {
    for (const status of ['open', 'in-progress', 'done', 'cancelled'] as const) {
      expect(followUpRuleErrors({ status, ownerId: 'usr-1', dueDate: '2025-12-01' }, { status })).toEqual([]);
    }
  });

  it('reports both problems at once', () => {
    expect(followUpRuleErrors({ status: 'blocked', ownerId: 'usr-1', dueDate: undefined }, { status: 'blocked' }).map((e) => e.path)).toEqual([
      'dueDate',
      'comment',
    ]);
  });
});
