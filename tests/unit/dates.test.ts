import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, weekdayName } from '@/lib/format';
import {
  addDays,
  endOfMonth,
  HOME_TIME_ZONE,
  isIsoDate,
  monthsBetween,
  quarterOf,
  quartersBetween,
  startOfWeek,
  todayIn,
  weekdayOf,
  yearOf,
} from '../../src/domain/dates';

describe('todayIn', () => {
  it('uses Asia/Jakarta by default', () => {
    expect(HOME_TIME_ZONE).toBe('Asia/Jakarta');
    expect(todayIn(undefined, new Date('2025-09-21T17:30:00Z'))).toBe('2025-09-22');
  });

  it.each([
    ['2025-09-21T16:59:59.999Z', '2025-09-21'], // 23:59:59 in Jakarta
    ['2025-09-21T17:00:00.000Z', '2025-09-22'], // midnight in Jakarta
    ['2025-09-21T17:30:00.000Z', '2025-09-22'],
    ['2025-09-22T00:00:00.000Z', '2025-09-22'],
    ['2025-09-22T16:59:59.000Z', '2025-09-22'],
    ['2025-12-31T17:00:00.000Z', '2026-01-01'], // new year arrives in Jakarta first
    ['2024-02-28T17:00:00.000Z', '2024-02-29'], // leap day
    ['2025-02-28T17:00:00.000Z', '2025-03-01'],
  ])('at %s it is %s in Jakarta', (instant, expected) => {
    expect(todayIn('Asia/Jakarta', new Date(instant))).toBe(expected);
  });

  it('answers for other zones too, on both sides of the date line', () => {
    const instant = new Date('2025-09-21T10:30:00Z');
    expect(todayIn('UTC', instant)).toBe('2025-09-21');
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2025-09-22'); // UTC+14
    expect(todayIn('Pacific/Pago_Pago', instant)).toBe('2025-09-20'); // UTC-11, 23:30 the day before
    expect(todayIn('America/Los_Angeles', new Date('2025-09-22T06:59:00Z'))).toBe('2025-09-21'); // PDT
    expect(todayIn('America/Los_Angeles', new Date('2025-09-22T07:00:00Z'))).toBe('2025-09-22');
  });

  it('always returns YYYY-MM-DD with zero padding', () => {
    expect(todayIn('Asia/Jakarta', new Date('2025-01-04T00:00:00Z'))).toBe('2025-01-04');
    expect(isIsoDate(todayIn())).toBe(true);
  });
});

describe('isIsoDate', () => {
  it.each(['2025-09-22', '2024-02-29', '1900-01-01', '2999-12-31'])('accepts %s', (value) => {
    expect(isIsoDate(value)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '2025-09-31',
    '2025-9-22',
    '22/09/2025',
    '2025-09-22T00:00:00Z',
    ' 2025-09-22',
    '1899-12-31',
    '3000-01-01',
    '',
  ])('refuses %j', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-09-22', 1)).toBe('2025-09-23');
    expect(addDays('2025-09-30', 1)).toBe('2025-10-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-09-22', 0)).toBe('2025-09-22');
    expect(addDays('2025-09-22', 365)).toBe('2026-09-22');
    expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
  });

  it('knows 22 September 2025 was a Monday', () => {
    expect(weekdayOf('2025-09-22')).toBe(1);
    expect(weekdayOf('2025-09-23')).toBe(2);
    expect(weekdayOf('2025-09-21')).toBe(0);
    expect(weekdayOf('2025-09-27')).toBe(6);
  });

  it('starts weeks on Monday', () => {
    expect(startOfWeek('2025-09-22')).toBe('2025-09-22');
    expect(startOfWeek('2025-09-24')).toBe('2025-09-22');
    expect(startOfWeek('2025-09-28')).toBe('2025-09-22'); // Sunday belongs to the week before
    expect(startOfWeek('2025-11-01')).toBe('2025-10-27');
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
  });

  it('finds the end of the month, leap years included', () => {
    expect(endOfMonth('2025-09-22')).toBe('2025-09-30');
    expect(endOfMonth('2024-02-01')).toBe('2024-02-29');
    expect(endOfMonth('2025-02-15')).toBe('2025-02-28');
    expect(endOfMonth('2025-12-31')).toBe('2025-12-31');
  });

  it('names quarters', () => {
    expect(quarterOf('2025-01-01')).toBe('2025-Q1');
    expect(quarterOf('2025-03-31')).toBe('2025-Q1');
    expect(quarterOf('2025-04-01')).toBe('2025-Q2');
    expect(quarterOf('2025-09-22')).toBe('2025-Q3');
    expect(quarterOf('2025-12-31')).toBe('2025-Q4');
  });

  it('lists every quarter between two dates, both ends included', () => {
    expect(quartersBetween('2025-01-01', '2025-12-31')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(quartersBetween('2024-11-15', '2025-05-01')).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
    expect(quartersBetween('2025-09-22', '2025-09-22')).toEqual(['2025-Q3']);
    expect(quartersBetween('2025-07-01', '2025-09-30')).toEqual(['2025-Q3']);
    expect(quartersBetween('2021-01-01', '2026-12-31')).toHaveLength(24);
    expect(quartersBetween('2025-06-01', '2025-01-01')).toEqual([]);
  });

  it('counts whole months elapsed between dates (a day into a new month is not a month)', () => {
    expect(monthsBetween('2025-06-30', '2025-07-01')).toBe(0);
    expect(monthsBetween('2025-06-30', '2025-07-30')).toBe(1);
    expect(monthsBetween('2025-06-15', '2025-07-14')).toBe(0);
    expect(monthsBetween('2025-06-15', '2025-07-15')).toBe(1);
    expect(monthsBetween('2024-09-22', '2025-09-22')).toBe(12);
    expect(monthsBetween('2025-09-22', '2025-09-22')).toBe(0);
  });

  it('reads the year', () => {
    expect(yearOf('2025-09-22')).toBe(2025);
  });
});

