/**
 * Every rule costs time linear in its input, whatever the input: for long runs
 * of each kind of character (punctuation, spaces, letters, digits, Markdown's
 * markers, backticks, line breaks…), placed in prose, after a blaming phrase,
 * in a table cell, in a heading and in a frontmatter value, the CPU time a rule takes on an input four
 * times longer is compared with its time on the shorter one. Linear work
 * gives a ratio near 4, quadratic near 16: the bound is a ratio measured in
 * this test, not a time budget. Parsing and migrate's reading of the plain
 * form are held to the same.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratePlainForm } from '../../src/lib/postmortem/migrate/migrate-plain-form.ts';
import { cpuMs } from './helpers/cpu-time.ts';
import { parsePostmortem, type ParsedPostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { FILE_RULES } from '../../src/lib/postmortem/rules/all-rules.ts';
import { FIXTURES } from './helpers/validate-files.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

const NAME = 'postmortem-2026-03-14-report-export-timeouts.md';
const VALID = readFileSync(path.join(FIXTURES, 'valid', NAME), 'utf8');
const PLAIN = readFileSync(path.join(FIXTURES, 'plain', NAME), 'utf8');

/** Runs of one unit: each character class, and the pairs that open a construct without closing it. */
const UNITS = [
  '.', ' ', 'a', 'A', '1', '|', '*', '#', '-', '[', ']', '`', '\n', '>', '_', '<', '(', ')', '!', ':', '\\', '&', '~', '"', "'", '\t', '=', '@', '{', 'é', '\u200b',
  'a ', '1 ', '- ', '> ', '| ', '](', '<a ', '1. ', '*a', '[a](', '\n\n', ' \n', 'fault ', 'he forgot ', 'The ', '**a ', '__a ', '<http:', 'http://a', ')', 'http://a.', '[[a]', '&amp',
];
/** Where a run goes in the file: prose, after a blaming phrase, in a table cell, in a heading. */
const PLACES: Record<string, (run: string) => string> = {
  prose: (run) => VALID.replace('## Timeline', `Text ${run} end.\n\n## Timeline`),
  blame: (run) => VALID.replace('## Timeline', `The engineer failed to ${run} end.\n\n## Timeline`),
  cell: (run) => VALID.replace('| 09:12 |', `| 09:12 ${run.replace(/\n/g, ' ')} |`),
  heading: (run) => VALID.replace('## Timeline', `### A ${run.replace(/\n/g, ' ')}\n\n## Timeline`),
  frontmatter: (run) => VALID.replace('title: Report', `title: ${JSON.stringify(run)}\nsummary_note: Report`).replace('summary_note: Report exports time out for large tenants\n', ''),
};
const SHORT = 6_000;
const LONG = SHORT * 4;
/** Above this ratio the work is not linear (4 is linear, 16 quadratic); a log factor and noise stay well under. */
const MAX_RATIO = 9;
/** Runs faster than this (ms of CPU) are below the timer's noise: their ratio says nothing. */
const NOISE_MS = 3;

function runOf(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

type Check = { id: string; run: (text: string, parsed: ParsedPostmortem) => unknown };
const CHECKS: Check[] = [
  { id: 'parse', run: (text) => parsePostmortem(NAME, text) },
  ...FILE_RULES.map((rule) => ({ id: rule.id, run: (_: string, parsed: ParsedPostmortem) => rule.check(parsed, DEFAULT_CHECK_SETTINGS) })),
];

/** The ratio of the long input's time to the short one's, the lowest of up to three measurements when the first is high. */
function ratioOf(check: Check, short: string, long: string): { ratio: number; shortMs: number; longMs: number } {
  const shortParsed = parsePostmortem(NAME, short);
  const longParsed = parsePostmortem(NAME, long);
  let best = { ratio: 0, shortMs: 0, longMs: Infinity };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const shortMs = cpuMs(() => check.run(short, shortParsed));
    const longMs = cpuMs(() => check.run(long, longParsed));
    if (longMs < best.longMs) best = { ratio: longMs / Math.max(shortMs, NOISE_MS), shortMs, longMs };
    if (best.longMs < NOISE_MS * 4 || best.ratio <= MAX_RATIO) break;
  }
  return best;
}

describe('every rule is linear in its input', () => {
  for (const [place, build] of Object.entries(PLACES)) {
    it(`runs of each character class in ${place}`, () => {
      const slow: string[] = [];
      for (const unit of UNITS) {
        const short = build(runOf(unit, SHORT));
        const long = build(runOf(unit, LONG));
        for (const check of CHECKS) {
          const { ratio, shortMs, longMs } = ratioOf(check, short, long);
          if (longMs >= NOISE_MS * 4 && ratio > MAX_RATIO) slow.push(`${check.id} on ${JSON.stringify(unit)}: ${shortMs.toFixed(1)} → ${longMs.toFixed(1)} ms (×${ratio.toFixed(1)})`);
        }
      }
      expect(slow).toEqual([]);
    }, 120_000);
  }

  it('migrate reads a long Duration line (and other header lines) in linear time', () => {
    const slow: string[] = [];
    for (const unit of UNITS) {
      for (const line of [(run: string) => `### Duration: 1 ${run}x`, (run: string) => `- **Duration**: ${run}`, (run: string) => `### Author: ${run}`]) {
        const input = (length: number) => PLAIN.replace('### Duration: 1 hour 53 minutes', line(runOf(unit, length).replace(/\n/g, ' ')));
        const check: Check = { id: 'migrate', run: (text) => migratePlainForm(text, NAME) };
        const short = input(SHORT);
        const long = input(LONG);
        const { ratio, shortMs, longMs } = ratioOf(check, short, long);
        if (longMs >= NOISE_MS * 4 && ratio > MAX_RATIO) slow.push(`${line('…')} on ${JSON.stringify(unit)}: ${shortMs.toFixed(1)} → ${longMs.toFixed(1)} ms (×${ratio.toFixed(1)})`);
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
