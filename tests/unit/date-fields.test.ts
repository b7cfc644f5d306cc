/**
 * The date fields check format, calendar and range in one refinement (a chain of zod effects was
 * most of the schema's time in validate). They must say exactly what the chain of three said:
 * the same success, data and issues (messages, params, order) on every kind of value.
 */
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { DATE_RANGE, ISO_DATE, ISO_DATE_TIME, parseIsoDate, parseIsoDateTime, yearOutOfRange } from '../../src/lib/postmortem/dates.ts';
import { isoDate, isoDateTime } from '../../src/lib/postmortem/schema/date-fields.ts';

/** The schemas as they were written before (d97ddc7): two `refine`s and a `superRefine`, each run whatever the others found. */
function chained(format: RegExp, formatMessage: string, realMessage: string, isReal: (value: string) => boolean) {
  return z
    .string({ invalid_type_error: formatMessage })
    .refine((value) => format.test(value), { message: formatMessage })
    .refine((value) => !format.test(value) || isReal(value), { message: realMessage, params: { rule: 'calendar-date' } })
    .superRefine((value, ctx) => {
      const real = ISO_DATE.test(value) ? parseIsoDate(value) !== null : parseIsoDateTime(value) !== null;
      const side = real ? yearOutOfRange(Number(value.slice(0, 4))) : null;
      if (!side) return;
      const message = side === 'early' ? `is before ${DATE_RANGE.firstYear}, the first year Hindsight accepts` : `is after ${DATE_RANGE.lastYear}, more than a year ahead`;
      ctx.addIssue({ code: 'custom', message, params: { rule: 'date-range' } });
    });
}

const chainedDate = chained(ISO_DATE, 'must be a date written as YYYY-MM-DD', 'is not a real calendar date', (value) => parseIsoDate(value) !== null);
const chainedDateTime = chained(ISO_DATE_TIME, 'must be an ISO 8601 date-time with a zone, e.g. 2026-03-14T09:12:00Z', 'is not a real calendar date and time', (value) => parseIsoDateTime(value) !== null);

const late = DATE_RANGE.lastYear + 1;
const days = ['2026-03-14', '2024-02-29', '2026-02-29', '2026-13-45', '2026-04-31', '1999-12-31', '2000-01-01', `${late}-01-01`, `${DATE_RANGE.lastYear}-12-31`, '0000-00-00'];
const times = ['T09:12:00Z', 'T09:12Z', 'T23:59:59.999+02:00', 'T24:00:00Z', 'T09:60:00Z', 'T09:12:00', 'T09:12:00-05:30', ' 09:12:00Z'];
const values: unknown[] = [
  ...days,
  ...days.flatMap((day) => times.map((time) => `${day}${time}`)),
  '', ' ', '2026-3-14', '14/03/2026', 'yesterday', '2026-03-14 ', ' 2026-03-14', '2026-03-14\n', '99999-01-01', '1999-01-01T00:00:00Z',
  20260314, 0, null, undefined, true, [], ['2026-03-14'], {}, new Date(0),
];

describe('date fields: one refinement says what the chain said', () => {
  it.each([
    ['isoDate', isoDate, chainedDate],
    ['isoDateTime', isoDateTime, chainedDateTime],
    ['isoDateTime.optional()', isoDateTime.optional(), chainedDateTime.optional()],
  ] as const)('%s', (_, schema, reference) => {
    let failures = 0;
    for (const value of values) {
      const [now, before] = [schema.safeParse(value), reference.safeParse(value)];
      expect(JSON.stringify(now), String(value)).toBe(JSON.stringify(before));
      if (!before.success) failures += 1;
    }
    // The values reach every branch: most fail, on format, calendar, range or type.
    expect(failures).toBeGreaterThan(values.length / 2);
  });

  it('a date-time in the date field still counts for the range, as before', () => {
    const result = isoDate.safeParse('1999-01-01T00:00:00Z');
    expect(result.success ? [] : result.error.issues.map((issue) => issue.message)).toEqual(['must be a date written as YYYY-MM-DD', 'is before 2000, the first year Hindsight accepts']);
  });
});
