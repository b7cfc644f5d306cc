/**
 * Bodies rendered by Astro's own Markdown processor with the site's markdown
 * options from astro.config.mjs: what a page gets, without a full build.
 */
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import astroConfig from '../../astro.config.mjs';
import { FIXTURES } from './helpers/validate-files.ts';

const processor = await createMarkdownProcessor(astroConfig.markdown as Parameters<typeof createMarkdownProcessor>[0]);
const render = async (markdown: string, file = path.join(FIXTURES, 'hostile/archive/postmortem-2026-03-14-x.md')) =>
  (await processor.render(markdown, { fileURL: new URL(`file://${file}`) } as never)).code;

describe('the site renders post-mortem bodies through the allowlist', () => {
  it('keeps GitHub-flavoured Markdown: tables, task lists, highlighted code, heading anchors, web links', async () => {
    const html = await render('## Root Cause\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```sql\nSELECT 1;\n```\n\n[ticket](https://t.example/1)\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> done</li>');
    expect(html).toMatch(/<pre class="language-sql" data-language="sql"><code class="language-sql"><span class="token keyword">SELECT<\/span>/);
    expect(html).toContain('<h2 id="root-cause">Root Cause</h2><a class="heading-anchor" href="#root-cause">');
    expect(html).toContain('<a href="https://t.example/1">ticket</a>');
    expect(html).not.toContain('style=');
  });

  it('removes scripts, styles, handlers, forms and script URLs from raw HTML and Markdown alike', async () => {
    const html = await render('<script>alert(1)</script><style>p{}</style>\n\n<p style="color:red" onclick="x()" class="site-header">a</p>\n\n<form><button formaction="javascript:x()">b</button></form>\n\n[c](javascript:alert(1)) <a href="JaVaScRiPt&#58;x">d</a>\n');
    expect(html).not.toMatch(/<script|<style|style=|onclick|class="site-header|<form|<button|formaction|javascript/i);
    expect(html).toContain('<a>c</a>');
  });

  it('keeps the template sections\' heading ids and prefixes every other, so none can take an id the page uses', async () => {
    const html = await render('## Timeline\n\n### Root Cause (5 Whys)\n\n## Main\n\n### PM links\n\n#### Related incidents\n\n##### Section main\n');
    const ids = [...html.matchAll(/<h\d id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids).toEqual(['timeline', 'root-cause-5-whys', 'section-main', 'section-pm-links', 'section-related-incidents', 'section-section-main']);
    expect(html).toContain('href="#section-main"');
  });

  it('keeps footnotes working although the sanitizer prefixes ids', async () => {
    const html = await render('A claim.[^1]\n\n[^1]: The source.\n');
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const target of targets) expect(ids, target).toContain(target);
  });

  it('parses raw HTML and fixes in-page links however deep in the body they are', async () => {
    const html = await render('> - item <kbd>Ctrl</kbd>\n>   - [to the note](#note) <span id="note">n</span>\n');
    expect(html).toContain('<kbd>Ctrl</kbd>');
    expect(html).toContain('<a href="#user-content-note">to the note</a> <span id="user-content-note">n</span>');
  });

  it('leaves refused images out, keeping their alt text, and never hands them to Astro', async () => {
    const result = await processor.render('![A diagram](./evil.svg) ![Safe](./good.svg) ![Gone](./missing.png)\n', {
      fileURL: new URL(`file://${path.join(FIXTURES, 'hostile/archive/postmortem-2026-03-20-assets.md')}`),
    } as never);
    expect(result.code).toContain('[image: A diagram]');
    expect(result.code).toContain('[image: Gone]');
    expect(result.metadata.localImagePaths).toEqual(['./good.svg']);
  });

  it('keeps only the srcset images that src would accept, written out again as parsed', async () => {
    const html = await render(
      '<picture><source srcset="data:image/svg+xml;base64,PHN2Zz4=, ./good.svg 2x"><source srcset="javascript:alert(1) 1x, https://evil.example/a.png 2x"><img src="./good.svg" alt="a"></picture>\n',
      path.join(FIXTURES, 'hostile/archive/postmortem-2026-03-20-assets.md'),
    );
    // The data: URL ends at its comma, as in a browser: the SVG after it is a candidate of its own.
    expect(html).toContain('<picture><source srcset="./good.svg 2x"><source><img src="./good.svg" alt="a"></picture>');
    expect(html).not.toMatch(/data:|javascript:|evil\.example/);
    const kept = await render('<picture><source srcset=" ./good.svg  2x ,./good.svg 1x"><img alt="b"></picture>\n', path.join(FIXTURES, 'hostile/archive/postmortem-2026-03-20-assets.md'));
    expect(kept).toContain('<source srcset="./good.svg 2x, ./good.svg 1x">');
  });
});
