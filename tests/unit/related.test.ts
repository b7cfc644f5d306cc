import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/generate.ts';
import { rootCauseCategory } from '../../src/lib/postmortem/model/category.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import type { Postmortem } from '../../src/lib/postmortem/model/model.ts';
import { jaccard, MIN_SCORE, relatedIncidents, significantWords, SIMILAR_TEXT, WEIGHTS, wordIds, type RelatedWork } from '../../src/lib/postmortem/related.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const bySlug = (slug: string) => postmortems.find((pm) => pm.slug === slug)!;

describe('relatedIncidents', () => {
  it('puts incidents on the same services first, with the reason', () => {
    const related = relatedIncidents(bySlug('2026-03-14-report-export-timeouts'), postmortems);
    expect(related[0]!.postmortem.slug).toBe('2026-02-26-bank-feed-schema-drift');
    expect(related[0]!.reasons[0]).toBe('Also affected report-export, postgres');
    expect(related.map((entry) => entry.postmortem.slug)).not.toContain('2026-03-14-report-export-timeouts');
  });

  it('names a shared root-cause category', () => {
    const related = relatedIncidents(bySlug('2026-03-14-report-export-timeouts'), postmortems);
    const oom = related.find((entry) => entry.postmortem.slug === '2026-01-14-ingest-worker-oom-upgrade');
    expect(oom?.reasons).toContain('Same root cause: Deployment');
  });

  it('respects the limit and orders by score', () => {
    const related = relatedIncidents(bySlug('2025-05-21-redis-session-eviction'), postmortems, 2);
    expect(related.length).toBeLessThanOrEqual(2);
    expect(related[0]!.score).toBeGreaterThanOrEqual(related.at(-1)!.score);
  });

  it('returns nothing for an archive of one', () => {
    expect(relatedIncidents(postmortems[0]!, [postmortems[0]!])).toEqual([]);
  });
});

describe('text likeness', () => {
  it('ignores case, short words and stop words', () => {
    expect([...significantWords('The Redis eviction of session keys, on a Tuesday')]).toEqual(['redis', 'eviction', 'session', 'keys', 'tuesday']);
  });

  it('is Jaccard similarity', () => {
    expect(jaccard(wordIds(['alpha', 'beta']), wordIds(['beta', 'gamma']))).toBeCloseTo(1 / 3);
    expect(jaccard(wordIds(['gamma', 'alpha', 'beta']), wordIds(['beta', 'alpha', 'gamma']))).toBe(1);
    expect(jaccard(wordIds([]), wordIds(['alpha']))).toBe(0);
  });
});

/** The definition, written plainly: score everyone, keep those with a reason, stable-sort, cut. */
const naiveWords = new Map<Postmortem, Int32Array>();
function naiveRelated(target: Postmortem, archive: readonly Postmortem[], limit: number) {
  const words = (pm: Postmortem) => {
    if (!naiveWords.has(pm)) naiveWords.set(pm, wordIds(significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' '))));
    return naiveWords.get(pm)!;
  };
  const categories = new Set([target.meta.root_cause_category, ...target.meta.contributing_categories]);
  return archive
    .filter((pm) => pm.slug !== target.slug)
    .map((pm) => {
      const reasons: string[] = [];
      const shared = target.meta.services.filter((service) => pm.meta.services.includes(service));
      let score = WEIGHTS.service * shared.length;
      if (shared.length) reasons.push(`Also affected ${shared.join(', ')}`);
      if (pm.meta.root_cause_category === target.meta.root_cause_category && pm.meta.root_cause_category !== 'unknown') {
        score += WEIGHTS.category;
        reasons.push(`Same root cause: ${rootCauseCategory(pm.meta.root_cause_category).label}`);
      }
      score += WEIGHTS.contributing * pm.meta.contributing_categories.filter((category) => categories.has(category)).length;
      const likeness = jaccard(words(target), words(pm));
      score += WEIGHTS.text * likeness;
      if (likeness >= SIMILAR_TEXT) reasons.push('Similar wording');
      return { slug: pm.slug, date: pm.meta.date, reasons, score };
    })
    .filter((related) => related.score >= MIN_SCORE && related.reasons.length > 0)
    .sort((a, b) => b.score - a.score || b.date.localeCompare(a.date))
    .slice(0, limit)
    .map(({ slug, reasons, score }) => ({ slug, reasons, score }));
}

