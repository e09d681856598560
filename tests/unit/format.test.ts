import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countryName, formatDate, formatDateTime, formatMonth, formatNumber, formatPercent, topNames, weekdayName } from '@/lib/format';

describe('formatDate', () => {
  it('writes the full Indonesian date with the weekday', () => {
    expect(formatDate('2025-09-22', 'id-ID', 'full')).toBe('Senin, 22 September 2025');
  });

  it('writes the full British English date with the weekday', () => {
    const text = formatDate('2025-09-22', 'en-GB', 'full');
    expect(text).toContain('Monday');
    expect(text).toContain('22 September 2025');
  });

  it('writes the long date without the weekday', () => {
    expect(formatDate('2025-09-23', 'id-ID', 'long')).toBe('23 September 2025');
    expect(formatDate('2025-09-23', 'en-GB', 'long')).toBe('23 September 2025');
  });
});

describe('formatDate in any time zone of the machine', () => {
  const original = process.env.TZ;
  const restore = () => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  };
  beforeEach(restore);
  afterEach(restore);

  // A day at each edge of the year and of the week, in zones 24 hours apart. The day is never
  // padded ("1 Januari", as the office writes it, not ICU's full-style "01 Januari").
  const days: Array<[iso: string, idFull: string, enLong: string]> = [
    ['2025-09-22', 'Senin, 22 September 2025', '22 September 2025'],
    ['2025-01-01', 'Rabu, 1 Januari 2025', '1 January 2025'],
    ['2025-12-31', 'Rabu, 31 Desember 2025', '31 December 2025'],
    ['2024-02-29', 'Kamis, 29 Februari 2024', '29 February 2024'],
  ];

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Jakarta'])(
    'gives the same day in %s',
    (zone) => {
      process.env.TZ = zone;
      // The zone really applies: the local offset of this process follows TZ.
      expect(new Date('2025-09-22T00:00:00Z').getTimezoneOffset()).not.toBe(0);
      for (const [iso, idFull, enLong] of days) {
        expect(formatDate(iso, 'id-ID', 'full')).toBe(idFull);
        expect(formatDate(iso, 'en-GB', 'long')).toBe(enLong);
      }
    },
  );
});

describe('numbers', () => {
  it('uses Indonesian separators', () => {
    expect(formatNumber(1234.5, 'id-ID')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en-GB')).toBe('1,234.5');
  });

  it('writes a share as a percentage with at most one decimal', () => {
    expect(formatPercent(0.256, 'id-ID')).toBe('25,6%');
    expect(formatPercent(0.256, 'en-GB')).toBe('25.6%');
    expect(formatPercent(1, 'id-ID')).toBe('100%');
  });
});

describe('weekdays and instants', () => {
  it('names a weekday (0 = Sunday) in the language', () => {
    expect(weekdayName(1, 'id-ID')).toBe('Senin');
    expect(weekdayName(2, 'id-ID')).toBe('Selasa');
    expect(weekdayName(1, 'en-GB')).toBe('Monday');
  });

  it('shows an instant in Jakarta time unless told otherwise, whatever the machine zone', () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      // ICU versions differ on the month's abbreviation ("Sep" or "Sept"), not on the time.
      expect(formatDateTime('2025-09-22T08:00:00.000Z', 'en-GB')).toMatch(/^22 Sept? 2025, 15:00$/);
      expect(formatDateTime('2025-09-22T08:00:00.000Z', 'en-GB', 'UTC')).toMatch(
        /^22 Sept? 2025, 08:00$/,
      );
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
  });
});

describe('formatters are built once per locale and options', () => {
  afterEach(() => vi.restoreAllMocks());

  it('labels a month, short', () => {
    expect(formatMonth('2025-09', 'en-GB')).toBe('Sep 2025');
    expect(formatMonth('2025-01', 'id-ID')).toBe('Jan 2025');
  });

  it('builds no new Intl formatter for the next label, date, time, number or country', () => {
    const warm = () => {
      formatMonth('2025-09', 'id-ID');
      formatDate('2025-09-22', 'id-ID', 'full');
      formatDateTime('2025-09-22T03:00:00Z', 'id-ID');
      weekdayName(1, 'id-ID');
      formatNumber(12, 'id-ID');
      formatPercent(0.5, 'id-ID');
      countryName('CN', 'id-ID');
    };
    warm();
    const dates = vi.spyOn(Intl, 'DateTimeFormat');
    const numbers = vi.spyOn(Intl, 'NumberFormat');
    const names = vi.spyOn(Intl, 'DisplayNames');
    for (let month = 1; month <= 12; month += 1) formatMonth(`2025-${String(month).padStart(2, '0')}`, 'id-ID');
    warm();
    expect(dates).not.toHaveBeenCalled();
    expect(numbers).not.toHaveBeenCalled();
    expect(names).not.toHaveBeenCalled();
  });
});

describe('issue 15: English month abbreviations and ties', () => {
  it('abbreviates every English month in three letters: "22 Sep" like "1 Jun"', () => {
    expect(formatDate('2025-09-22', 'en-GB', 'medium')).toBe('22 Sep 2025');
    expect(formatDate('2025-06-01', 'en-GB', 'medium')).toBe('1 Jun 2025');
    expect(formatMonth('2025-09', 'en-GB')).toBe('Sep 2025');
    const months = Array.from({ length: 12 }, (_, i) => formatMonth(`2025-${String(i + 1).padStart(2, '0')}`, 'en-GB').split(' ')[0]);
    for (const month of months) expect(month).toMatch(/^[A-Z][a-z]{2}$/);
    expect(formatDate('2025-09-22', 'id-ID', 'medium')).toBe('22 Sep 2025');
  });

  it('names every tied top row, in each language', () => {
    const rows = [
      { q: 'Q1 2025', n: 3 },
      { q: 'Q2 2025', n: 1 },
      { q: 'Q3 2025', n: 3 },
    ];
    expect(topNames(rows, (r) => r.n, (r) => r.q, 'id')).toBe('Q1 2025 dan Q3 2025');
    expect(topNames(rows, (r) => r.n, (r) => r.q, 'en')).toBe('Q1 2025 and Q3 2025');
    expect(topNames(rows.slice(0, 2), (r) => r.n, (r) => r.q, 'en')).toBe('Q1 2025');
    expect(topNames(rows, () => 0, (r) => r.q, 'en')).toBeUndefined();
  });
});
