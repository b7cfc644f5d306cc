/**
 * plainText's shortcut (plain-text-shortcut.ts) reads prose and simple lists
 * without a parse. Where it answers, it must say what the full GFM parse says:
 * on generated line shapes built to sit on its rules' edges, and on every
 * section of every fixture, shipped example and generated post-mortem.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextFromTree } from '../../src/lib/postmortem/parsing/plain-text.ts';
import { shortcutText } from '../../src/lib/postmortem/parsing/plain-text-shortcut.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { generatePostmortems } from '../../scripts/bench/generate.ts';

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The shortcut's answer collapsed, or null where it leaves the text to the parser. */
function shortcut(markdown: string): string | null {
  const text = shortcutText(markdown);
  return text === null ? null : collapse(text);
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name));
}

/** Every section's text and every body: fixtures, the shipped examples and 300 generated post-mortems. */
function corpus(): string[] {
  const files = [...markdownFiles('tests/fixtures'), ...markdownFiles('docs/spec/.llm/completed')].map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  const generated = generatePostmortems(300).map((pm) => ({ file: pm.fileName, text: pm.text }));
  return [...files, ...generated].flatMap(({ file, text }) => {
    const pm = parsePostmortem(file, text);
    return [pm.body, ...pm.sections.map((section) => section.text)];
  });
}

const LIST_LINE = /^(?:[-+*]|\d{1,9}[.)]) /m;

describe('plainText shortcut', () => {
  it('answers exactly as the GFM parse on line shapes at the edges of its rules', () => {
    // Mostly what the shortcut accepts, so that it answers often and its edges get tried; some of what it must refuse.
    const prefix = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('', '- ', '* ', '+ ', '1. ', '2. ', '10. ', '3) ', '1)  ', '-    ', '') },
      { weight: 1, arbitrary: fc.constantFrom('-     ', '-', '1.', ' ', '  ', '   ', '    ', '\t', '   \t', '- - - ', '* * *', '---', '===', '- 1. ', '- - ', '> ', '# ', '-\t') },
    );
    const word = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('a', 'Bb', '42', '2.', '1)', 'x.', '-', '+', '=', '`c`', '`*_`', '` x `', '@h', 'é', '->', 'a>b', '**b**', '**B c**:', '**R:**', '**x.**.', '**', ' ', '  ') },
      { weight: 1, arbitrary: fc.constantFrom('*em*', '_u_', '***t***', '**a_b**', '** s**', '**e **', 'w**b**', 'w**.b**', '**b**w', '**x.**w', '`c`**.b**', '`a', '``d``', 'a@b.co', 'www.x.io', '[l](u)', '&amp;', '\\', '<b>', '<', '<x@y.z>', '~', '|', '\t') },
    );
    const line = fc.tuple(prefix, fc.array(word, { maxLength: 5 })).map(([start, words]) => start + words.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const markdown = lines.join('\n');
        const text = shortcut(markdown);
        if (text !== null) expect(text, JSON.stringify(markdown)).toBe(plainTextFromTree(markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['- first `a_b`\n- second\n\nAfter it.', 'first a_b second After it.'],
    ['1. one\n2. two\n7. seven', 'one two seven'],
    ['3) three\n\n- dash\n\n+ plus', 'three dash plus'],
    ['- to @owner with `code`', 'to @owner with code'],
    ['1. Why? -> `a` > b', 'Why? -> a > b'],
    ['- **Tenants affected**: 11 (2% of total)\n\n**Root Cause:** a `q`', 'Tenants affected: 11 (2% of total) Root Cause: a q'],
  ])('reads %j without a parse', (markdown, text) => {
    expect(shortcut(markdown)).toBe(text);
    expect(plainTextFromTree(markdown)).toBe(text);
  });

  it.each([
    ['a paragraph, then `2.` (a lazy continuation)', 'Prose.\n2. not an item'],
    ['a paragraph, then an item', 'Prose.\n- item'],
    ['an item, then prose (a lazy continuation)', '- item\nmore'],
    ['mixed markers', '- a\n* b'],
    ['mixed delimiters', '1. a\n2) b'],
    ['a nested list', '- a\n  - b'],
    ['an item holding a list', '- 1. a'],
    ['a thematic break', '- - -'],
    ['an empty item', '- a\n-'],
    ['five spaces after the marker (indented code)', '-     code'],
    ['a tab after the marker', '-\tcode'],
    ['a setext underline', 'Title\n==='],
    ['emphasis in an item', '- *a*'],
    ['a quote in an item', '- > a'],
    ['bold against a code span', '**a**`b`'],
    ['bold inside a word', 'x**a** b'],
    ['an autolink', 'a <https://x.io> -> b'],
  ])('leaves %s to the parser', (_, markdown) => {
    expect(shortcut(markdown)).toBeNull();
  });

  it('agrees with the parse on every section of the fixtures, the shipped examples and 300 generated post-mortems', () => {
    let answered = 0;
    let lists = 0;
    const texts = corpus();
    for (const markdown of texts) {
      const text = shortcut(markdown);
      if (text === null) continue;
      answered += 1;
      if (LIST_LINE.test(markdown)) lists += 1;
      expect(text, markdown).toBe(plainTextFromTree(markdown));
    }
    // The comparison means something only if the shortcut answers for many texts, lists among them.
    expect(texts.length).toBeGreaterThan(3000);
    expect(answered).toBeGreaterThan(texts.length / 4);
    expect(lists).toBeGreaterThan(500);
  });
});
