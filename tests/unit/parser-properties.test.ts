/**
 * Property-based tests: whatever text arrives, parsing and validating never
 * throws, always answers, and does work in proportion to the input (no
 * catastrophic backtracking). Speed itself is the bench's job (`npm run bench`):
 * a millisecond budget here failed on a busy machine (issue 14).
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

/** Parses and validates, and checks that the answer is whole. */
function check(text: string): void {
  const result = validatePostmortems([parsePostmortem(NAME, text)]);
  expect(result.files).toHaveLength(1);
  expect(typeof result.files[0]!.valid).toBe('boolean');
  for (const problem of result.files[0]!.problems) {
    expect(problem.line).toBeGreaterThanOrEqual(1);
    expect(problem.message).toBeTruthy();
  }
}

/**
 * CPU time (µs) of the cheapest of five parse + validate runs. CPU time leaves
 * out the time spent waiting for a busy machine; the cheapest run leaves out
 * a garbage collection that happened to fall inside one.
 */
function cpuCost(text: string): number {
  let cheapest = Infinity;
  for (let run = 0; run < 5; run++) {
    const before = process.cpuUsage();
    validatePostmortems([parsePostmortem(NAME, text)]);
    const used = process.cpuUsage(before);
    cheapest = Math.min(cheapest, used.user + used.system);
  }
  return cheapest;
}

/**
 * How many times more work a text 8 times longer may take. Linear work gives
 * about 8 (measured: 3 to 20 for the inputs below, tags a little
 * superlinear); a quadratic scan gives 64 and catastrophic backtracking far more.
 */
const GROWTH_LIMIT = 40;

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
    fc.assert(fc.property(fc.string({ maxLength: 2000 }), (text) => check(text)), { numRuns: 300 });
  });

  it('never throw on markdown-shaped noise', () => {
    fc.assert(fc.property(markdownish, (text) => check(text)), { numRuns: 300 });
  });

  it('never throw on mutations of a valid post-mortem, padded to 10 KB', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let text = VALID;
        for (const { at, remove, insert } of mutations) text = text.slice(0, at) + insert + text.slice(at + remove);
        check(text + '\n'.padEnd(Math.max(0, 10_240 - text.length), 'x'));
      }),
      { numRuns: 200 },
    );
  });

  it('do work in proportion to the input on adversarial repetitions (10 KB against 80 KB)', () => {
    const adversarial: [prefix: string, unit: string][] = [
      ['', '<a '], ['', '`'], ['', '| '], ['', '#'], ['#', ' '], ['', 'Why? '], ['---\n', 'a: ['], ['', '[x]('], ['', '<script'], ['', '**'],
    ];
    for (const [prefix, unit] of adversarial) {
      const text = (times: number) => prefix + unit.repeat(Math.ceil((10_240 * times) / unit.length));
      check(text(1));
      cpuCost(text(8)); // warm-up: the first runs pay for compilation
      const growth = cpuCost(text(8)) / Math.max(1, cpuCost(text(1)));
      expect(growth, `${JSON.stringify(unit)}: 8 times the text took ${growth.toFixed(1)} times the work`).toBeLessThan(GROWTH_LIMIT);
    }
  });
});
