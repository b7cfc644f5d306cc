/**
 * The allowlist (sanitize-schema.ts) has one definition: the site renders bodies
 * through it and `validate` reports what it removes. These tests hold the report
 * to what the sanitizer actually does, and `validate` to naming every payload of
 * the hostile corpus with its rule and line.
 */
import { describe, expect, it } from 'vitest';
import { isParseError, parseBody } from '../../src/lib/postmortem/safety/body-tree.ts';
import { isAllowedLink } from '../../src/lib/postmortem/safety/link-policy.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { findRemoved, sanitizeTree } from '../../src/lib/postmortem/safety/sanitizer-removals.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { toHtml } from 'hast-util-to-html';
import { ruleLines, validatePaths } from './helpers/validate-files.ts';

const HOSTILE = 'hostile/archive';
const OWN_RULES = new Set(['unsafe-html', 'mdx-trust', 'image-asset', 'action-item-ticket', 'schema']);

/** Every payload line of the corpus, by file: `rule@line`, as validate reports them. */
const EXPECTED: Record<string, string[]> = {
  'postmortem-2026-03-14-hostile-content.md': [
    ...Array(2).fill('unsafe-html@31'), 'image-asset@31', ...Array(5).fill('unsafe-html@31'), 'unsafe-html@82',
  ],
  'postmortem-2026-03-15-style-injection.md': ['unsafe-html@85', 'unsafe-html@87', 'unsafe-html@89', 'unsafe-html@91', 'unsafe-html@93', 'unsafe-html@95', 'unsafe-html@97', 'unsafe-html@99', 'unsafe-html@101', 'unsafe-html@101', 'unsafe-html@105'],
  'postmortem-2026-03-16-script-urls.md': [
    'action-item-ticket@80', 'action-item-ticket@82',
    'unsafe-html@80', 'unsafe-html@81', 'unsafe-html@82',
    ...[88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 98, 99, 100, 100].map((line) => `unsafe-html@${line}`),
  ],
  'postmortem-2026-03-17-embeds-and-svg.md': [
    ...[85, 87, 89, 91, 93, 95, 97, 99, 101, 103].map((line) => `unsafe-html@${line}`), 'image-asset@103',
    'unsafe-html@105', 'unsafe-html@105', 'unsafe-html@107', 'unsafe-html@107', 'image-asset@107',
  ],
  'postmortem-2026-03-18-frontmatter-link.md': ['schema@26', 'schema@28'],
  'postmortem-2026-03-19-mutation-xss.md': [85, 87, 89, 91, 93, 95, 97, 99].map((line) => `unsafe-html@${line}`),
  'postmortem-2026-03-20-assets.md': [
    ...[85, 87, 89, 91, 93, 95, 97, 99, 101, 103, 105, 107].map((line) => `image-asset@${line}`), 'unsafe-html@109', 'image-asset@111', 'image-asset@113',
  ],
  // Round two (issue 23): SVGs in other encodings or with CSS that loads, broken and oversized rasters, srcset.
  'postmortem-2026-03-23-images-round-two.md': [
    ...Array.from({ length: 23 }, (_, i) => `image-asset@${85 + 2 * i}`),
    'image-asset@137', 'image-asset@139', 'image-asset@141', 'unsafe-html@143', 'image-asset@143', 'unsafe-html@145', 'image-asset@147',
  ],
  'postmortem-2026-03-21-table-cells.md': ['unsafe-html@49', 'unsafe-html@80', 'image-asset@80', 'unsafe-html@81'],
  'postmortem-2026-03-22-mdx-code.mdx': [
    'mdx-trust@14', 'mdx-trust@17', 'mdx-trust@22', 'mdx-trust@22', 'mdx-trust@24', 'mdx-trust@24', 'mdx-trust@26', 'mdx-trust@28', 'mdx-trust@30',
    'unsafe-html@32', 'unsafe-html@34', 'mdx-trust@34', 'unsafe-html@36', 'mdx-trust@36', 'mdx-trust@38',
  ],
};

