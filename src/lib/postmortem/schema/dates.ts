/**
 * Date and date-time fields. Strings only: YAML 1.2 keeps `2026-03-14` a
 * string, and a calendar check here catches `2026-13-45`, which YAML 1.1
 * parsers silently roll over to a real date.
 */
import { z } from 'astro/zod';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

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
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isCalendarDate(year, month, day) ? { year, month, day } : null;
}

/** Milliseconds since the epoch for an ISO 8601 date-time with a zone, or null when it is not one. */
export function parseIsoDateTime(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (!isCalendarDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const millis = match[7] ? Math.floor(Number(`0.${match[7]}`) * 1000) : 0;
  const offset = match[9] ? (match[9] === '-' ? -1 : 1) * (Number(match[10]) * 60 + Number(match[11])) : 0;
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}

/** The UTC calendar date (`YYYY-MM-DD`) of an epoch time. */
export function utcDateOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** A calendar date, `YYYY-MM-DD`. Example: `2026-03-14`. */
export const isoDate = z
  .string({ invalid_type_error: 'must be a date written as YYYY-MM-DD' })
  .refine((value) => ISO_DATE.test(value), { message: 'must be a date written as YYYY-MM-DD' })
  .refine((value) => !ISO_DATE.test(value) || parseIsoDate(value) !== null, {
    message: 'is not a real calendar date',
    params: { rule: 'calendar-date' },
  });

/** An instant: ISO 8601 date-time with a zone. Example: `2026-03-14T09:12:00Z`. */
export const isoDateTime = z
  .string({ invalid_type_error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z' })
  .refine((value) => ISO_DATE_TIME.test(value), {
    message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z',
  })
  .refine((value) => !ISO_DATE_TIME.test(value) || parseIsoDateTime(value) !== null, {
    message: 'is not a real calendar date and time',
    params: { rule: 'calendar-date' },
  });
