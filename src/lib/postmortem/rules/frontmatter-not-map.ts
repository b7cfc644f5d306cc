import type { Rule } from './types.ts';

export const frontmatterNotMap: Rule = {
  id: 'frontmatter-not-map',
  level: 'error',
  description: 'The frontmatter is a map of fields, not a list or a single value.',
  check(pm) {
    if (pm.frontmatter.kind !== 'parsed') return [];
    const data = pm.frontmatter.data;
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return [];
    const what = data === null || data === undefined ? 'is empty' : Array.isArray(data) ? 'is a list' : `is a single value \`${String(data)}\``;
    return [{ line: 2, message: `frontmatter ${what}, not a map of fields`, hint: 'Write one `field: value` per line, e.g. `title: ...`, `date: 2026-03-14`, `severity: SEV-2`.' }];
  },
};
