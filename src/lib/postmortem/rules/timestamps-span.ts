import { parseIsoDateTime } from '../dates.ts';
import type { Rule } from './types.ts';

export const timestampsSpan: Rule = {
  id: 'timestamps-span',
  level: 'warning',
  description: '`started_at` and `resolved_at` fall within the Timeline\'s first and last rows.',
  check(pm) {
    const rows = (pm.timeline?.rows ?? []).filter((row) => row.at !== null);
    if (rows.length < 2 || pm.frontmatter.kind !== 'parsed') return [];
    const byTime = [...rows].sort((a, b) => a.at! - b.at!);
    const first = byTime[0]!;
    const last = byTime[byTime.length - 1]!;
    const findings = [];
    for (const field of ['started_at', 'resolved_at'] as const) {
      const value = pm.fields[field];
      if (!value) continue;
      const at = parseIsoDateTime(value)!;
      if (at >= first.at! && at <= last.at!) continue;
      findings.push({
        line: pm.frontmatter.lineOf([field]),
        message: `\`${field}\` \`${value}\` is outside the Timeline, which runs from \`${first.time}\` (line ${first.line}) to \`${last.time}\` (line ${last.line})`,
        hint: `One of the two is wrong: correct \`${field}\`, or add the Timeline row for that moment (times in UTC).`,
      });
    }
    return findings;
  },
};
