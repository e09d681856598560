import { describe, expect, it } from 'vitest';
import { reportedWeekdayMismatch } from '../../src/domain/meeting';

describe('reportedWeekdayMismatch', () => {
  it('catches the Binzhou report: "Selasa (22/09/25)" says Tuesday, but 22 September 2025 was a Monday', () => {
    expect(reportedWeekdayMismatch('2025-09-22', 'Selasa (22/09/25)')).toEqual({ reported: 2, actual: 1 });
  });

  it('is quiet when the weekday is right', () => {
    expect(reportedWeekdayMismatch('2025-09-22', 'Senin (22/09/25)')).toBeUndefined();
    expect(reportedWeekdayMismatch('2025-09-22', 'Monday, 22 September 2025')).toBeUndefined();
  });

  it('is quiet when no weekday is named or nothing was reported', () => {
    expect(reportedWeekdayMismatch('2025-09-22', '22/09/25')).toBeUndefined();
    expect(reportedWeekdayMismatch('2025-09-22', '')).toBeUndefined();
    expect(reportedWeekdayMismatch('2025-09-22', undefined)).toBeUndefined();
    // "Seninnya" is not a weekday word; whole words only.
    expect(reportedWeekdayMismatch('2025-09-23', 'Seninnya')).toBeUndefined();
  });

  it.each([
    ['Minggu', 0],
    ['Senin', 1],
    ['Selasa', 2],
    ['Kamis', 4],
    ['Jumat', 5],
    ['Sabtu', 6],
    ['Sunday', 0],
    ['Tuesday', 2],
    ['FRIDAY', 5],
    ['saturday', 6],
  ])('reads %s as weekday %i in either language and any case', (word, index) => {
    // 2025-09-24 is a Wednesday (3); Wednesday words agree and so report nothing.
    const result = reportedWeekdayMismatch('2025-09-24', `${word}, 24/09/2025`);
    expect(result).toEqual({ reported: index, actual: 3 });
  });

  it('Wednesday in either language agrees with 24 September 2025', () => {
    expect(reportedWeekdayMismatch('2025-09-24', 'Rabu (24/9)')).toBeUndefined();
    expect(reportedWeekdayMismatch('2025-09-24', 'Wednesday')).toBeUndefined();
  });

  it("reads the spelling with an apostrophe: Jum'at and Jum’at", () => {
    expect(reportedWeekdayMismatch('2025-09-22', "Jum'at (22/09/25)")).toEqual({ reported: 5, actual: 1 });
    expect(reportedWeekdayMismatch('2025-09-26', 'Jum’at, 26 September 2025')).toBeUndefined();
  });

  it('takes the first weekday word when several appear', () => {
    expect(reportedWeekdayMismatch('2025-09-22', 'Selasa atau Senin')).toEqual({ reported: 2, actual: 1 });
  });
});
