import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { buildFacets, facetValuesOf } from '../../src/lib/site/facet-options.ts';
import { countFacets, matchesFilters, type FacetValues } from '../../src/lib/site/facets.ts';
import { effectiveSort, readListState, writeListState } from '../../src/lib/site/list-state.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const items = postmortems.map((pm) => facetValuesOf(pm, postmortems));

const item = (values: Partial<FacetValues>): FacetValues => ({ severity: ['SEV-2'], category: ['data'], service: ['api'], year: ['2026'], status: ['final'], learning: [], ...values });

describe('matchesFilters', () => {
  it('ORs the values of one facet and ANDs facets', () => {
    const pm = item({ service: ['api', 'db'] });
    expect(matchesFilters(pm, {})).toBe(true);
    expect(matchesFilters(pm, { severity: ['SEV-1', 'SEV-2'] })).toBe(true);
    expect(matchesFilters(pm, { severity: ['SEV-2'], service: ['db'] })).toBe(true);
    expect(matchesFilters(pm, { severity: ['SEV-2'], service: ['web'] })).toBe(false);
    expect(matchesFilters(pm, { severity: ['SEV-1'] }, 'severity')).toBe(true);
  });
});

describe('countFacets', () => {
  it('counts each value under the other facets’ filters', () => {
    const counts = countFacets(items, { severity: ['SEV-2'] });
    // Severity counts ignore the severity filter itself, so other levels still show what they would add.
    // SEV-1: TLS certificate; SEV-3: DST reports, ingest OOM, webhook signatures (draft); SEV-4: French email typo, search reindex (.mdx).
    expect(counts.severity).toEqual({ 'SEV-1': 1, 'SEV-2': 3, 'SEV-3': 3, 'SEV-4': 2 });
    // The three SEV-2 incidents: report exports (report-export, postgres), bank feed (ingest-worker, postgres, report-export), redis (redis, auth, web-app).
    expect(counts.service).toEqual({ 'report-export': 2, postgres: 2, 'ingest-worker': 1, redis: 1, auth: 1, 'web-app': 1 });
    expect(counts.year).toEqual({ '2026': 2, '2025': 1 });
  });

  it('agrees with filtering for every single-value choice', () => {
    const filters = { year: ['2026'] };
    const counts = countFacets(items, filters);
    for (const [value, count] of Object.entries(counts.category)) {
      expect(items.filter((candidate) => matchesFilters(candidate, { ...filters, category: [value] })).length).toBe(count);
    }
  });
});

describe('buildFacets', () => {
  it('lists values in reading order with labels and counts', () => {
    const facets = buildFacets(postmortems);
    const byKey = Object.fromEntries(facets.map((facet) => [facet.key, facet.options]));
    expect(byKey.severity!.map((option) => option.label)).toEqual(['SEV-1 · Critical', 'SEV-2 · Major', 'SEV-3 · Minor', 'SEV-4 · Cosmetic']);
    expect(byKey.category!.map((option) => option.value)).toEqual(['code-bug', 'configuration', 'infrastructure', 'data', 'deployment', 'unknown']);
    // The webhook draft does not know its root cause yet: `unknown` comes last, with its own label.
    expect(byKey.category!.at(-1)).toEqual({ value: 'unknown', label: 'Not known yet', count: 1 });
    expect(byKey.year!.map((option) => [option.value, option.count])).toEqual([['2026', 5], ['2025', 4]]);
    // Services most used first (the form shows the top ones and folds the rest), ties A–Z.
    const services = byKey.service!;
    expect(services.map((option) => option.value)).toEqual(
      [...services].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en')).map((option) => option.value),
    );
    expect(services[0]!.count).toBeGreaterThan(services.at(-1)!.count);
    expect(byKey.status).toEqual([
      { value: 'draft', label: 'draft', count: 1 },
      { value: 'in-review', label: 'in-review', count: 1 },
      { value: 'final', label: 'final', count: 7 },
    ]);
  });
});

describe('list state in the URL', () => {
  it('round-trips query and filters in a fixed order', () => {
    const query = writeListState({ q: ' redis ', filters: { service: ['auth', 'web-app'], severity: ['SEV-2'] } });
    expect(query).toBe('q=redis&severity=SEV-2&service=auth&service=web-app');
    expect(readListState(new URLSearchParams(query))).toEqual({ q: 'redis', filters: { severity: ['SEV-2'], service: ['auth', 'web-app'] } });
  });

  it('round-trips sort and page, leaving out the defaults', () => {
    const state = { q: 'redis', filters: { year: ['2025'] }, sort: 'oldest' as const, page: 3 };
    expect(writeListState(state)).toBe('q=redis&year=2025&sort=oldest&page=3');
    expect(readListState(new URLSearchParams(writeListState(state)))).toEqual(state);
    // Best match is the default with a query, newest first without: neither is written.
    expect(writeListState({ q: 'redis', filters: {}, sort: 'relevance', page: 1 })).toBe('q=redis');
    expect(writeListState({ q: '', filters: {}, sort: 'newest' })).toBe('');
    expect(effectiveSort({ q: '', filters: {}, sort: 'relevance' })).toBe('newest');
    expect(readListState(new URLSearchParams('sort=sideways&page=-2'))).toEqual({ q: '', filters: {} });
  });

  it('ignores unknown parameters and duplicates', () => {
    expect(readListState(new URLSearchParams('foo=1&year=2025&year=2025'))).toEqual({ q: '', filters: { year: ['2025'] } });
  });
});
