/**
 * One ranking: the core's (src/lib/search/ranking.ts, which the agents use)
 * computes the scores real Pagefind computes for the site, on the labelled
 * relevance archive: the same documents indexed by Pagefind's own indexer and
 * searched with the pagefind.js it ships, every query of the labelled set and
 * every word of them alone (what the site and the agents ask), the same pages
 * found and the same scores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLabelledSet, relevanceArchive } from '../../scripts/bench/relevance.ts';
import { searchWords } from '../../src/lib/search/query-words.ts';
import { createRanking, type Ranking } from '../../src/lib/search/ranking.ts';
import { buildSearchData } from '../../src/lib/search/records.ts';
import { archiveFacetValues } from '../../src/lib/site/facet-options.ts';
import { pagefindDocument, searchMeta } from '../../src/lib/site/search/pagefind-page.ts';
import { pagefindInNode, type NodePagefind } from './helpers/pagefind-node.ts';

const set = readLabelledSet();
const labelled = relevanceArchive(set);
const archive = labelled.postmortems;
const urlOf = (page: number) => `/incidents/${archive[page]!.slug}/`;

let site: NodePagefind;
let core: Ranking;
beforeAll(async () => {
  const facets = archiveFacetValues(archive);
  site = await pagefindInNode(archive.map((pm, at) => ({ url: urlOf(at), html: pagefindDocument(pm, facets[at]!) })));
  core = createRanking(buildSearchData(archive, searchMeta).documents);
}, 60_000);
afterAll(() => {
  site?.close();
  labelled.remove();
});

/** What the site asks Pagefind for a query: its searched words together, and each alone. */
const asked = [...new Set(set.queries.flatMap(({ query }) => {
  const words = searchWords(query);
  return [words.join(' '), ...words];
}))];

/**
 * Queries where one word matches, at one position of a page, both a compound
 * and one of its parts (`pay` in `PayFlow`: `payflow` and `pay`). Pagefind
 * keeps whichever its unstable sort puts first (Rust's `sort_unstable`, which
 * the core does not copy), so the page's score may differ slightly; the pages
 * found and the first three still agree.
 */
const COMPOUND_TIES = new Set([
  'pay',
  'white page release, chunk failed load',
  'customers received reminder email many times',
  'JavaScript Date month overflow',
  'incident Postgres disk filled write-ahead log growth, fix?',
  'payment provider API key expired card payments failing. follow-ups',
]);

describe('the core ranks as Pagefind does', () => {
  it('finds the same pages with the same scores, for every query of the labelled set and each of its words', async () => {
    const differing: string[] = [];
    for (const query of asked) {
      const expected = await site.search(query);
      const actual = core.rank(query).map(({ page, score }) => ({ url: urlOf(page), score }));
      expect(actual.map((hit) => hit.url).sort(), query).toEqual(expected.map((hit) => hit.url).sort());
      const scoreOf = new Map(actual.map((hit) => [hit.url, hit.score]));
      const sameScores = expected.every((hit) => Math.abs(scoreOf.get(hit.url)! - hit.score) <= 1e-3 * Math.max(1, hit.score));
      if (COMPOUND_TIES.has(query)) expect(actual.slice(0, 3).map((hit) => hit.url), query).toEqual(expected.slice(0, 3).map((hit) => hit.url));
      else if (!sameScores) differing.push(query);
    }
    expect(asked.length).toBeGreaterThan(300);
    expect(differing).toEqual([]);
  });
});