describe('the hostile corpus', () => {
  const result = validatePaths(HOSTILE);

  it('has at least 40 payloads, every file invalid', () => {
    expect(result.files.map((file) => file.path.split('/').pop()).sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.values(EXPECTED).flat().length).toBeGreaterThanOrEqual(40);
    for (const file of result.files) expect(file.valid, file.path).toBe(false);
  });

  it.each(Object.entries(EXPECTED))('%s: every payload reported with its rule and line', (fileName, expected) => {
    const reported = ruleLines(result, fileName).filter((entry) => OWN_RULES.has(entry.split('@')[0]!));
    expect([...reported].sort()).toEqual([...expected].sort());
  });

  it('quotes what is removed and says what to write instead', () => {
    const problems = result.files.flatMap((file) => file.problems);
    expect(problems.find((p) => p.rule === 'unsafe-html' && p.line === 87 && p.message.includes('style='))?.message).toMatch(/^`style="position: fixed;/);
    expect(problems.find((p) => p.rule === 'mdx-trust' && p.message.includes('set:html'))?.message).toBe('Astro directive `set:html` is not allowed in a post-mortem');
    expect(problems.find((p) => p.rule === 'image-asset' && p.message.includes('evil.svg'))?.message).toBe('SVG `./evil.svg` is refused: it contains `<script>`, which can run, load or link');
    expect(problems.find((p) => p.rule === 'schema' && p.line === 26)?.message).toContain("`javascript:window.__pwned='frontmatter'`");
    for (const problem of problems) expect(problem.hint.length, problem.message).toBeGreaterThan(10);
  });
});

describe('unsafe-html is what the sanitizer removes', () => {
  const removedFrom = (markdown: string) => {
    const trees = parseBody(markdown, false);
    if (isParseError(trees)) throw new Error(trees.message);
    return findRemoved(trees.hast).map((removed) => `${removed.snippet}@${removed.line}`);
  };
  const rendered = (markdown: string) => {
    const trees = parseBody(markdown, false);
    if (isParseError(trees)) throw new Error(trees.message);
    return toHtml(sanitizeTree(trees.hast));
  };

  it('reports nothing for what GitHub allows, and renders it unchanged', () => {
    const markdown = '## Heading\n\n| a | b |\n|---|---|\n| `x` | **y** |\n\n- [ ] task\n\n<details><summary>More</summary>\n\n<kbd>Ctrl</kbd> <sub>1</sub> <img src="./a.png" alt="a" width="10"></details>\n\n[web](https://a.example) [mail](mailto:a@b.example) [rel](../x) [top](#top)\n';
    expect(removedFrom(markdown)).toEqual([]);
    const html = rendered(markdown);
    for (const kept of ['<table>', '<kbd>Ctrl</kbd>', '<details>', 'href="https://a.example"', 'href="mailto:a@b.example"', 'href="../x"', 'href="#top"', 'src="./a.png"', 'type="checkbox"']) {
      expect(html).toContain(kept);
    }
  });

  it('reports exactly each removed element and attribute, with its line, and the rendering lacks them', () => {
    const markdown = 'Text\n\n<div style="color:red" onclick="x()">a</div>\n\n<form action="/x"><button>Go</button></form>\n\n[x](data:text/html,hi)\n';
    expect(removedFrom(markdown)).toEqual(['style="color:red"@3', 'onclick="x()"@3', '<form>@5', '<button>@5', 'href="data:text/html,hi"@7']);
    expect(rendered(markdown)).not.toMatch(/style=|onclick|<form|<button|data:/);
  });

  it('ignores markup in code spans and blocks, and user ids only get a prefix (not a removal)', () => {
    expect(removedFrom('Use `<script>` tags? No.\n\n```html\n<iframe src="javascript:x"></iframe>\n```\n\n<a id="top">top</a>\n')).toEqual([]);
  });

  it('runs on .md files only when something could be removed (plain text with web links is not parsed)', () => {
    const text = '---\n---\n## Summary\n\nSee [the ticket](https://t.example/1) and <u>this</u>.\n';
    const problems = validatePostmortems([parsePostmortem('postmortem-2026-03-14-x.md', text)]).files[0]!.problems.filter((p) => p.rule === 'unsafe-html');
    expect(problems.map((p) => `${p.message}@${p.line}`)).toEqual(['`<u>` in the body is removed when the page is rendered@5']);
  });
});

describe('link policy', () => {
  it('allows http(s), mailto, relative and # links only, exactly as the sanitizer does', () => {
    for (const url of ['https://a.example/x', 'http://a.example', 'mailto:a@b.example', '../x.md', './a', 'x/y', '#s', '/abs', '?q=1']) expect(isAllowedLink(url), url).toBe(true);
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:x', 'java\tscript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x', 'HTTPS://a.example']) {
      expect(isAllowedLink(url), url).toBe(false);
    }
  });
});