describe('the machine time zone changes nothing', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  /** The answers that must not depend on where the code runs. */
  const answers = () => ({
    jakartaAtBoundary: todayIn('Asia/Jakarta', new Date('2025-09-21T17:30:00Z')),
    jakartaBeforeBoundary: todayIn('Asia/Jakarta', new Date('2025-09-21T16:30:00Z')),
    defaultZone: todayIn(undefined, new Date('2025-12-31T17:00:00Z')),
    utc: todayIn('UTC', new Date('2025-09-21T23:59:59Z')),
    addDay: addDays('2025-09-22', 1),
    addAcrossDst: addDays('2025-03-08', 1), // the night the US springs forward
    addBackAcrossDst: addDays('2025-11-03', -1), // the night the US falls back
    addAcrossYear: addDays('2025-12-31', 1),
    weekday: weekdayOf('2025-09-22'),
    weekdayAtDst: weekdayOf('2025-03-09'),
    startOfWeek: startOfWeek('2025-09-28'),
    endOfMonth: endOfMonth('2025-02-10'),
    quarter: quarterOf('2025-09-22'),
    quarterAtYearStart: quarterOf('2026-01-01'),
    quarters: quartersBetween('2025-02-01', '2025-10-01'),
    months: monthsBetween('2025-06-15', '2025-07-15'),
    valid: isIsoDate('2025-03-09'),
    idWeekday: new Intl.DateTimeFormat('id-ID', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2025, 8, 22))),
    // What the UI shows (src/lib/format): the weekday is derived from the stored date.
    uiFullDate: formatDate('2025-09-22', 'id-ID', 'full'),
    uiWeekday: weekdayName(weekdayOf('2025-09-22'), 'id-ID'),
    uiReportedWeekday: weekdayName(2, 'id-ID'),
  });

  const expected = {
    jakartaAtBoundary: '2025-09-22',
    jakartaBeforeBoundary: '2025-09-21',
    defaultZone: '2026-01-01',
    utc: '2025-09-21',
    addDay: '2025-09-23',
    addAcrossDst: '2025-03-09',
    addBackAcrossDst: '2025-11-02',
    addAcrossYear: '2026-01-01',
    weekday: 1,
    weekdayAtDst: 0,
    startOfWeek: '2025-09-22',
    endOfMonth: '2025-02-28',
    quarter: '2025-Q3',
    quarterAtYearStart: '2026-Q1',
    quarters: ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'],
    months: 1,
    valid: true,
    idWeekday: 'Senin, 22 September 2025',
    uiFullDate: 'Senin, 22 September 2025',
    uiWeekday: 'Senin',
    uiReportedWeekday: 'Selasa',
  };

  it.each([
    ['America/Los_Angeles', 420], // UTC-7 in summer: offset +420 minutes
    ['Pacific/Kiritimati', -840], // UTC+14
    ['Pacific/Pago_Pago', 660], // UTC-11
    ['Asia/Jakarta', -420],
    ['UTC', 0],
  ])('gives the same answers with TZ=%s', (zone, offsetInSeptember) => {
    process.env.TZ = zone;
    // Prove the runtime really switched zones, or the test would prove nothing.
    expect(new Date(Date.UTC(2025, 8, 22, 12)).getTimezoneOffset()).toBe(offsetInSeptember);
    expect(answers()).toEqual(expected);
  });
});
