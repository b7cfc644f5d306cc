import { MILESTONE_FIELDS } from '../schema/frontmatter-schema.ts';
import { parseIsoDateTime } from '../dates.ts';
import type { Rule } from './types.ts';

export const timestampsOrder: Rule = {
  id: 'timestamps-order',
  level: 'error',
  description: 'started_at ≤ detected_at ≤ acknowledged_at ≤ mitigated_at ≤ resolved_at.',
  check(pm) {
    if (pm.frontmatter.kind !== 'parsed') return [];
    const { lineOf } = pm.frontmatter;
    const meta = pm.fields;
    const set = MILESTONE_FIELDS.filter((field) => meta[field]).map((field) => ({ field, at: parseIsoDateTime(meta[field]!)! }));
    const findings = [];
    for (let index = 1; index < set.length; index += 1) {
      const current = set[index]!;
      const earlier = set.slice(0, index).find((other) => other.at > current.at);
      if (!earlier) continue;
      findings.push({
        line: lineOf([current.field]),
        message: `\`${current.field}\` \`${meta[current.field]}\` is before \`${earlier.field}\` \`${meta[earlier.field]}\``,
        hint: `An incident is ${MILESTONE_FIELDS.join(' → ')}; correct whichever of the two is wrong (mind the time zone).`,
      });
    }
    return findings;
  },
};
