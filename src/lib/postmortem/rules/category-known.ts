import { CATEGORY_IDS, UNKNOWN_CATEGORY } from '../model/category.ts';
import type { Rule } from './types.ts';

export const categoryKnown: Rule = {
  id: 'category-known',
  level: 'error',
  description: '`root_cause_category` is known (not `unknown`) unless the post-mortem is a draft.',
  check(pm) {
    if (pm.fields.root_cause_category !== UNKNOWN_CATEGORY.id || pm.fields.status === 'draft' || pm.frontmatter.kind !== 'parsed') return [];
    return [{
      line: pm.frontmatter.lineOf(['root_cause_category']),
      message: `\`root_cause_category\` is \`${UNKNOWN_CATEGORY.id}\` in a \`${pm.fields.status}\` post-mortem`,
      hint: `Name the category the 5 Whys found: one of ${CATEGORY_IDS.join(', ')}; or keep \`status: draft\` until it is known.`,
    }];
  },
};
