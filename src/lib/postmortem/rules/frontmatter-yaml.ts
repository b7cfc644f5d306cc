import type { Rule } from './types.ts';

export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  level: 'error',
  description: 'The frontmatter is valid YAML.',
  check(pm) {
    if (pm.frontmatter.kind !== 'invalid') return [];
    const tabs = /tab/i.test(pm.frontmatter.message);
    return [{
      line: pm.frontmatter.line,
      column: pm.frontmatter.column,
      message: pm.frontmatter.message,
      hint: tabs
        ? 'Indent with spaces (two per level), not tabs.'
        : 'Write one `key: value` per line; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `@`.',
    }];
  },
};
