import type { Rule } from './types.ts';

export const frontmatterUnclosed: Rule = {
  id: 'frontmatter-unclosed',
  level: 'error',
  description: 'The frontmatter block is closed by a second `---` line.',
  check(pm) {
    if (pm.frontmatter.kind !== 'unclosed') return [];
    return [{ line: pm.frontmatter.line, message: 'opens frontmatter with `---` but no `---` line closes it', hint: 'Add a line `---` after the last frontmatter field, before the body.' }];
  },
};
