/**
 * countWhySteps reads a section without GFM when none of GFM's extensions can start in it
 * (why-steps.ts, GFM_TRIGGER), and reads the plain shape line by line (why-steps-lines.ts):
 * both held here to the parsers, tree for tree, on every section of every fixture, the
 * shipped examples and a generated archive.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { generatePostmortems } from '../../scripts/bench/generate.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { countWhySteps, readFiveWhys } from '../../src/lib/postmortem/parsing/why-steps.ts';
import { readPlainBlocks } from '../../src/lib/postmortem/parsing/why-steps-lines.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? markdownFiles(full) : /\.mdx?$/.test(name) ? [full] : [];
  });
}

const sources = [
  ...[...new Set(markdownFiles('tests/fixtures').map((file) => path.dirname(file)))].map((dir) => ({ group: dir, texts: readdirSync(dir).filter((name) => /\.mdx?$/.test(name)).map((name) => ({ name: path.join(dir, name), text: readFileSync(path.join(dir, name), 'utf8') })) })),
  { group: 'docs/spec/.llm/completed', texts: markdownFiles('docs/spec/.llm/completed').map((file) => ({ name: file, text: readFileSync(file, 'utf8') })) },
  { group: '60 generated', texts: generatePostmortems(60).map((pm) => ({ name: pm.fileName, text: pm.text })) },
];
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();
const commonMark = unified().use(remarkParse).freeze();
const TRIGGER = /[|~[@]|www\.|https?:/i;
const withoutPositions = (key: string, value: unknown) => (key === 'position' ? undefined : value);

/** A result or the error it throws, as text: hostile input may overflow the parser's stack either way. */
function outcome(read: () => unknown): string {
  try {
    return String(read());
  } catch (error) {
    return `throws ${error instanceof Error ? error.name : String(error)}`;
  }
}

const counted = { plain: 0, read: 0 };

describe('countWhySteps without GFM where GFM cannot start, and line by line where the shape is plain', () => {
  // Sections up to 8 KB: the 128 KiB hostile runs take seconds a parse and test the parser, not these choices.
  it.each(sources)('reads the trees and counts the parsers read: $group', ({ texts }) => {
    const sections = texts.flatMap(({ name, text }) => parsePostmortem(name, text).sections.map((section) => ({ name: `${name} § ${section.key}`, markdown: section.text })));
    for (const { name, markdown } of sections.filter((section) => section.markdown.length <= 8_192)) {
      let tree: Root | undefined;
      const expected = outcome(() => {
        tree = gfm.parse(markdown);
        return /why/i.test(markdown) ? (readFiveWhys(tree.children)?.steps ?? 0) : 0;
      });
      expect(outcome(() => countWhySteps(markdown)), name).toBe(expected);
      if (TRIGGER.test(markdown) || !tree) continue;
      counted.plain += 1;
      // As text: hostile fixtures nest deeper than a recursive comparison goes.
      const gfmTree = tree;
      expect(outcome(() => JSON.stringify(commonMark.parse(markdown))), name).toBe(outcome(() => JSON.stringify(gfmTree)));
      const lines = readPlainBlocks(markdown);
      if (!lines) continue;
      counted.read += 1;
      expect(JSON.stringify(lines), name).toBe(JSON.stringify(gfmTree.children, withoutPositions));
    }
  });

  it('took both paths often enough to mean something', () => {
    expect(counted.plain).toBeGreaterThan(500);
    // The line reader takes (at least) the generated archive's Root Cause sections.
    expect(counted.read).toBeGreaterThan(60);
  });

  it('reads hand-picked edge shapes as the parser does, or leaves them to it', () => {
    const shapes = [
      '1. Why? a\n2. Why? b\n\n3. Why? c',
      '3. Why? a\nwrapped answer\n4. Why? b\nRoot Cause: x',
      'Problem: a\n2. Why? not a list here',
      'Problem: a\n1. Why? a list may start here',
      '1) Why? other delimiter',
      '1. Why? `` `code` `` and ` spaced `',
      '1. Why?   three spaces',
      '**Why did it fail?**\n\nThe pool was full.',
      '**Root Cause:**\nnext line',
      '**Root Cause :** odd label',
      '**Root Cause:**x no space',
      'Why? a *b* c',
      'Why? a  \nhard break',
      '  Why? indented',
      'Why? a\n\n    code',
      'Why? a\n===',
      '1. Why? a\n   indented continuation',
      'Why? &amp; entity',
      '2026. Why? a year',
      '1. Why? `run_after` and `*x*` and `[a](b)` and `<b>` in code',
      '1. Why? ` ` and `  a  ` spaces',
      'Why? a `b` c `d',
      'Why? \\`not code`',
      'Why? a_b *c* outside code',
    ];
    let read = 0;
    for (const markdown of shapes) {
      const lines = readPlainBlocks(markdown);
      if (!lines) continue;
      read += 1;
      expect(JSON.stringify(lines), markdown).toBe(JSON.stringify(commonMark.parse(markdown).children, withoutPositions));
    }
    expect(read).toBeGreaterThan(5);
  });

  it('a trigger is needed: each GFM construct parses differently without GFM', () => {
    for (const markdown of ['| a | b |\n| - | - |\n| 1 | 2 |', '~~gone~~', 'see [^1]\n\n[^1]: note', '- [ ] Why? a task', 'www.example.com', 'https://example.com', 'ops@example.com']) {
      expect(TRIGGER.test(markdown), markdown).toBe(true);
      expect(commonMark.parse(markdown), markdown).not.toEqual(gfm.parse(markdown));
    }
  });
});
