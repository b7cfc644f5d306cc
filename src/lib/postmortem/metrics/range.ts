/**
 * Time ranges and calendar buckets for analytics. Dates are UTC calendar
 * days (`YYYY-MM-DD`), the same day the post-mortem's `date` names, so a
 * range never depends on the zone of the machine that builds or reads it.
 */
import { shiftDate } from '../dates.ts';

/** The time ranges analytics offers (their words are the site's: src/lib/site/analytics/range-labels.ts). */
export const RANGE_IDS = ['90d', '12m', 'all'] as const;
export type RangeId = (typeof RANGE_IDS)[number];

/** All time: a small archive needs every incident for a quarter-by-quarter trend. */
export const DEFAULT_RANGE: RangeId = 'all';

/** The range for an id from a URL, or the default when it names none. */
export function parseRange(value: string | null | undefined): RangeId {
  return RANGE_IDS.includes(value as RangeId) ? (value as RangeId) : DEFAULT_RANGE;
}


/**
 * First day (inclusive) of a range ending on `asOf` (inclusive), or null for all time.
 * `90d` is the 90 days ending on `asOf`; `12m` starts the day after the same date a year earlier.
 */
export function rangeStart(range: RangeId, asOf: string): string | null {
  if (range === '90d') return shiftDate(asOf, { days: -89 });
  if (range === '12m') return shiftDate(asOf, { years: -1, days: 1 });
  return null;
}

/** True when an incident dated `date` falls in the range ending on `asOf`. */
export function isInRange(date: string, range: RangeId, asOf: string): boolean {
  const start = rangeStart(range, asOf);
  return start === null || (date >= start && date <= asOf);
}

/** `2026-03` for a date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** `2026-Q1` for a date. */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.ceil(Number(date.slice(5, 7)) / 3)}`;
}

/** Every month from the one holding `from` to the one holding `to`, both included, so quiet months show as zero. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const last = monthOf(to);
  for (let key = monthOf(from); key <= last; ) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    key = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
  }
  return months;
}

/** Every quarter from the one holding `from` to the one holding `to`, both included. */
export function quartersBetween(from: string, to: string): string[] {
  return [...new Set(monthsBetween(from, to).map((month) => quarterOf(`${month}-01`)))];
}
