/**
 * The body scanners' shortcuts (docs/PERFORMANCE.md, tenth validate round) read exactly what the
 * plain readings read: the section reader's block lines without a pattern, code blanked without
 * splitting a body that holds no fence, tables measured without splitting rows too short to matter,
 * and the fence check skipped where no fence can open.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/lib/postmortem/archive/archive.ts';
import { blockLines, blockLinesByPattern } from '../../src/lib/postmortem/parsing/block-lines.ts';
import { closesFence, fenceOpening, mayHoldFence } from '../../src/lib/postmortem/parsing/fences.ts';
import { linesOf } from '../../src/lib/postmortem/parsing/lines.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { blankCode } from '../../src/lib/postmortem/parsing/prose.ts';
import { tableShapes } from '../../src/lib/postmortem/parsing/tables.ts';
import { findDeepNesting, findDenseBrackets } from '../../src/lib/postmortem/safety/nesting.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const bodies = expandPaths(['valid', 'invalid', 'awkward', 'hostile', 'hostile-input', 'site', 'plain', 'blameless'].map((dir) => path.join(FIXTURES, dir)))
  .files.map((file) => parsePostmortem(file, readFileSync(file, 'utf8')).body);

/** Markdown made of the pieces the scanners branch on. */
const markdownish = fc
  .array(fc.constantFrom('\n', '\n\n', ' ', '   ', '    ', '#', '## ', '`', '``', '```', '~', '~~~', '````', '|', ' | ', '|---|---|', '\\|', '- ', '> ', '1. ', ']', '[a](b)', 'x', 'word', 'a longer cell of text', '\r', '\u2028', '\u2029', '\t'), { maxLength: 200 })
  .map((parts) => parts.join(''));

/** blankCode as first written (every line split out and checked for a fence): the reference for the shortcut. */
function blankCodeAsFirstWritten(markdown: string): string {
  let fence: string | null = null;
  const kept = markdown.split('\n').map((line) => {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      return ' '.repeat(line.length);
    }
    fence = fenceOpening(line);
    return fence ? ' '.repeat(line.length) : line;
  });
  return kept.map((line) => blankCodeSpansAsFirstWritten(line)).join('\n');
}

/** Code spans blanked by pairing each run of backticks with the next run of its length. */
function blankCodeSpansAsFirstWritten(line: string): string {
  const runs = [...line.matchAll(/`+/g)].map((run) => ({ start: run.index, end: run.index + run[0].length }));
  let out = '';
  let copied = 0;
  for (let i = 0; i < runs.length; i += 1) {
    const close = runs.findIndex((run, at) => at > i && run.end - run.start === runs[i]!.end - runs[i]!.start);
    if (close === -1) continue;
    out += line.slice(copied, runs[i]!.start) + ' '.repeat(runs[close]!.end - runs[i]!.start);
    copied = runs[close]!.end;
    i = close;
  }
  return out + line.slice(copied);
}

describe('block lines without a pattern', () => {
  it('finds what the multiline pattern finds, on every fixture body', () => {
    for (const body of bodies) expect(blockLines(body)).toEqual(blockLinesByPattern(body));
  });

  it('finds what the multiline pattern finds, on generated Markdown', () => {
    fc.assert(fc.property(markdownish, (body) => {
      expect(blockLines(body)).toEqual(blockLinesByPattern(body));
    }), { numRuns: 1000 });
  });

  it('starts a line after U+2028 as the pattern does, and counts only line feeds', () => {
    expect(blockLines('a\u2028## B\nc\n # D')).toEqual([{ line: 0, index: 2, text: '## B' }, { line: 2, index: 9, text: ' # D' }]);
  });
});

describe('code blanked without splitting a body that holds no fence', () => {
  it('blanks as the line-by-line reading does, on every fixture body and on generated Markdown', () => {
    for (const body of bodies) expect(blankCode(body)).toBe(blankCodeAsFirstWritten(body));
    fc.assert(fc.property(markdownish, (body) => {
      expect(blankCode(body)).toBe(blankCodeAsFirstWritten(body));
    }), { numRuns: 1000 });
  });

  it('blanks spans on the first and the last line, and keeps lines without a backtick', () => {
    expect(blankCode('`a` b\nno code\nc `d`')).toBe('    b\nno code\nc    ');
    expect(blankCode('x ``a`` `b\n`c`')).toBe('x       `b\n   ');
  });
});

describe('fence checks skipped where no fence can open', () => {
  it('is false only for text without ``` or ~~~', () => {
    fc.assert(fc.property(markdownish, (text) => {
      if (!mayHoldFence(text)) expect(text.split('\n').some((line) => fenceOpening(line) !== null)).toBe(false);
    }), { numRuns: 1000 });
  });

  it('leaves the nesting and bracket limits where they were', () => {
    fc.assert(fc.property(markdownish, fc.integer({ min: 1, max: 4 }), (text, limit) => {
      const lines = linesOf(text);
      expect(findDeepNesting(lines, limit, mayHoldFence(text))).toEqual(findDeepNesting(text.split('\n'), limit));
      expect(findDenseBrackets(lines, limit, mayHoldFence(text))).toEqual(findDenseBrackets(text.split('\n'), limit));
    }), { numRuns: 1000 });
  });
});

describe('table shapes measured only where a cell can be long enough', () => {
  const rows = fc.array(fc.array(fc.constantFrom('', 'a', 'bb', 'a longer cell', 'the longest cell of them all', '`x \\| y`', ' padded '), { minLength: 1, maxLength: 4 }), { maxLength: 8 });
  const tables = fc.array(rows, { minLength: 1, maxLength: 3 }).map((list) => list
    .map((body) => `| h1 | h2 |\n|---|---|\n${body.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}`)
    .join('\n\ntext\n\n'));

  it('gives the rows, columns and lines, and the longest cell whenever it is over the threshold', () => {
    fc.assert(fc.property(tables, fc.integer({ min: 0, max: 40 }), (markdown, over) => {
      const exact = tableShapes(markdown, 5);
      const measured = tableShapes(markdown, 5, over);
      expect(measured.map(({ longestCell, ...shape }) => shape)).toEqual(exact.map(({ longestCell, ...shape }) => shape));
      measured.forEach((shape, at) => {
        if (exact[at]!.longestCell.length > over) expect(shape.longestCell).toEqual(exact[at]!.longestCell);
        else expect(shape.longestCell.length).toBeLessThanOrEqual(over);
      });
    }), { numRuns: 500 });
  });

  it('reports the first of the longest cells, header included', () => {
    const markdown = '| a | bbbb |\n|---|---|\n| cc | dddd |\n| eeeee | f |\n| ggggg | h |\n| i |';
    expect(tableShapes(markdown, 1)[0]!.longestCell).toEqual({ line: 4, length: 5, text: 'eeeee' });
    expect(tableShapes(markdown, 1, 4)[0]!.longestCell).toEqual({ line: 4, length: 5, text: 'eeeee' });
    expect(tableShapes('| a | bbbb |\n|---|---|\n| cc | dd |', 1)[0]!.longestCell).toEqual({ line: 1, length: 4, text: 'bbbb' });
  });
});
