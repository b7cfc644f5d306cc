/**
 * Date and date-time fields. Strings only: YAML 1.2 keeps `2026-03-14` a
 * string, and a calendar check here catches `2026-13-45`, which YAML 1.1
 * parsers silently roll over to a real date.
 */
import { z } from 'astro/zod';
import { DATE_RANGE, ISO_DATE, ISO_DATE_TIME, parseIsoDate, parseIsoDateTime, yearOutOfRange } from '../dates.ts';

/** Refuses a real date whose year is outside {@link DATE_RANGE}, saying which end it is past. */
function inDateRange(value: string, ctx: z.RefinementCtx): void {
  const real = ISO_DATE.test(value) ? parseIsoDate(value) !== null : parseIsoDateTime(value) !== null;
  const side = real ? yearOutOfRange(Number(value.slice(0, 4))) : null;
  if (!side) return;
  const message = side === 'early' ? `is before ${DATE_RANGE.firstYear}, the first year Hindsight accepts` : `is after ${DATE_RANGE.lastYear}, more than a year ahead`;
  ctx.addIssue({ code: 'custom', message, params: { rule: 'date-range' } });
}


/** A calendar date, `YYYY-MM-DD`. Example: `2026-03-14`. */
export const isoDate = z
  .string({ invalid_type_error: 'must be a date written as YYYY-MM-DD' })
  .refine((value) => ISO_DATE.test(value), { message: 'must be a date written as YYYY-MM-DD' })
  .refine((value) => !ISO_DATE.test(value) || parseIsoDate(value) !== null, {
    message: 'is not a real calendar date',
    params: { rule: 'calendar-date' },
  })
  .superRefine(inDateRange);

/** An instant: ISO 8601 date-time with a zone. Example: `2026-03-14T09:12:00Z`. */
export const isoDateTime = z
  .string({ invalid_type_error: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z' })
  .refine((value) => ISO_DATE_TIME.test(value), {
    message: 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z',
  })
  .refine((value) => !ISO_DATE_TIME.test(value) || parseIsoDateTime(value) !== null, {
    message: 'is not a real calendar date and time',
    params: { rule: 'calendar-date' },
  })
  .superRefine(inDateRange);
