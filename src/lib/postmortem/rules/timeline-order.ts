import type { Rule } from './types.ts';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  level: 'error',
  description: 'Timeline rows are in chronological order.',
  check(pm) {
    const rows = (pm.timeline?.rows ?? []).filter((row) => row.at !== null);
    const findings = [];
    for (let index = 1; index < rows.length; index += 1) {
      const [previous, row] = [rows[index - 1]!, rows[index]!];
      if (row.at! >= previous.at!) continue;
      const shortForm = /^\d{1,2}:\d{2}/.test(row.time.trim());
      findings.push({
        line: row.line,
        message: `time \`${row.time}\` comes before the previous row's \`${previous.time}\` (line ${previous.line})`,
        hint: shortForm
          ? `If this happened after midnight, write the full date: \`YYYY-MM-DD ${row.time.trim()}\`; otherwise reorder the rows.`
          : 'Reorder the rows so times increase, or correct the time.',
      });
    }
    return findings;
  },
};
