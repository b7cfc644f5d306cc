import { PLACEHOLDERS } from '../placeholders.ts';
import type { Rule } from './types.ts';

export const placeholders: Rule = {
  id: 'placeholders',
  level: 'error',
  description: 'No template placeholder (`YYYY-MM-DD`, `HH:MM`, `[Name]`, `X hours`, …) is left in a final post-mortem (warning while in review).',
  check(pm) {
    const status = pm.fields.status;
    if (status !== 'final' && status !== 'in-review') return [];
    const findings = [];
    const lines = pm.text.split('\n');
    for (let index = 0; index < lines.length; index += 1) {
      for (const placeholder of PLACEHOLDERS) {
        const match = placeholder.pattern.exec(lines[index]!);
        if (!match) continue;
        findings.push({
          level: status === 'final' ? ('error' as const) : ('warning' as const),
          line: index + 1,
          column: match.index + 1,
          message: `template placeholder \`${match[0]}\` is still in the text`,
          hint: `Replace it with the real value, or set \`status: draft\` until it is known.`,
        });
      }
    }
    return findings;
  },
};
