import { fieldFindings } from './field-problems.ts';
import type { Rule } from './types.ts';

export const calendarDate: Rule = {
  id: 'calendar-date',
  level: 'error',
  description: 'Dates and timestamps name days that exist (no `2026-13-45`, no 30 February).',
  check: (pm) =>
    fieldFindings(pm, 'calendar-date').map((finding) => ({
      ...finding,
      hint: 'Check the month (01-12) and the day for that month; YAML would otherwise roll it over to another date.',
    })),
};
