import { parseIsoDate } from '../dates.ts';
import type { Rule } from './types.ts';

export const timelineTime: Rule = {
  id: 'timeline-time',
  level: 'error',
  description: 'Every Timeline time reads as `HH:MM` (UTC, on the incident date) or `YYYY-MM-DD HH:MM`, optionally followed by a note in parentheses (the local time: `14:05 (16:05 CEST)`).',
  check(pm) {
    const date = pm.fields.date ?? null;
    const datedRow = /^\d{4}-\d{2}-\d{2}/;
    return (pm.timeline?.rows ?? [])
      .filter((row) => row.at === null && (date !== null || datedRow.test(row.time)))
      .filter((row) => !(pm.fields.status === 'draft' && row.time === 'HH:MM'))
      .map((row) => {
        const badDay = datedRow.test(row.time) && !parseIsoDate(row.time.slice(0, 10));
        return {
          line: row.line,
          message: badDay ? `time \`${row.time}\` names a day that does not exist` : `time \`${row.time}\` is not a time`,
          hint: 'Write `HH:MM` in UTC for the incident date (e.g. `09:12`), or `YYYY-MM-DD HH:MM` for another day (e.g. `2026-03-15 00:10`).',
        };
      });
  },
};
