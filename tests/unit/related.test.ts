import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';
import { jaccard, relatedIncidents, significantWords, wordIds } from '../../src/lib/postmortem/related.ts';

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
