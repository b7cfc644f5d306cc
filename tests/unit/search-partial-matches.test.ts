/**
 * The agents' search ranks the partial matches (each word of the query alone,
 * over every page holding it) only when a page of results reaches them: the
 * engine answers the full matches and the partial pages as sets first
 * (src/lib/search/engine.ts), and searchSource counts and filters those. Held
 * here against the eager answer (every hit ranked, then filtered and cut) over
 * the examples and the site fixtures, with filters and limits.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memorySource, prepareSearch, searchSource, type SearchRequest, type SearchSource } from '../../src/lib/agent/agent-search.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { matchesFilters, type FacetValues } from '../../src/lib/site/facets.ts';
import type { SearchResult } from '../../src/lib/search/engine.ts';

const ARCHIVES = ['docs/spec/.llm/completed', 'tests/fixtures/site'].map((dir) => loadArchive(path.resolve(dir)).postmortems);

/** Words of every frequency in `archive`, alone, in pairs and threes, with unknown words, ids and misspellings. */
function queriesOf(archive: (typeof ARCHIVES)[number]): string[] {
  const words = [...new Set(archive.flatMap((pm) => `${pm.meta.title} ${pm.meta.services.join(' ')} ${pm.summary}`.toLowerCase().match(/[a-z]{3,}/g) ?? []))];
  const picked = words.filter((_, at) => at % 7 === 0);
  const pairs = picked.slice(1).map((word, at) => `${picked[at]} ${word}`);
  const threes = picked.slice(2).map((word, at) => `${picked[at]} ${picked[at + 1]} ${word}`);
  return [...picked, ...pairs, ...threes, 'redis zqxwv', 'zqxwv', 'OPS-1112 redis', 'SEV-1 database timeout', 'certficate expired', 'the a of'];
}

/** The answer as every hit ranked, then filtered and cut: searchSource before the partial matches were left unranked. */
function eager(source: SearchSource, request: SearchRequest) {
  const query = source.corrector.correct(request.query).query;
  const found = source.engine.search(query);
  const ranked = found?.hits ?? Array.from({ length: source.count }, (_, index) => index);
  const complete = found ? found.complete : ranked.length;
  const passes = (index: number) => {
    const facts = source.filterFacts(index);
    return matchesFilters(facts.facets as FacetValues, { service: request.service ? [request.service] : [], severity: request.severity ? [request.severity] : [], category: [] }) && (!request.since || facts.date >= request.since);
  };
  const hits = ranked.map((index, at) => ({ index, all: at < complete })).filter((hit) => passes(hit.index));
  return { total: hits.length, complete: hits.filter((hit) => hit.all).length, shown: hits.slice(0, request.limit).map((hit) => [hit.index, hit.all]) };
}

describe('partial matches, ranked only when shown', () => {
  it('answers the full matches and the partial pages as the ranked hits order them', () => {
    let queries = 0;
    for (const archive of ARCHIVES) {
      const { engine } = prepareSearch(archive);
      for (const query of queriesOf(archive)) {
        const result = engine.search(query);
        if (!result) continue;
        queries += 1;
        expect(result.full, query).toEqual(result.hits.slice(0, result.complete));
        expect(result.partial, query).toEqual(result.hits.slice(result.complete).sort((a, b) => a - b));
      }
    }
    expect(queries).toBeGreaterThan(100);
  });

  it('counts, filters and shows what the eager answer does, for every limit and filter', () => {
    let compared = 0;
    for (const archive of ARCHIVES) {
      const source = memorySource(archive);
      const services = [...new Set(archive.flatMap((pm) => pm.meta.services))].slice(0, 2);
      const requests = queriesOf(archive).flatMap((query) =>
        [1, 3, 100].flatMap((limit): SearchRequest[] => [
          { query, limit },
          { query, limit, severity: 'SEV-2' },
          ...services.map((service) => ({ query, limit, service })),
          { query, limit, since: archive[Math.floor(archive.length / 2)]!.meta.date },
        ]),
      );
      for (const request of requests) {
        const answer = searchSource(source, request);
        const expected = eager(source, request);
        const shown = answer.results.map((result) => [archive.findIndex((pm) => pm.slug === result.slug), result.match === 'all']);
        expect({ total: answer.total, complete: answer.complete, shown }, JSON.stringify(request)).toEqual(expected);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });

  it('does not rank the partial matches when the full ones fill the page', () => {
    const archive = ARCHIVES[0]!;
    const real = memorySource(archive);
    let ranked = 0;
    const source: SearchSource = {
      ...real,
      engine: {
        fields: real.engine.fields,
        search: (query) => {
          const result = real.engine.search(query);
          return result && new Proxy(result, { get: (target, key: keyof SearchResult) => ((ranked += key === 'hits' ? 1 : 0), target[key]) });
        },
      },
    };
    // Both words are common in the examples: more full matches than a page of 2, and partial ones besides.
    const answer = searchSource(source, { query: 'database timeout', limit: 2 });
    expect(answer.complete).toBeGreaterThan(2);
    expect(answer.total).toBeGreaterThan(answer.complete);
    expect(ranked).toBe(0);
    // A page longer than the full matches reads the ranked partial ones.
    searchSource(source, { query: 'database timeout', limit: answer.total });
    expect(ranked).toBe(1);
  });
});
