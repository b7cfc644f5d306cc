/**
 * Date and date-time fields. Strings only: YAML 1.2 keeps `2026-03-14` a
 * string, and a calendar check here catches `2026-13-45`, which YAML 1.1
 * parsers silently roll over to a real date.
 */
import { z } from 'astro/zod';
import { ISO_DATE, ISO_DATE_TIME, parseIsoDate, parseIsoDateTime } from '../dates.ts';


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
