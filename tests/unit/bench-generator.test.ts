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
    expect(new Set(parsed.flatMap((m) => m.authors)).size).toBeGreaterThanOrEqual(40);
  });

  it('draws its words with a long tail: a few in most files, most in very few', () => {
    // Document frequency of each word over 300 files, as a search index sees it.
    const files = new Map<string, number>();
    for (const pm of generated) for (const word of new Set(pm.text.toLowerCase().match(/[a-z]+/g))) files.set(word, (files.get(word) ?? 0) + 1);
    const counts = [...files.values()];
    expect(files.size).toBeGreaterThan(8_000);
    // Stories and template words are everywhere, but they are a few hundred of the thousands.
    expect(counts.filter((n) => n >= generated.length / 2).length).toBeLessThan(400);
    expect(counts.filter((n) => n === 1).length / counts.length).toBeGreaterThan(0.4);
  });

  it('names many services, owners, tags and distinct ticket ids, the common ones most often', () => {
    const parsed = generated.map((pm) => parsePostmortem(pm.fileName, pm.text));
    const services = parsed.flatMap((pm) => pm.meta!.services);
    const perService = new Map<string, number>();
    for (const service of services) perService.set(service, (perService.get(service) ?? 0) + 1);
    expect(perService.size).toBeGreaterThan(150);
    expect(Math.max(...perService.values())).toBeGreaterThan(15);
    expect(new Set(parsed.flatMap((pm) => pm.meta!.tags)).size).toBeGreaterThan(120);
    const owners = new Set(generated.flatMap((pm) => pm.text.match(/\| @[a-z-]+ \|/g) ?? []));
    expect(owners.size).toBeGreaterThan(60);
    const tickets = generated.flatMap((pm) => pm.text.match(/\[[A-Z]+-\d+\]/g) ?? []);
    expect(new Set(tickets).size / tickets.length).toBeGreaterThan(0.9);
    expect(new Set(tickets.map((ticket) => ticket.split('-')[0])).size).toBeGreaterThan(8);
  });

  it('is deterministic for a seed', () => {
    expect(generatePostmortems(5, { seed: 7 })).toEqual(generatePostmortems(5, { seed: 7 }));
  });
});
