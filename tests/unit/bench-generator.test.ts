import { describe, expect, it } from 'vitest';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { generatePostmortems } from '../../scripts/bench/generate.ts';

describe('bench generator', () => {
  const generated = generatePostmortems(300);

  it('writes post-mortems that pass every rule, with no warnings', () => {
    const result = validatePostmortems(generated.map((pm) => parsePostmortem(pm.fileName, pm.text)), { strict: true });
    const problems = result.files.flatMap((file) => file.problems.map((p) => `${file.path}:${p.line} ${p.rule} ${p.message}`));
    expect(problems).toEqual([]);
    expect(result.summary.valid).toBe(300);
  });

  it('gives every file a unique name', () => {
    expect(new Set(generated.map((pm) => pm.fileName)).size).toBe(generated.length);
  });

  it('varies sizes between 3 and 12 KB', () => {
    const sizes = generated.map((pm) => Buffer.byteLength(pm.text));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(12_500);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeGreaterThan(6_000);
  });

  it('varies severities, categories and dates over years', () => {
    const parsed = generated.map((pm) => parsePostmortem(pm.fileName, pm.text).meta!);
    expect(new Set(parsed.map((m) => m.severity)).size).toBe(4);
    expect(new Set(parsed.map((m) => m.root_cause_category)).size).toBe(5);
    expect(new Set(parsed.map((m) => m.date.slice(0, 4))).size).toBeGreaterThanOrEqual(9);
    expect(new Set(parsed.flatMap((m) => m.services)).size).toBeGreaterThanOrEqual(15);
  });

  it('is deterministic for a seed', () => {
    expect(generatePostmortems(5, { seed: 7 })).toEqual(generatePostmortems(5, { seed: 7 }));
  });
});
