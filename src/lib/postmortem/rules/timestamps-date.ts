import { parseIsoDateTime, utcDateOf } from '../dates.ts';
import type { Rule } from './types.ts';

export const timestampsDate: Rule = {
  id: 'timestamps-date',
  level: 'error',
  description: '`started_at` falls on `date` (UTC).',
  check(pm) {
    if (!pm.fields.started_at || !pm.fields.date || pm.frontmatter.kind !== 'parsed') return [];
    const day = utcDateOf(parseIsoDateTime(pm.fields.started_at)!);
    if (day === pm.fields.date) return [];
    return [{
      line: pm.frontmatter.lineOf(['started_at']),
      message: `\`started_at\` \`${pm.fields.started_at}\` is on ${day} (UTC), but \`date\` is \`${pm.fields.date}\``,
      hint: 'The incident date is the UTC day the impact started: make `date` (and the file name) that day, or correct `started_at`.',
    }];
  },
};
