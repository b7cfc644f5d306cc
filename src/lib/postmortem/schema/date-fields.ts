/**
 * Date and date-time fields. Strings only: YAML 1.2 keeps `2026-03-14` a
 * string, and a calendar check here catches `2026-13-45`, which YAML 1.1
 * parsers silently roll over to a real date.
 */
import { z } from 'astro/zod';
import { DATE_RANGE, ISO_DATE, ISO_DATE_TIME, parseIsoDate, parseIsoDateTime, yearOutOfRange } from '../dates.ts';

/**
 * Refuses a real date whose year is outside {@link DATE_RANGE}, saying which end it is past. Either
 * form counts as real here, even in the other form's field; `real` is passed when already known.
 */
function inDateRange(value: string, ctx: z.RefinementCtx, real = ISO_DATE.test(value) ? parseIsoDate(value) !== null : parseIsoDateTime(value) !== null): void {
  const side = real ? yearOutOfRange(Number(value.slice(0, 4))) : null;
  if (!side) return;
  const message = side === 'early' ? `is before ${DATE_RANGE.firstYear}, the first year Hindsight accepts` : `is after ${DATE_RANGE.lastYear}, more than a year ahead`;
  ctx.addIssue({ code: 'custom', message, params: { rule: 'date-range' } });
}

/**
 * A string field in `format` that must be a real date (`isReal`) within {@link DATE_RANGE}. One
 * refinement reporting the three checks in order, with the issues three chained `refine`s made
 * (each ran whatever the others found): a chain of zod effects costs a context per link, and the
 * six date fields were most of the schema's time in validate (docs/PERFORMANCE.md, seventh round).
 */
function dateField(format: RegExp, formatMessage: string, realMessage: string, isReal: (value: string) => boolean) {
  return z.string({ invalid_type_error: formatMessage }).superRefine((value, ctx) => {
    if (!format.test(value)) {
      ctx.addIssue({ code: 'custom', message: formatMessage });
      return inDateRange(value, ctx);
    }
    // In its own form, a value is real for the range check exactly when it is real here.
    const real = isReal(value);
    if (!real) ctx.addIssue({ code: 'custom', message: realMessage, params: { rule: 'calendar-date' } });
    inDateRange(value, ctx, real);
  });
}

/** A calendar date, `YYYY-MM-DD`. Example: `2026-03-14`. */
export const isoDate = dateField(ISO_DATE, 'must be a date written as YYYY-MM-DD', 'is not a real calendar date', (value) => parseIsoDate(value) !== null);

/** An instant: ISO 8601 date-time with a zone. Example: `2026-03-14T09:12:00Z`. */
export const isoDateTime = dateField(
  ISO_DATE_TIME,
  'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z',
  'is not a real calendar date and time',
  (value) => parseIsoDateTime(value) !== null,
);
