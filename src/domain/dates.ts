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

/** The calendar date it is now in the given time zone (Asia/Jakarta unless told otherwise). */
export function todayIn(timeZone: string = HOME_TIME_ZONE, now: Date = new Date()): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
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
