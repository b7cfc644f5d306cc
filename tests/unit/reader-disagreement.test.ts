/**
 * readerDisagreement's shortcuts: a line of printable ASCII and tabs skips the control-character pattern,
 * and a line without `!` skips the tag pattern; every other line is still read by both.
 */
import { describe, expect, it } from 'vitest';
import { readerDisagreement } from '../../src/lib/postmortem/parsing/frontmatter.ts';

const block = (line: string) => `---\ntitle: A\n${line}\n---\nbody\n`;

describe('frontmatter lines the site reads differently', () => {
  it.each([
    ['\u0001', 4], ['\u001b', 4], ['\u007f', 4], ['\u0084', 4], ['\u009f', 4], ['\ufffe', 4], ['\uffff', 4], ['\ud800', 4], ['\udc00', 4],
  ])('finds the control character %j after plain text', (char, column) => {
    expect(readerDisagreement(block(`a: ${char}x`))).toMatchObject({ line: 3, column });
  });

  it.each([['tabs', 'a:\tb\t'], ['NEL', 'a: b\u0085'], ['a pair of surrogates', 'a: 🙂'], ['accents', 'a: é'], ['a quoted !', 'a: "x!y"'], ['a ! inside a word', 'a: x!y']])('accepts %s', (_, line) => {
    expect(readerDisagreement(block(line))).toBeNull();
  });

  it('finds a tag after a key, a dash or a bracket', () => {
    expect(readerDisagreement(block('a: !custom x'))).toMatchObject({ line: 3, column: 1 });
    expect(readerDisagreement(block('- !!binary x'))).toMatchObject({ line: 3 });
    expect(readerDisagreement(block('a: [x, !t y]'))).toMatchObject({ line: 3 });
  });

  it('strips one carriage return before a line feed', () => {
    expect(readerDisagreement('---\r\ntitle: A\r\n---\r\n')).toBeNull();
    expect(readerDisagreement('---\ntitle: A\r\r\n---\n')).toMatchObject({ line: 2, column: 9 });
  });
});
