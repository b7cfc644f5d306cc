/**
 * The 5 Whys in every shape authors write them: one reading (readFiveWhys) for
 * rule five-whys and for the page, which renders each shape as one ordered list.
 */
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkFiveWhys from '../../src/lib/markdown/remark-five-whys.ts';
import { countWhySteps } from '../../src/lib/postmortem/parsing/why-steps.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { fiveWhys } from '../../src/lib/postmortem/rules/five-whys.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

async function render(section: string): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFiveWhys).use(remarkRehype);
  const tree = await processor.run(processor.parse(`# Title\n\n## Root Cause\n\n${section}\n\n## Contributing Factors\n\n- Something else.\n`) as Root);
  return toHtml(tree as never);
}

const SHAPES: Record<string, string> = {
  'arrow lines in one paragraph': 'Problem: the API failed.\n\nWhy? → the pool was full.\nWhy? → connections were held open.\nWhy? → uploads ran inside a transaction.\n\nRoot Cause: transactions held across network I/O.',
  'arrow lines with the conclusion in the same paragraph': 'Problem: the API failed.\nWhy? -> the pool was full.\nWhy? -> connections were held open.\nWhy? -> uploads ran inside a transaction.\nRoot Cause: transactions held across network I/O.',
  'one paragraph per step': 'Why? → the pool was full.\n\nWhy? → connections were held open.\n\nWhy? → uploads ran inside a transaction.\n\n**Root Cause:** transactions held across network I/O.',
  bullets: '- Why? the pool was full.\n- Why? connections were held open.\n- Why? uploads ran inside a transaction.\n- **Root Cause:** transactions held across network I/O.',
  numbers: '1. Why? -> the pool was full.\n2. Why? -> connections were held open.\n3. Why? -> uploads ran inside a transaction.\n\nRoot Cause: transactions held across network I/O.',
  'bold questions with answers beside': '**Why did the API fail?** The pool was full.\n\n**Why was the pool full?** Connections were held open.\n\n**Why were they held?** Uploads ran inside a transaction.\n\nRoot Cause: transactions held across network I/O.',
  'bold questions with answers below': '**Why did the API fail?**\n\nThe pool was full.\n\n**Why was the pool full?**\n\nConnections were held open.\n\n**Why were they held?**\n\nUploads ran inside a transaction.\n\nRoot Cause: transactions held across network I/O.',
  table: '| # | Why? | Answer |\n|---|------|--------|\n| 1 | Why did the API fail? | The pool was full. |\n| 2 | Why was the pool full? | Connections were held open. |\n| 3 | Why were they held? | Uploads ran inside a transaction. |\n\nRoot Cause: transactions held across network I/O.',
};

describe('the 5 Whys, in every shape', () => {
  for (const [shape, section] of Object.entries(SHAPES)) {
    it(`${shape}: three steps, rendered as one ordered list of three, the conclusion kept after it`, async () => {
      expect(countWhySteps(section)).toBe(3);
      const html = await render(section);
      expect(html.match(/<ol[\s>]/g)).toHaveLength(1);
      const list = html.slice(html.indexOf('<ol'), html.indexOf('</ol>'));
      expect(list.match(/<li[\s>]/g)).toHaveLength(3);
      expect(list).toContain('the pool was full'.slice(4));
      expect(list).toContain('nside a transaction');
      // The conclusion stays outside the list, after it; the next section is untouched.
      expect(html.indexOf('transactions held across network I/O')).toBeGreaterThan(html.indexOf('</ol>'));
      expect(html).toContain('<li>Something else.</li>');
    });
  }

  it('keeps a Problem line before the list and leaves a section without whys alone', async () => {
    const html = await render(SHAPES['arrow lines with the conclusion in the same paragraph']!);
    expect(html.indexOf('Problem: the API failed.')).toBeLessThan(html.indexOf('<ol'));
    expect(await render('The disk filled up. Nothing else to say.')).not.toContain('<ol');
    expect(countWhySteps('The disk filled up.')).toBe(0);
  });

  it('rule five-whys counts what the page lists: a table chain passes, two steps do not', () => {
    const file = (section: string) =>
      parsePostmortem('postmortem-2026-03-14-x.md', `---\ntitle: X\nstatus: final\n---\n\n## Root Cause\n\n${section}\n`);
    expect(fiveWhys.check(file(SHAPES.table!), DEFAULT_CHECK_SETTINGS)).toEqual([]);
    expect(fiveWhys.check(file(SHAPES['bold questions with answers below']!), DEFAULT_CHECK_SETTINGS)).toEqual([]);
    const two = fiveWhys.check(file('Why? → a.\nWhy? → b.\n\nRoot Cause: c.'), DEFAULT_CHECK_SETTINGS);
    expect(two.map((finding) => finding.message)).toEqual(['the 5 Whys chain has 2 "Why?" steps; at least 3 are needed']);
  });
});
