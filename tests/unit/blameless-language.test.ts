/** Rule blameless-language: precise on a labelled set, prose only, one finding per phrase with its line and a rewrite. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBlame, REWRITES } from '../../src/lib/postmortem/blameless/detect.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { blamelessLanguage } from '../../src/lib/postmortem/rules/blameless-language.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { ruleLines, validatePaths } from './helpers/validate-files.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const labelled = JSON.parse(readFileSync(path.join(FIXTURES, 'blameless/sentences.json'), 'utf8')) as { people: string[]; flag: string[]; pass: string[] };
const VALID_PATH = 'valid/postmortem-2026-03-14-report-export-timeouts.md';
const VALID = readFileSync(path.join(FIXTURES, VALID_PATH), 'utf8');

/** The valid fixture with `replace` swapped for `by`. */
function withText(replace: string, by: string) {
  expect(VALID).toContain(replace);
  return parsePostmortem(VALID_PATH, VALID.replace(replace, by));
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('blame detection on the labelled sentences', () => {
  const people = { names: labelled.people };

  it('has at least 30 sentences of each kind', () => {
    expect(labelled.flag.length).toBeGreaterThanOrEqual(30);
    expect(labelled.pass.length).toBeGreaterThanOrEqual(30);
  });

  it('flags at least 90% of the blaming sentences', () => {
    const flagged = labelled.flag.filter((sentence) => findBlame(sentence, people).length > 0);
    expect(flagged.length / labelled.flag.length).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves at least 90% of the blameless sentences alone', () => {
    const quiet = labelled.pass.filter((sentence) => findBlame(sentence, people).length === 0);
    expect(quiet.length / labelled.pass.length).toBeGreaterThanOrEqual(0.9);
  });

  it('tells a failing check from a failing person', () => {
    expect(findBlame('The check failed to run.', people)).toEqual([]);
    expect(findBlame('@dana failed to run the check.', people)).toMatchObject([{ kind: 'omission', quote: '@dana failed to' }]);
  });
});

describe('rule blameless-language', () => {
  it('is a warning, so only --strict fails on it', () => {
    const pm = withText('- Staging holds too little data to show the slow plan.', '- @sre forgot to seed staging.');
    const [file] = validatePostmortems([pm]).files;
    expect(file!.valid).toBe(true);
    expect(file!.problems.map((problem) => [problem.rule, problem.level])).toEqual([['blameless-language', 'warning']]);
    expect(validatePostmortems([pm], { strict: true }).files[0]!.valid).toBe(false);
  });

  it('names the line, quotes the phrase and suggests a system-focused rewrite', () => {
    const pm = withText(
      'Query plans change with data volume; review them with production-sized data.',
      'Query plans change with data volume.\nIt was human error, and Dana Kim should have tested it.',
    );
    const findings = blamelessLanguage.check(pm, DEFAULT_CHECK_SETTINGS);
    const line = lineOf(pm.text, 'It was human error');
    expect(findings).toEqual([
      { line, message: '`human error` puts a person, not the system, at the centre of the failure', hint: REWRITES['human-error'] },
      { line, message: '`Dana Kim should have` puts a person, not the system, at the centre of the failure', hint: REWRITES.hindsight },
    ]);
  });

  it('reads tables, but not code, HTML comments or ticket cells', () => {
    const inCode = withText('- Staging holds too little data to show the slow plan.', '- Staging is small.\n\n```\n# @dana forgot this\nblame = human_error\n```\n\nRun `git blame` or `@dana forgot` in `human error` mode.');
    expect(blamelessLanguage.check(inCode, DEFAULT_CHECK_SETTINGS)).toEqual([]);
    const inTicket = withText('| OPS-1426 |', '| OPS-1426 human error |');
    expect(blamelessLanguage.check(inTicket, DEFAULT_CHECK_SETTINGS)).toEqual([]);
    const inTimeline = withText('| 09:24 | Investigation started |', '| 09:24 | @dana ignored the alert |');
    expect(blamelessLanguage.check(inTimeline, DEFAULT_CHECK_SETTINGS)).toMatchObject([{ line: lineOf(inTimeline.text, '@dana ignored') }]);
  });

  it('finds nothing in the valid fixture', () => {
    expect(blamelessLanguage.check(parsePostmortem(VALID_PATH, VALID), DEFAULT_CHECK_SETTINGS)).toEqual([]);
  });
});

describe('a post-mortem that blames', () => {
  it('gets one warning per phrase, at its line, from validate', () => {
    const result = validatePaths('blameless');
    expect(ruleLines(result, 'postmortem-2026-03-14-blame-in-prose.md')).toEqual(['blameless-language@65', 'blameless-language@65']);
  });
});

describe('adversarial input', () => {
  it('reports at most 25 findings, with real lines, however often a phrase repeats', () => {
    const pm = withText('Query plans change with data volume; review them with production-sized data.', `${'@dana failed to check. '.repeat(400)}\n\n${'human error\n'.repeat(300)}`);
    const findings = blamelessLanguage.check(pm, DEFAULT_CHECK_SETTINGS);
    expect(findings).toHaveLength(25);
    const first = lineOf(pm.text, '@dana failed to');
    expect(findings.every((finding) => finding.line === first)).toBe(true);
  });
});

describe('names compiled only where a name stands before a verb (differential)', () => {
  const people = { names: [...labelled.people, 'Dana Kim', '@lee.o', 'J. Smith', 'Ana-Maria', 'Σίσυφος', 'had'] };
  const same = (text: string, names = people) => expect(findBlame(text, names)).toEqual(findBlame(text, names, { compileNames: 'always' }));

  it('finds what the regexes with every name find, on the labelled sentences and the fixtures', () => {
    for (const sentence of [...labelled.flag, ...labelled.pass]) same(sentence);
    same(readFileSync(path.join(FIXTURES, 'blameless/postmortem-2026-03-14-blame-in-prose.md'), 'utf8'));
    same(VALID);
    // A name that starts inside an earlier match of itself (its words alone are not names: they start with a digit).
    same('1a 1a 1a forgot to renew it', { names: ['1a 1a'] });
    expect(findBlame('1a 1a 1a forgot to renew it', { names: ['1a 1a'] })).toHaveLength(1);
  });

  it('finds what the regexes with every name find, on generated prose', () => {
    const words = [
      ...people.names, 'dana', 'DANA KIM', 'kim', 'the engineer', 'the on-call engineers', 'she', 'someone', '@dana', 'Stripe', 'The job',
      'simply', 'just', 'had', 'must have', 'again', 'failed to', 'fails to', 'failed to receive', 'forgot', 'forgotten', 'neglected to',
      'overlooked', "didn't bother", "should've", 'should have been told', 'should have', 'was careless', 'were sloppy', 'made a mistake',
      'messed up', 'botched', 'ignored', 'caused the outage', 'is to blame', 'was at fault', "'s", '’s', 'mistake', 'fault', 'error',
      'oversight', 'blunder', 'not', 'no one', 'human error', 'blamed', '.', ';', ',', '\n', '\n\n', '  ', '\t', 'x', '-', "'",
    ];
    const text = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '', '  ', '\n', '.', ' ', ' ')), { maxLength: 40 })
      .map((parts) => parts.map(([word, gap]) => word + gap).join(''));
    fc.assert(fc.property(text, fc.subarray(people.names), (sample, names) => {
      same(sample, { names });
    }), { numRuns: 300 });
  });
});
