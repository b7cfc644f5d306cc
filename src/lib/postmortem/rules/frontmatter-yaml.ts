import type { Rule } from './types.ts';

/** A `key: value` line whose unquoted value holds `: ` (YAML reads that as a second key). */
const COLON_IN_VALUE = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):[ \t]+([^'"\s[{].*?:\s.*)$/;

export const frontmatterYaml: Rule = {
  id: 'frontmatter-yaml',
  level: 'error',
  description: 'The frontmatter is valid YAML, within the size and alias bounds.',
  check(pm) {
    if (pm.frontmatter.kind !== 'invalid') return [];
    const { code, line, column, message } = pm.frontmatter;
    return [{ line, column, message, hint: hintFor(code, lineText(pm.text, line)) }];
  },
};

function hintFor(code: string, text: string): string {
  if (code === 'TAB_AS_INDENT') return 'Indent with spaces (two per level), not tabs.';
  if (code === 'DUPLICATE_KEY') return 'Keep one of the two lines (each field once).';
  if (code === 'TOO_LARGE') return 'Frontmatter holds the metadata only: move long text into the body.';
  if (code === 'TOO_DEEP') return 'Frontmatter fields are values or lists of values: write `tags: [a, b]`, not lists inside lists.';
  if (code === 'TOO_MANY_ALIASES' || code === 'ALIAS_EXPANSION' || code === 'ALIAS') return 'Write the values out instead of using YAML anchors (`&name`) and aliases (`*name`).';
  const colon = COLON_IN_VALUE.exec(text);
  if (colon) {
    const [, indent, key, value] = colon;
    const quoted = `"${value!.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `Quote the ${key === 'title' ? 'title' : `value of \`${key}\``}: it holds \`: \`, which YAML reads as another field. Write \`${indent}${key}: ${quoted.length > 70 ? `${quoted.slice(0, 68)}…"` : quoted}\`.`;
  }
  return 'Write one `key: value` per line; quote values that contain `: ` or start with `[`, `{`, `*`, `&` or `@`.';
}

function lineText(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    start = text.indexOf('\n', start) + 1;
    if (start === 0) return '';
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end);
}
