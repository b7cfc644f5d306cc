/**
 * The body scanners' shortcuts (docs/PERFORMANCE.md, tenth validate round) read exactly what the
 * plain readings read: the section reader's block lines without a pattern.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPaths } from '../../src/lib/postmortem/archive/archive.ts';
import { blockLines, blockLinesByPattern } from '../../src/lib/postmortem/parsing/block-lines.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const bodies = expandPaths(['valid', 'invalid', 'awkward', 'hostile', 'hostile-input', 'site', 'plain', 'blameless'].map((dir) => path.join(FIXTURES, dir)))
  .files.map((file) => parsePostmortem(file, readFileSync(file, 'utf8')).body);

/** Markdown made of the pieces the scanners branch on. */
const markdownish = fc
  .array(fc.constantFrom('\n', '\n\n', ' ', '   ', '    ', '#', '## ', '`', '``', '```', '~', '~~~', '````', '|', ' | ', '|---|---|', '\\|', '- ', '> ', '1. ', ']', '[a](b)', 'x', 'word', 'a longer cell of text', '\r', '\u2028', '\u2029', '\t'), { maxLength: 200 })
  .map((parts) => parts.join(''));

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
