import { exampleValue } from './own-examples.ts';
import type { Rule } from './types.ts';

const REQUIRED = ['started_at', 'resolved_at'] as const;

export const timestampsRequired: Rule = {
  id: 'timestamps-required',
  level: 'error',
  description: '`started_at` and `resolved_at` are set unless the post-mortem is a draft.',
  check(pm) {
    if (!pm.fields.status || pm.fields.status === 'draft' || pm.frontmatter.kind !== 'parsed') return [];
    const meta = pm.fields;
    const written = pm.frontmatter.data as Record<string, unknown>;
    return REQUIRED.filter((field) => written[field] === undefined || written[field] === null).map((field) => ({
      line: pm.frontmatter.kind === 'parsed' ? pm.frontmatter.lineOf(['status']) : 1,
      message: `\`${field}\` is missing, and a \`${meta.status}\` post-mortem needs it`,
      hint: `Add \`${field}: ${exampleValue(pm, field)}\` (ISO 8601, UTC), or set \`status: draft\` until it is known.`,
    }));
  },
};
