import { blankCode } from '../prose.ts';
import type { Rule } from './types.ts';

const STATEMENT = /^(import|export)\s/;

export const mdxImport: Rule = {
  id: 'mdx-import',
  level: 'warning',
  description: 'An `.mdx` post-mortem has no `import` or `export` statements: they run code at build time, so review them like code.',
  check(pm) {
    if (!pm.path.toLowerCase().endsWith('.mdx')) return [];
    return blankCode(pm.body)
      .split('\n')
      .flatMap((line, index) => (STATEMENT.test(line) ? [{ index, statement: line.trim() }] : []))
      .map(({ index, statement }) => ({
        line: index + pm.bodyStartLine,
        message: `MDX statement \`${statement.length > 60 ? `${statement.slice(0, 57)}...` : statement}\` runs code when the site is built`,
        hint: 'Keep it only if the component is reviewed and trusted (post-mortems are reviewed like code); plain Markdown needs no imports.',
      }));
  },
};
