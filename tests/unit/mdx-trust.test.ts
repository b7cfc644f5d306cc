/** The MDX trust model: found on the MDX syntax tree, one setting to opt in to full MDX. */
import { describe, expect, it } from 'vitest';
import { mdxMode } from '../../src/lib/settings/load-config.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { DEFAULT_CHECK_SETTINGS, type MdxMode } from '../../src/lib/postmortem/safety/limits.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';

const FRONT = '---\n---\n';
// The mode is passed in as an entry point passes it: one process judges the same text under both.
const problemsOf = (body: string, file = 'postmortem-2026-03-14-x.mdx', mdx: MdxMode = 'safe') =>
  validatePostmortems([parsePostmortem(file, FRONT + body)], { settings: { ...DEFAULT_CHECK_SETTINGS, mdx } }).files[0]!.problems
    .filter((p) => p.rule === 'mdx-trust' || p.rule === 'unsafe-html')
    .map((p) => `${p.rule}@${p.line}:${p.column} ${p.message}`);

describe('untrusted MDX (the default)', () => {
  it('accepts Markdown, HTML with literal attributes and MDX comments', () => {
    expect(problemsOf('## Summary\n\nText with **bold**, <kbd>Ctrl</kbd> and <a href="https://a.example">a link</a>. {/* a note */}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n')).toEqual([]);
  });

  it('reports each construct that would run code, with line and column, not by pattern: code blocks and code spans are text', () => {
    const body = [
      'import X from "./x.js"', // 3
      '',
      'Total {1 + 1}.', // 5
      '',
      '<X.Chart data={rows} />', // 7
      '',
      '<span {...props}>s</span>', // 9
      '',
      '```mdx',
      'import Y from "./y.js"',
      '{alert(1)}',
      '```',
      '',
      'Writing `export const a = 1` in a code span is fine.', // 16
    ].join('\n');
    expect(problemsOf(body)).toEqual([
      'mdx-trust@3:1 MDX statement `import X from "./x.js"` would run code when the site is built',
      'mdx-trust@5:7 MDX expression `{1 + 1}` would run code when the site is built',
      'mdx-trust@7:1 component `<X.Chart>` is not one Hindsight documents',
      'mdx-trust@7:1 attribute `data={rows}` is an expression, not a literal value',
      'mdx-trust@9:1 attribute spread `{...props}` would run code when the site is built',
    ]);
  });

  it('finds expressions wherever MDX reads them (in a table cell, inside an element), and none in code spans', () => {
    expect(problemsOf('| a | b |\n|---|---|\n| <b>{x}</b> | 2 |\n')).toEqual(['mdx-trust@5:6 MDX expression `{x}` would run code when the site is built']);
    expect(problemsOf('Imports are reviewed; `{x}` is code.\n')).toEqual([]);
  });

  it('reports MDX that does not parse (Astro would stop the build with a stack trace)', () => {
    expect(problemsOf('## Summary\n\nLatency was <5 ms.\n')).toEqual([expect.stringMatching(/^mdx-trust@5:\d+ the MDX does not parse: /)]);
  });

  it('does not apply to .md files', () => {
    expect(problemsOf('Total {1 + 1}.\n', 'postmortem-2026-03-14-x.md')).toEqual([]);
  });

  it('HINDSIGHT_MDX=trusted allows full MDX; parse errors and the HTML allowlist in .md still apply', () => {
    const full = 'import X from "./x.js"\n\n<X set:html={"<b>x</b>"} />\n';
    expect(problemsOf(full, undefined, 'trusted')).toEqual([]);
    expect(problemsOf(full)).not.toEqual([]);
    expect(problemsOf('a <5\n', undefined, 'trusted')).toHaveLength(1);
    expect(problemsOf('<script>x</script>\n', 'postmortem-2026-03-14-x.md', 'trusted')).toEqual(['unsafe-html@3:1 `<script>` in the body is removed when the page is rendered']);
  });

  it('the setting takes safe or trusted only', () => {
    expect(mdxMode({})).toBe('safe');
    expect(mdxMode({ HINDSIGHT_MDX: 'Trusted' })).toBe('trusted');
    expect(() => mdxMode({ HINDSIGHT_MDX: 'yes' })).toThrow('HINDSIGHT_MDX must be `safe` or `trusted`, not `yes`.');
  });
});
