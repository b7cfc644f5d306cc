import type { Rule } from './types.ts';

export const frontmatterReader: Rule = {
  id: 'frontmatter-reader',
  level: 'error',
  description: 'The site reads the frontmatter exactly as validate does: closed by `---` (not `...`), no line inside it starting with `---` or `+++`, no lone carriage return, no YAML tag, no control character.',
  check(pm) {
    const found = pm.readerDisagreement;
    return found ? [{ line: found.line, column: found.column, message: found.message, hint: found.hint }] : [];
  },
};
