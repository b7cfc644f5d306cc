/**
 * Calendar dates and instants, the one place the archive does date arithmetic.
 * Dates are `YYYY-MM-DD` strings and are moved on the UTC calendar, so no
 * result depends on the machine's time zone; nothing here uses Intl.
 */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The years a post-mortem's dates may fall in: from 2000 (older incidents are not what this
 * archive is for) to the end of next year (a date a little ahead is a typo of a real one; one
 * far ahead would stretch every per-month and per-quarter series from the first incident to it).
 * The upper end moves with the calendar year, which validate's cache key includes.
 */
export const DATE_RANGE = { firstYear: 2000, lastYear: new Date().getUTCFullYear() + 1 } as const;

/** Why a year is outside {@link DATE_RANGE}, or null when it is inside. */
export function yearOutOfRange(year: number): 'early' | 'late' | null {
  return year < DATE_RANGE.firstYear ? 'early' : year > DATE_RANGE.lastYear ? 'late' : null;
}

/** True when year, month and day name a day that exists (no 31 April, no 29 February 2026). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Parses `YYYY-MM-DD` into its parts when it is a real calendar date. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  // Plain reads, no array destructured: these run for every date and timeline row, mostly before the JIT has optimised them.
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Milliseconds since the epoch for an ISO 8601 date-time with a zone, or null when it is not one. */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6] ?? 0);
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const offset = match[9] ? (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11])) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** The UTC calendar date (`YYYY-MM-DD`) of an epoch time. */
export function utcDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

const DAY_MS = 86_400_000;

/** Milliseconds since the epoch of a `YYYY-MM-DD` day's UTC midnight. */
function utcMidnight(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** `YYYY-MM-DD` moved by whole years and days (negative goes back), on the calendar. */
export function shiftDate(isoDate: string, { years = 0, days = 0 }: { years?: number; days?: number }): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year + years, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `days` (negative goes back), on the calendar, free of time zones. */
export function addDays(isoDate: string, days: number): string {
  return shiftDate(isoDate, { days });
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/**
 * The local calendar date of `now` as `YYYY-MM-DD`: "today" where the reader
 * is, which is what a due date means to them.
 */
export function localIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** English month abbreviations, January first: what pages print and what migrate reads. */
export const MONTH_ABBREVIATIONS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
