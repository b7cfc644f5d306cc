/**
 * Property-based tests: whatever text arrives, parsing and validating never
 * throws, always answers, and stays fast (no catastrophic backtracking).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validate.ts';
import { FIXTURES } from './helpers/validate-files.ts';

const VALID = readFileSync(path.join(FIXTURES, 'valid/postmortem-2026-03-14-report-export-timeouts.md'), 'utf8');
const NAME = 'postmortem-2026-03-14-report-export-timeouts.md';
const BUDGET_MS = 100;

/**
 * Parses and validates; returns the CPU time this process spent (not wall-clock time, which other processes on a
 * busy machine would inflate). A slow run is re-timed so a GC pause is not mistaken for a slow regex.
 */
function checkWithin(text: string): number {
  const once = () => {
    const start = process.cpuUsage();
    const result = validatePostmortems([parsePostmortem(NAME, text)]);
    expect(result.files).toHaveLength(1);
    expect(typeof result.files[0]!.valid).toBe('boolean');
    for (const problem of result.files[0]!.problems) {
      expect(problem.line).toBeGreaterThanOrEqual(1);
      expect(problem.message).toBeTruthy();
    }
    const spent = process.cpuUsage(start);
    return (spent.user + spent.system) / 1000;
  };
  const first = once();
  return first < BUDGET_MS ? first : Math.min(first, once(), once(), once(), once());
}

/** Markdown-ish pieces that exercise the parser's branches. */
const token = fc.constantFrom(
  '---', '\n', '\n\n', '## ', '### ', '#', '|', ' | ', '|---|---|', '```', '~~~', '`', '**', 'Why? -> ', 'Root Cause:', '<script>', '</script>',
  'onerror=', 'javascript:', '2026-03-14', '09:12', '24:99', '2026-13-45', 'SEV-2', 'title: ', 'date: ', '\t', '- ', '1. ', '[x](y)', ' ', 'é', '\uFEFF', '\r\n', '\u0000',
  'Summary', 'Timeline', 'Action Items', 'TODO', "WON'T DO", ':', '{', '[', '&', '*', '!',
);
const markdownish = fc.array(fc.oneof(token, fc.string({ maxLength: 20 })), { maxLength: 400 }).map((parts) => parts.join(''));

/** A mutation of the valid post-mortem: replace, insert or delete a slice. */
const mutation = fc.record({
  at: fc.nat({ max: VALID.length }),
  remove: fc.nat({ max: 200 }),
  insert: fc.oneof(token, fc.string({ maxLength: 40 }), markdownish),
});

describe('parser and rules, on arbitrary input', () => {
  it('never throw and always answer on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (text) => void checkWithin(text)), { numRuns: 300 });
  });

  it('never throw on markdown-shaped noise', () => {
    fc.assert(fc.property(markdownish, (text) => void checkWithin(text)), { numRuns: 300 });
  });

  it('never throw on mutations of a valid post-mortem, and stay under 100 ms for a 10 KB file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = VALID;
        for (const { at, remove, insert } of mutations) text = text.slice(0, at) + insert + text.slice(at + remove);
        const padded = text + '\n'.padEnd(Math.max(0, 10_240 - text.length), 'x');
        expect(checkWithin(padded)).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 200 },
    );
  });

  it('stay fast on adversarial repetitions of 10 KB', () => {
    const adversarial = ['<a '.repeat(3500), '`'.repeat(10_000), '| '.repeat(5000), '#'.repeat(10_000), ' '.repeat(10_000) + '#', 'Why? '.repeat(2000), '---\n' + 'a: ['.repeat(2500), '[x]('.repeat(2500), '<script'.repeat(1500), '**'.repeat(5000)];
    for (const text of adversarial) expect(checkWithin(text), text.slice(0, 12)).toBeLessThan(BUDGET_MS);
  });
});
