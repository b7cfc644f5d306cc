import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validate.ts';
import { isDangerousAttribute, isDangerousUrl } from '../../src/lib/postmortem/unsafe-html.ts';
import { ruleLines, validatePaths } from './helpers/validate-files.ts';

describe('active content in bodies', () => {
  it('is reported by validate with the line of each occurrence, as warnings (the site strips it)', () => {
    const result = validatePaths('hostile');
    expect(ruleLines(result, 'postmortem-2026-03-14-hostile-content.md')).toEqual([
      ...Array(9).fill('unsafe-html@31'),
      'unsafe-html@82',
      'unsafe-html@82',
    ]);
    expect(result.files[0]!.valid).toBe(true);
  });

  it('ignores markup shown in code spans and code blocks', () => {
    const body = '---\n---\n## Summary\n\nUse `<script>` tags? No.\n\n```html\n<iframe src="javascript:x"></iframe>\n```\n';
    const result = validatePostmortems([parsePostmortem('postmortem-2026-03-14-code.md', body)]);
    expect(result.files[0]!.problems.filter((p) => p.rule === 'unsafe-html')).toEqual([]);
  });

  it('warns on MDX import and export statements only in .mdx files', () => {
    const text = '---\n---\nimport Chart from "../components/Chart.astro";\n\n## Summary\n';
    const mdx = validatePostmortems([parsePostmortem('postmortem-2026-03-14-x.mdx', text)]).files[0]!;
    const md = validatePostmortems([parsePostmortem('postmortem-2026-03-14-x.md', text)]).files[0]!;
    expect(mdx.problems.filter((p) => p.rule === 'mdx-import').map((p) => `${p.level}@${p.line}`)).toEqual(['warning@3']);
    expect(md.problems.filter((p) => p.rule === 'mdx-import')).toEqual([]);
  });

  it('classifies URLs and attributes', () => {
    expect(isDangerousUrl(' JavaScript:alert(1)')).toBe(true);
    expect(isDangerousUrl('java\tscript:alert(1)')).toBe(true);
    expect(isDangerousUrl('data:text/html,<script>')).toBe(true);
    expect(isDangerousUrl('data:image/png;base64,AAAA')).toBe(false);
    expect(isDangerousUrl('https://example.com/javascript:')).toBe(false);
    expect(isDangerousAttribute('onerror', 'x')).toBe(true);
    expect(isDangerousAttribute('href', 'https://example.com')).toBe(false);
    expect(isDangerousAttribute('title', 'javascript:')).toBe(false);
  });
});
