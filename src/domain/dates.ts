/**
 * Calendar dates are ISO `YYYY-MM-DD` strings everywhere in the domain and the API.
 * They name a day, not an instant, so arithmetic is done in UTC where no offset can shift them.
 * "Today" is the one place a clock and a time zone meet: it is always asked of Asia/Jakarta
 * (or a meeting's own zone), never of the machine's local zone.
 */
export type IsoDate = string;

export const HOME_TIME_ZONE = 'Asia/Jakarta';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  if (y < 1900 || y > 2999) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function toUtc(iso: IsoDate): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/**
 * One formatter per zone and kind: building an Intl.DateTimeFormat costs far more than using one.
 * `day` gives the calendar date, `clock` the wall-clock time to the second (to read a zone's offset).
 */
const FORMATS = {
  day: ['en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }],
  clock: ['en-US', { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }],
} satisfies Record<string, [string, Intl.DateTimeFormatOptions]>;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(kind: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const [locale, options] = FORMATS[kind];
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date it is now in the given time zone (Asia/Jakarta unless told otherwise). */
export function todayIn(timeZone: string = HOME_TIME_ZONE, now: Date = new Date()): IsoDate {
  const parts = formatterIn('day', timeZone).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (Jakarta: 7 h). */
function zoneOffsetMs(timeZone: string, ms: number): number {
  const parts = formatterIn('clock', timeZone).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/** A UTC day in a zone: the zone's offset all that day, and the calendar days it can fall on. */
type DayInZone = { offset: number; previous: IsoDate; same: IsoDate; next: IsoDate } | null;

/** Per zone, per UTC day (null when the zone's offset changes that day). */
const daysInZones = new Map<string, Map<string, DayInZone>>();

/** A stored timestamp as `Date.prototype.toISOString` writes it: 2025-03-31T17:30:00.000Z. */
const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

/**
 * The calendar day an instant (an ISO timestamp, as stored) falls on in a time zone: the same
 * answer as `todayIn(timeZone, new Date(instant))`, fast enough for tens of thousands of items.
 * The zone's offset is read from Intl once per UTC day, at its first and last second; on a day
 * where the two differ (a daylight-saving change) each instant is asked of Intl on its own.
 */
export function dayOfInstant(instant: string, timeZone: string = HOME_TIME_ZONE): IsoDate {
  const match = ISO_INSTANT.exec(instant);
  if (!match) return todayIn(timeZone, new Date(instant));
  const utcDay = match[1] as IsoDate;
  let days = daysInZones.get(timeZone);
  if (!days) {
    days = new Map();
    daysInZones.set(timeZone, days);
  }
  let day = days.get(utcDay);
  if (day === undefined) {
    const start = Date.parse(`${utcDay}T00:00:00.000Z`);
    const offset = zoneOffsetMs(timeZone, start);
    day =
      Number.isNaN(start) || offset !== zoneOffsetMs(timeZone, start + 86_399_000)
        ? null
        : { offset, previous: addDays(utcDay, -1), same: utcDay, next: addDays(utcDay, 1) };
    days.set(utcDay, day);
  }
  if (day === null) return todayIn(timeZone, new Date(instant));
  const time =
    Number(match[2]) * 3_600_000 +
    Number(match[3]) * 60_000 +
    Number(match[4]) * 1000 +
    Number(match[5] ?? 0) +
    day.offset;
  return time < 0 ? day.previous : time >= 86_400_000 ? day.next : day.same;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = toUtc(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** 0 = Sunday … 6 = Saturday, for the date itself (no time zone can move it). */
export function weekdayOf(iso: IsoDate): number {
  return toUtc(iso).getUTCDay();
}

/** Monday of the ISO week that holds the date. */
export function startOfWeek(iso: IsoDate): IsoDate {
  const weekday = weekdayOf(iso);
  return addDays(iso, weekday === 0 ? -6 : 1 - weekday);
}

export function endOfMonth(iso: IsoDate): IsoDate {
  const date = toUtc(iso);
  return fromUtc(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
}

export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;

export function quarterOf(iso: IsoDate): Quarter {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return `${y}-Q${(Math.floor((m - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

/** Every quarter from the one holding `from` to the one holding `to`, both included. */
export function quartersBetween(from: IsoDate, to: IsoDate): Quarter[] {
  const quarters: Quarter[] = [];
  let [year, q] = quarterOf(from).split('-Q').map(Number) as [number, number];
  const [endYear, endQ] = quarterOf(to).split('-Q').map(Number) as [number, number];
  while (year < endYear || (year === endYear && q <= endQ)) {
    quarters.push(`${year}-Q${q as 1 | 2 | 3 | 4}`);
    q += 1;
    if (q > 4) {
      q = 1;
      year += 1;
    }
  }
  return quarters;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** Whole months from one date to another (2025-06-15 → 2025-07-14 is 0, → 2025-07-15 is 1; 2025-06-30 → 2025-07-01 is 0). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/** The same calendar date `years` later (29 February becomes 28 February in a common year). */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y + years, m - 1, Math.min(d, last))));
}

/**
 * The same day of the month `months` later (or earlier, when negative), kept inside the target
 * month: 2025-08-31 − 6 months is 2025-02-28 (2024-02-29 in a leap year), 2025-03-31 + 1 is 2025-04-30.
 */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(year, month, Math.min(d, last))));
}

/** Days from one date to another: 0 for the same day, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export type YearMonth = string;

/** Every month (`YYYY-MM`) from the one holding `from` to the one holding `to`, both included. */
export function monthsOfPeriod(from: IsoDate, to: IsoDate): YearMonth[] {
  const months: YearMonth[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The first year the year filters offer (the office's records start then). */
export const FIRST_YEAR = 2015;

/** The years a filter offers, newest first: next year (plans) down to FIRST_YEAR. */
export function offeredYears(today: IsoDate = todayIn()): number[] {
  const current = Number(today.slice(0, 4));
  return Array.from({ length: current + 1 - FIRST_YEAR + 1 }, (_, i) => current + 1 - i);
}
