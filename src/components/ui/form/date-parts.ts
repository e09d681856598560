import { isIsoDate } from '@/domain/dates';

/** A date as people type it: day, month and year, each its own box (GOV.UK date input). */
export type DateParts = { day: string; month: string; year: string };

export const emptyDate = (): DateParts => ({ day: '', month: '', year: '' });

/** "22", "9", "2025" → "2025-09-22"; anything not a real date is passed on as typed, to be refused. */
export function toIsoDate(parts: DateParts): string | undefined {
  const [day, month, year] = [parts.day.trim(), parts.month.trim(), parts.year.trim()];
  if (!day && !month && !year) return undefined;
  const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) && isIsoDate(iso)
    ? iso
    : `${year}-${month}-${day}`;
}

export function fromIsoDate(iso: string | undefined): DateParts {
  if (!iso) return emptyDate();
  const [year = '', month = '', day = ''] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
