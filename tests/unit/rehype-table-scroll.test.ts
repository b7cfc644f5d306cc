/** The prose table plugin: every table in a labelled scroll box, cells labelled for phone cards, tokens marked. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeTableScroll } from '../../src/lib/site/rehype-table-scroll.ts';

const html = (markdown: string) =>
  String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeTableScroll).use(rehypeStringify).processSync(markdown));

const ACTION_ITEMS = `## Action Items

| Action | Owner | Due Date | Status | Ticket |
|---|---|---|---|---|
| Add an alert on \`evicted_keys\` | @platform-team | 2025-12-17 | IN PROGRESS | [OPS-1673](https://tracker.example.com/OPS-1673) |
`;

describe('rehypeTableScroll', () => {
  it('puts a table in a focusable region named after its section, with the hint', () => {
    const out = html(ACTION_ITEMS);
    expect(out).toContain('<div class="table-scroll table-scroll--cards" data-table-scroll="">');
    expect(out).toContain('<p class="table-scroll__hint" aria-hidden="true">Scroll sideways →</p>');
    expect(out).toMatch(/<div class="table-scroll__region" role="region" tabindex="0" aria-label="Action Items table"><table>/);
  });

  it('labels each body cell with its column and keeps dates, owners and tickets whole', () => {
    const out = html(ACTION_ITEMS);
    expect(out).toContain('<td data-label="Owner" class="cell-token">@platform-team</td>');
    expect(out).toContain('<td data-label="Due Date" class="cell-token">2025-12-17</td>');
    expect(out).toMatch(/<td data-label="Ticket" class="cell-token"><a href="[^"]+">OPS-1673<\/a><\/td>/);
    // Several words: free to wrap.
    expect(out).toContain('<td data-label="Status">IN PROGRESS</td>');
  });

  it('keeps tables of fewer than four columns as tables on phones, and names a table without a heading plainly', () => {
    const out = html('| Time | Event |\n|---|---|\n| 07:04 | Paged |\n');
    expect(out).toContain('<div class="table-scroll" data-table-scroll="">');
    expect(out).toContain('aria-label="Table"');
  });
});