describe('relatedIncidents on a generated archive', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-related-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeArchive(dir, 150);
  // Repeated services and categories (which the schema allows) count as the definition counts them.
  const generated = loadArchive(dir).postmortems.map((pm, at) =>
    at % 7 === 0 ? { ...pm, meta: { ...pm.meta, services: [...pm.meta.services, pm.meta.services[0]!], contributing_categories: [...pm.meta.contributing_categories, pm.meta.root_cause_category as never, pm.meta.root_cause_category as never] } } : pm,
  );

  it('gives exactly what scoring everyone and sorting gives, for every incident and limit', () => {
    expect(generated.length).toBe(150);
    let shown = 0;
    for (const archive of [generated, postmortems]) {
      for (const target of archive) {
        for (const limit of [0, 1, 4, 12]) {
          const fast = relatedIncidents(target, archive, limit).map(({ postmortem, reasons, score }) => ({ slug: postmortem.slug, reasons, score }));
          expect(fast).toEqual(naiveRelated(target, archive, limit));
          shown += fast.length;
        }
      }
    }
    // The comparison means something only if incidents do have related ones.
    expect(shown).toBeGreaterThan(1000);
  });
});

describe('relatedIncidents reads a bounded share of the archive', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const archiveOf = (count: number) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-related-work-'));
    dirs.push(dir);
    writeArchive(dir, count);
    return loadArchive(dir).postmortems;
  };
  /** What scoring everyone read per page: every post-mortem, and each of the target's word and service lists in full. */
  const scanWork = (archive: readonly Postmortem[]) => {
    const holders = new Map<string, number>();
    for (const pm of archive) for (const key of [...significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' '))].map((w) => `w:${w}`).concat([...new Set(pm.meta.services)].map((s) => `s:${s}`))) holders.set(key, (holders.get(key) ?? 0) + 1);
    let read = 0;
    for (const pm of archive) {
      read += archive.length;
      for (const word of significantWords([pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' '))) read += holders.get(`w:${word}`)!;
      for (const service of pm.meta.services) read += holders.get(`s:${service}`)!;
    }
    return read / archive.length;
  };
  const searchWork = (archive: readonly Postmortem[]) => {
    const work: RelatedWork = { postings: 0, bounded: 0, scored: 0 };
    for (const pm of archive) relatedIncidents(pm, archive, 4, work);
    return (work.postings + work.bounded + work.scored) / archive.length;
  };

  it('gives the plain definition’s answer on 300 generated post-mortems while reading a fraction of what a scan reads', () => {
    const archive = archiveOf(300);
    for (const target of archive) {
      const fast = relatedIncidents(target, archive).map(({ postmortem, reasons, score }) => ({ slug: postmortem.slug, reasons, score }));
      expect(fast).toEqual(naiveRelated(target, archive, 4));
    }
    expect(searchWork(archive)).toBeLessThan(scanWork(archive) / 4);
  });

  it('reads per page far less than N more when the archive is four times larger', () => {
    const small = archiveOf(250);
    const large = archiveOf(1000);
    const growth = searchWork(large) / searchWork(small);
    const scanGrowth = scanWork(large) / scanWork(small);
    // A scan's work per page grows with N (4× here); the bounded search's grows by far less
    // (2.2× on the long-tail bench corpus, whose rare words make more candidates tie on a service).
    expect(scanGrowth).toBeGreaterThan(3);
    expect(growth).toBeLessThan(scanGrowth * 0.6);
  });
});
