import { DATE_RANGE } from '../dates.ts';
import { fieldFindings } from './field-problems.ts';
import type { Rule } from './types.ts';

export const dateRange: Rule = {
  id: 'date-range',
  level: 'error',
  description: `Dates and timestamps fall in the years ${DATE_RANGE.firstYear} to next year (docs/FORMAT.md#limits), so no series of months or quarters is stretched by one far date.`,
  check: (pm) =>
    fieldFindings(pm, 'date-range').map((finding) => ({
      ...finding,
      hint: `Write the year the incident happened (${DATE_RANGE.firstYear} to ${DATE_RANGE.lastYear}); a typo in the year is the usual cause.`,
    })),
};
