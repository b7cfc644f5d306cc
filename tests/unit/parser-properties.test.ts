/**
 * Property-based tests: whatever text arrives, parsing and validating never
 * throws, always answers, and does work in proportion to the input (no
 * catastrophic backtracking). Speed itself is the bench's job (`npm run bench`):
 * a millisecond budget here failed on a busy machine (issue 14).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readFlatYaml } from '../../src/lib/postmortem/parsing/flat-yaml.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
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

/** `yaml`'s reading of a frontmatter block, as the full path in frontmatter.ts does it. */
function fullParse(text: string): { errors: number; data: unknown } {
  const doc = parseDocument(text, { schema: 'core', prettyErrors: false, uniqueKeys: true });
  return { errors: doc.errors.length, data: doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 100 }) };
}

/** The fast path answers only where `yaml` reads the block without error, and then answers exactly as `yaml` does. */
function sameAsYaml(text: string): boolean {
  const fast = readFlatYaml(text);
  if (fast === undefined) return false;
  expect(fullParse(text)).toEqual({ errors: 0, data: fast });
  return true;
}

describe('the flat frontmatter fast path (differential against yaml.parseDocument)', () => {
  const frontmatterOf = (text: string) => /^---\n([\s\S]*?\n)---\n/.exec(text.replace(/\r\n?/g, '\n'))?.[1];

  it('reads every example and fixture as yaml does, and takes most of them', () => {
    const folders = [path.resolve(FIXTURES, '..', '..', 'docs/spec/.llm/completed'), ...['valid', 'invalid', 'blameless'].map((folder) => path.join(FIXTURES, folder))];
    let fast = 0;
    let total = 0;
    for (const folder of folders) {
      for (const file of readdirSync(folder).filter((name) => /\.mdx?$/.test(name))) {
        const block = frontmatterOf(readFileSync(path.join(folder, file), 'utf8'));
        if (block === undefined) continue;
        total += 1;
        if (sameAsYaml(block)) fast += 1;
      }
    }
    expect(total).toBeGreaterThan(40);
    expect(fast / total).toBeGreaterThan(0.7);
  });

  it('reads generated and mutated blocks as yaml does', () => {
    const scalars = [
      'plain', 'Two words', 'SEV-1', '2026-03-14', '2026-03-14T09:12:00Z', '137', '-5', '+7', '0o17', '0x1F', '1.5', '1e3', '.inf', '-.Inf', '.nan',
      'true', 'False', 'NULL', '~', 'null', 'yes', 'a: b', 'a:b', 'a #b', 'a#b', '#c', 'x:', '"quoted"', "'single'", '"a\\nb"', "'it''s'", '"a"b',
      '[a, b]', '{a: 1}', 'a, b', '&anchor x', '*alias', '!tag x', '|', '>', '@at', '`tick`', '%pct', '? q', '- item', 'Zoë', 'naïve café', '😀',
      'tab\tin', 'trailing ', ' leading', 'https://example.com/a?b=c#d', 'C:\\path', "Dana's fix", '"', "'", '', '0', '00', '-0', '1_000',
    ];
    const safe = ['plain', 'Two words', 'SEV-1', '2026-03-14', '137', 'true', '~', '"quoted"', "'single'", "Dana's fix", 'https://example.com/a?b=c#d', 'Zoë'];
    const scalar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...safe) }, { weight: 2, arbitrary: fc.constantFrom(...scalars) });
    const oddKeys = ['null', 'true', 'constructor', '__proto__', 'Title', 'a-b', 'x1', '_k', 'on'];
    const key = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/) }, { weight: 1, arbitrary: fc.constantFrom(...oddKeys) });
    const line = fc.oneof(
      fc.tuple(key, scalar).map(([key, value]) => `${key}: ${value}`),
      key.map((key) => `${key}:`),
      fc.tuple(fc.constantFrom('', '  ', ' ', '    '), scalar).map(([indent, value]) => `${indent}- ${value}`),
      fc.tuple(fc.constantFrom('', '  '), key, scalar).map(([indent, key, value]) => `${indent}- ${key}: ${value}`),
      fc.tuple(fc.constantFrom('  ', '    ', '   '), key, scalar).map(([indent, key, value]) => `${indent}${key}: ${value}`),
      fc.constantFrom('', '# comment', '  continued', 'key:value', '-', '- ', '...'),
    );
    // Mostly well-formed blocks (so the fast path answers often), with some noise lines.
    const shaped = fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.tuple(key, scalar).map(([key, value]) => [`${key}: ${value}`]) },
        { weight: 2, arbitrary: fc.tuple(key, fc.constantFrom('', '  '), fc.array(scalar, { maxLength: 3 })).map(([key, indent, items]) => [`${key}:`, ...items.map((item) => `${indent}- ${item}`)]) },
        { weight: 1, arbitrary: fc.tuple(key, fc.array(fc.tuple(key, scalar, key, scalar), { maxLength: 2 })).map(([key, items]) => [`${key}:`, ...items.flatMap(([k1, v1, k2, v2]) => [`  - ${k1}: ${v1}`, `    ${k2}: ${v2}`])]) },
        { weight: 1, arbitrary: line.map((one) => [one]) },
      ),
      { minLength: 1, maxLength: 8 },
    ).map((groups) => `${groups.flat().join('\n')}\n`);
    let fast = 0;
    fc.assert(fc.property(shaped, (text) => {
      if (sameAsYaml(text)) fast += 1;
    }), { numRuns: 3000 });
    // The generator must reach the fast path, or this test compares nothing.
    expect(fast).toBeGreaterThan(300);
  });
});
