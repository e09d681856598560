import type { IsoDate } from '@/domain/dates';

/** The locale tag Intl should use for each UI language. */
export const INTL_LOCALE = { id: 'id-ID', en: 'en-GB' } as const;

export type DateStyle = 'full' | 'long' | 'medium' | 'short';

/**
 * Components rather than `dateStyle`: id-ID's "full" style pads the day ("Rabu, 01 Januari 2025"),
 * while the office writes "Rabu, 1 Januari 2025".
 */
const DATE_STYLES: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
};

/**
 * One formatter per locale and options: building an Intl formatter costs far more than using one
 * (a chart's axis or a list of 50 rows would otherwise build one per label).
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

function dateFormat(locale: string, style: DateStyle): Intl.DateTimeFormat {
  // A calendar date is formatted at UTC midnight in UTC: no time zone can move it a day.
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, { ...DATE_STYLES[style], timeZone: 'UTC' }));
}

/**
 * English short months always in three letters ("22 Sep" like "1 Jun"): en-GB's data writes
 * "Sept" beside "Jun". One cached formatter gives the month; the locale's own gives the rest.
 */
function withShortMonth(format: Intl.DateTimeFormat, date: Date, locale: string): string {
  if (!locale.toLowerCase().startsWith('en')) return format.format(date);
  const month = cached('mon|en-US', () => new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' })).format(date);
  return format
    .formatToParts(date)
    .map((part) => (part.type === 'month' ? month : part.value))
    .join('');
}

/** "Senin, 22 September 2025" (id-ID, full) or "Monday 22 September 2025" (en-GB). */
export function formatDate(iso: IsoDate, locale: string, style: DateStyle = 'long'): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return style === 'medium' ? withShortMonth(dateFormat(locale, style), date, locale) : dateFormat(locale, style).format(date);
}

/** A calendar month (`2025-09`) as a short label: "Sep 2025" (en-GB), "Sep 2025" (id-ID). */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const format = cached(`m|${locale}`, () => new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }));
  return withShortMonth(format, new Date(Date.UTC(y, m - 1, 1)), locale);
}

export function weekdayName(weekday: number, locale: string): string {
  // 2025-09-21 was a Sunday: weekday 0.
  return cached(`w|${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })).format(
    new Date(Date.UTC(2025, 8, 21 + weekday)),
  );
}

/** An instant (ISO timestamp) in the given zone, Asia/Jakarta unless told otherwise. */
export function formatDateTime(instant: string, locale: string, timeZone = 'Asia/Jakarta'): string {
  return cached(
    `t|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(instant));
}

export function formatNumber(value: number, locale: string): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

export function formatPercent(value: number, locale: string): string {
  return cached(`p|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(value);
}

export function countryName(code: string, locale: string): string {
  try {
    return cached(`r|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The names of the rows with the largest value, all of them when several tie, joined as the
 * language lists them ("Q1 2025 dan Q3 2025", "Q1 2025 and Q3 2025"); undefined when none is above 0.
 */
export function topNames<T>(rows: readonly T[], value: (r: T) => number, name: (r: T) => string, language: string): string | undefined {
  const max = rows.reduce((m, r) => Math.max(m, value(r)), 0);
  if (!(max > 0)) return undefined;
  const names = rows.filter((r) => value(r) === max).map(name);
  return new Intl.ListFormat(language.startsWith('en') ? INTL_LOCALE.en : INTL_LOCALE.id, { type: 'conjunction' }).format(names);
}

