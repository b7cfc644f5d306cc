/**
 * countWhySteps reads a section without GFM when none of GFM's extensions can start in it
 * (why-steps.ts, GFM_TRIGGER): held here to the GFM reading, tree for tree, on every
 * section of every fixture, the shipped examples and a generated archive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generatePostmortems } from '../../scripts/bench/generate.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parse.ts';
import { countWhySteps, readFiveWhys } from '../../src/lib/postmortem/why-steps.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : /\.mdx?$/.test(name) ? [full] : [];
  });
}

const texts = [
  ...markdownFiles('tests/fixtures').concat(markdownFiles('docs/spec/.llm/completed')).map((file) => ({ name: file, text: readFileSync(file, 'utf8') })),
  ...generatePostmortems(60).map((pm) => ({ name: pm.fileName, text: pm.text })),
];
// Sections up to 16 KB: the 128 KiB hostile runs take seconds a parse and test the parser, not this choice.
const sections = texts.flatMap(({ name, text }) => parsePostmortem(name, text).sections.map((section) => ({ name: `${name} § ${section.key}`, markdown: section.text }))).filter(({ markdown }) => markdown.length <= 16_384);
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMark = unified().use(remarkParse).freeze();
/** A result or the error it throws, as text: hostile input may overflow the parser's stack either way. */
function outcome(read: () => unknown): string {
  try {
    return String(read());
  } catch (error) {
    return `throws ${error instanceof Error ? error.name : String(error)}`;
  }
}
const TRIGGER = /[|~[@]|www\.|https?:/i;

describe('countWhySteps without GFM where GFM cannot start', () => {
  it('reads the same tree as GFM for every section without a trigger, and the same count for every section', () => {
    let plain = 0;
    for (const { name, markdown } of sections) {
      expect(outcome(() => countWhySteps(markdown)), name).toBe(outcome(() => (/why/i.test(markdown) ? (readFiveWhys(gfm.parse(markdown).children)?.steps ?? 0) : 0)));
      if (TRIGGER.test(markdown)) continue;
      plain += 1;
      // As text: hostile fixtures nest deeper than a recursive comparison goes.
      expect(outcome(() => JSON.stringify(commonMark.parse(markdown))), name).toBe(outcome(() => JSON.stringify(gfm.parse(markdown))));
    }
    // The comparison means something only if many sections take the path without GFM.
    expect(plain).toBeGreaterThan(500);
  });

  it('a trigger is needed: each GFM construct parses differently without GFM', () => {
    for (const markdown of ['| a | b |\n| - | - |\n| 1 | 2 |', '~~gone~~', 'see [^1]\n\n[^1]: note', '- [ ] Why? a task', 'www.example.com', 'https://example.com', 'ops@example.com']) {
      expect(TRIGGER.test(markdown), markdown).toBe(true);
      expect(commonMark.parse(markdown), markdown).not.toEqual(gfm.parse(markdown));
    }
  });
});
