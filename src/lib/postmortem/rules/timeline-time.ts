import { parseIsoDate } from '../dates.ts';
import { isOnlyPlaceholders } from '../parsing/placeholder-text.ts';
import { exampleDayAfter } from './own-examples.ts';
import type { Rule } from './types.ts';

export const timelineTime: Rule = {
  id: 'timeline-time',
  level: 'error',
  description: 'Every Timeline time reads as `HH:MM` (UTC, on the incident date) or `YYYY-MM-DD HH:MM`, optionally followed by a note in parentheses (the local time: `14:05 (16:05 CEST)`); a time still the template placeholder is left to the placeholders rule.',
  check(pm) {
    const date = pm.fields.date ?? null;
    const datedRow = /^\d{4}-\d{2}-\d{2}/;
    return (pm.timeline?.rows ?? [])
      .filter((row) => row.at === null && (date !== null || datedRow.test(row.time)))
      // A time left as the template's `HH:MM` is the placeholders rule's to report (allowed in a draft, an error when final), once.
      .filter((row) => !isOnlyPlaceholders(row.time))
      .map((row) => {
        const badDay = datedRow.test(row.time) && !parseIsoDate(row.time.slice(0, 10));
        return {
          line: row.line,
          message: badDay ? `time \`${row.time}\` names a day that does not exist` : `time \`${row.time}\` is not a time`,
          hint: `Write \`HH:MM\` in UTC for the incident date (e.g. \`09:12\`), or \`YYYY-MM-DD HH:MM\` for another day (e.g. \`${exampleDayAfter(pm, 1)} 00:10\`).`,
        };
      });
  },
};
