import { fieldFindings } from './field-problems.ts';
import type { Rule } from './types.ts';

export const schema: Rule = {
  id: 'schema',
  level: 'error',
  description: 'Every frontmatter field is known, present when required, and of the documented form.',
  check: (pm) => fieldFindings(pm, 'schema'),
};
