import { PLACEHOLDER_PATTERN } from '../placeholder-text.ts';
import { positionOf } from '../prose.ts';
import type { Rule } from './types.ts';

export const placeholders: Rule = {
  id: 'placeholders',
  level: 'error',
  description: 'No template placeholder (`YYYY-MM-DD`, `HH:MM`, `[Name]`, `X hours`, …) is left in a final post-mortem (warning while in review).',
  check(pm) {
    const status = pm.fields.status;
    if (status !== 'final' && status !== 'in-review') return [];
    return [...pm.text.matchAll(PLACEHOLDER_PATTERN)].map((match) => ({
      level: status === 'final' ? ('error' as const) : ('warning' as const),
      ...positionOf(pm.text, match.index),
      message: `template placeholder \`${match[0]}\` is still in the text`,
      hint: 'Replace it with the real value, or set `status: draft` until it is known.',
    }));
  },
};
