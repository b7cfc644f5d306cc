/**
 * The incident list's search plan in the browser (src/scripts/incident-list/):
 * how many Pagefind searches a keystroke asks, which words are searched, and
 * that only the last of the keystrokes typed during a search is run. Pagefind
 * itself (a WebAssembly worker) is stood in for by a small word index with
 * its rules: every word must match (an unknown word is left out), a word
 * matches words it begins; the e2e tests run the real one.
 */
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../src/scripts/incident-list/latest-only.ts';
import { findAll, rememberSearches, searchWords, type Pagefind, type PagefindFragment, type SiteSearch } from '../../src/scripts/incident-list/pagefind-client.ts';
import { countFacets, FACET_KEYS, type FacetValues, type Filters } from '../../src/lib/site/facets.ts';
import { encodeFacetTable, readFacetTable } from '../../src/lib/site/search/facet-table.ts';

const PAGES: Record<string, string> = {
  a: 'legacy path queue backed up',
  b: 'legacy path retired',
  c: 'queue consumer lag',
  d: 'redis eviction',
};
const facetValues = (severity: string, services: string[], year = '2025'): FacetValues => ({ severity: [severity], category: ['capacity'], service: services, year: [year], status: ['final'], learning: [] });
/** Each page's facet values, as the build's facet table gives them by page id. */
const VALUES = new Map<string, FacetValues>([
  ['a', facetValues('SEV-1', ['queue', 'api'])],
  ['b', facetValues('SEV-2', ['api'], '2024')],
  ['c', facetValues('SEV-1', ['queue'])],
  ['d', facetValues('SEV-3', ['redis'], '2024')],
]);
const FACETS = readFacetTable(encodeFacetTable(VALUES));
const FIRST = { from: 0, to: 10 };

/** A stand-in for Pagefind over PAGES that counts what it is asked. */
function fakePagefind() {
  const asked: string[] = [];
  const fetched: string[] = [];
  /** Searches and fragment fetches, in the order Pagefind's worker would receive them. */
  const order: string[] = [];
  const matches = (word: string, id: string) => PAGES[id]!.split(' ').some((token) => token.startsWith(word));
  const known = (word: string) => Object.keys(PAGES).some((id) => matches(word, id));
  const pagefind: Pagefind = {
    options: async () => undefined,
    init: async () => undefined,
    search: async (term, options = {}) => {
      asked.push(`${term}|${JSON.stringify(options)}`);
      order.push(`search ${term}`);
      const words = (term ?? '').split(' ').filter(known);
      const passes = (id: string) => Object.entries(options.filters ?? {}).every(([key, { any }]) => VALUES.get(id)![key as keyof FacetValues].some((value) => any.includes(value)));
      // A term of unknown words only finds nothing; no term (filters only) finds every page.
      const ids = term && !words.length ? [] : Object.keys(PAGES).filter((id) => words.every((word) => matches(word, id)) && passes(id));
      return {
        results: ids.map((id) => ({
          id,
          score: words.length,
          data: async () => {
            fetched.push(id);
            order.push(`data ${id}`);
            return { url: `/incidents/${id}/`, excerpt: '', meta: { title: PAGES[id]! }, sub_results: [] } satisfies PagefindFragment;
          },
        })),
      };
    },
  };
  return { pagefind, asked, fetched, order };
}

/** The fake with remembered searches and the facet table, as the page uses them. */
const siteSearch = (pagefind: Pagefind, kept?: number): SiteSearch => ({ pagefind: rememberSearches(pagefind, kept), facets: FACETS });

const state = (q: string) => ({ q, filters: {} });

describe('searchWords', () => {
  it('keeps words of two letters or digits and more, and drops a letter on its own', () => {
    expect(searchWords('legacy path q')).toEqual(['legacy', 'path']);
    expect(searchWords('5 whys SEV-1 ok')).toEqual(['whys', 'SEV-1', 'ok']);
    expect(searchWords('a')).toEqual([]);
  });

  it('drops common words, so a phrase with no full match does not fall back to every page holding "in" or "the"', () => {
    expect(searchWords('outage in the eu region')).toEqual(['outage', 'eu', 'region']);
    expect(searchWords('What is the root cause of a certmanager_certificate_expiration_timestamp_seconds alert?')).toEqual(['root', 'cause', 'certmanager_certificate_expiration_timestamp_seconds', 'alert?']);
    expect(searchWords('in the')).toEqual(['in', 'the']);
  });
});

describe('findAll with remembered searches', () => {
  it('typing the last letter of a three-word query asks two searches (the query and its new word), not four', async () => {
    const fake = fakePagefind();
    const site = siteSearch(fake.pagefind);
    await findAll(site, state('legacy path queu'), 'legacy path queu', FIRST).settled;
    expect(fake.asked).toHaveLength(4);
    fake.asked.length = 0;
    const found = await findAll(site, state('legacy path queue'), 'legacy path queue', FIRST).settled;
    expect(fake.asked.map((entry) => entry.split('|')[0])).toEqual(['legacy path queue', 'queue']);
    // Every word first, then the pages with some of them, most words first.
    expect(found.results.map((result) => result.id)).toEqual(['a', 'b', 'c']);
    expect(found.complete).toBe(1);
  });

  it('asks nothing again for a query already answered, and fetches each fragment once', async () => {
    const fake = fakePagefind();
    const site = siteSearch(fake.pagefind);
    const first = await findAll(site, state('legacy queue'), 'legacy queue', FIRST).settled;
    await Promise.all(first.results.map((result) => result.data()));
    const asked = fake.asked.length;
    const again = await findAll(site, state('legacy queue'), 'legacy queue', FIRST).settled;
    await Promise.all(again.results.map((result) => result.data()));
    expect(fake.asked).toHaveLength(asked);
    expect(fake.fetched.sort()).toEqual(['a', 'b', 'c']);
  });

  it('fetches the first page of the main search while the other searches run', async () => {
    const fake = fakePagefind();
    await findAll(siteSearch(fake.pagefind), state('legacy path'), 'legacy path', { from: 0, to: 1 }).settled;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.fetched).toEqual(['a']);
  });

  it('fetches no fragments for a question a newer one replaced before its main search answered', async () => {
    const fake = fakePagefind();
    let replaced = false;
    const { settled } = findAll(siteSearch(fake.pagefind), state('legacy'), 'legacy', { ...FIRST, stale: () => replaced });
    replaced = true;
    await settled;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.fetched).toEqual([]);
  });

  it('a word nobody wrote makes every result a partial match', async () => {
    const found = await findAll(siteSearch(fakePagefind().pagefind), state('redis zqxwv'), 'redis zqxwv', FIRST).settled;
    expect(found.complete).toBe(0);
    expect(found.results.map((result) => result.id)).toEqual(['d']);
  });

  it('a different sort or filter is a different question, and a facet\'s counts reuse the search without its filter', async () => {
    const fake = fakePagefind();
    const site = siteSearch(fake.pagefind);
    await findAll(site, state('redis'), 'redis', FIRST).settled;
    await findAll(site, { q: 'redis', filters: {}, sort: 'oldest' }, 'redis', FIRST).settled;
    await findAll(site, { q: 'redis', filters: { severity: ['SEV-1'] } }, 'redis', FIRST).settled;
    // Sorted, filtered; the severity counts without the severity filter are the first search's.
    expect(fake.asked).toHaveLength(3);
  });

  it('without the facet table counts nothing, and asks no unfiltered search for the counts', async () => {
    const fake = fakePagefind();
    const found = await findAll({ pagefind: rememberSearches(fake.pagefind), facets: null }, { q: 'queue', filters: { severity: ['SEV-1'] } }, 'queue', FIRST).settled;
    expect(found.counts).toBeNull();
    expect(fake.asked).toHaveLength(1);
    const withTable = await findAll(siteSearch(fakePagefind().pagefind), { q: 'queue', filters: { severity: ['SEV-1'] } }, 'queue', FIRST).settled;
    expect(withTable.results.map((result) => result.id)).toEqual(found.results.map((result) => result.id));
  });

  it('counts each facet option as countFacets does over the query\'s unfiltered results, asking no search per facet', async () => {
    const cases: [string, Filters][] = [
      ['queue', {}],
      ['queue', { severity: ['SEV-1'] }],
      ['legacy path', { service: ['api'] }],
      ['legacy', { severity: ['SEV-1', 'SEV-2'], service: ['queue'] }],
      ['', { year: ['2024'] }],
      ['', { year: ['2024'], service: ['queue', 'redis'] }],
      ['eviction lag', { severity: ['SEV-3'] }],
    ];
    for (const [q, filters] of cases) {
      const fake = fakePagefind();
      const found = await findAll(siteSearch(fake.pagefind), { q, filters }, q, FIRST).settled;
      // The definition, apart from the code under test: the pages holding every word (an empty query: every page).
      const words = q.split(' ').filter(Boolean);
      const holding = Object.keys(PAGES).filter((id) => words.every((word) => PAGES[id]!.split(' ').some((token) => token.startsWith(word))));
      const label = `${q} ${JSON.stringify(filters)}`;
      expect(found.counts, label).toEqual(countFacets(holding.map((id) => VALUES.get(id)!), filters));
      expect(Object.keys(found.counts!), label).toEqual([...FACET_KEYS]);
      // Every search asked is filtered by all the filters or by none: no search per facet, no filter lists.
      const asked = fake.asked.map((entry) => JSON.parse(entry.slice(entry.indexOf('|') + 1)) as { filters?: object });
      expect(asked.every(({ filters: given = {} }) => Object.keys(given).length === 0 || Object.keys(given).length === Object.keys(filters).length), label).toBe(true);
    }
  });

  it('with every word the archive\'s, draws the full matches first: always the settled results\' first rows, in order', async () => {
    // Every query of one to three of the archive's words (and their beginnings), with and without filters.
    const words = [...new Set(Object.values(PAGES).join(' ').split(' '))];
    const terms = [...words, ...words.map((word) => word.slice(0, 3))];
    const queries = terms.flatMap((a) => [a, ...terms.flatMap((b) => (b === a ? [] : [`${a} ${b}`, ...words.slice(0, 4).map((c) => `${a} ${b} ${c}`)]))]);
    const filterSets: Filters[] = [{}, { severity: ['SEV-1'] }, { service: ['api', 'redis'] }];
    let early = 0;
    let appended = 0;
    for (const q of queries) {
      for (const filters of filterSets) {
        const { first, settled } = findAll(siteSearch(fakePagefind().pagefind), { q, filters }, q, FIRST, true);
        const [drawn, all] = await Promise.all([first, settled]);
        if (!drawn) continue;
        early += 1;
        const ids = drawn.results.map((result) => result.id);
        const label = `${q} ${JSON.stringify(filters)}`;
        expect(all.results.slice(0, ids.length).map((result) => result.id), label).toEqual(ids);
        expect(drawn.complete, label).toBe(all.complete);
        expect(drawn.counts, label).toEqual(all.counts);
        if (all.results.length > ids.length) appended += 1;
      }
    }
    // Not vacuous: many queries drew early, and for some the partial matches followed.
    expect(early).toBeGreaterThan(100);
    expect(appended).toBeGreaterThan(10);
  });

  it('with every word the archive\'s, asks the first page\'s fragments before the per-word searches', async () => {
    const fake = fakePagefind();
    const { first, settled } = findAll(siteSearch(fake.pagefind), state('legacy queue'), 'legacy queue', { from: 0, to: 1 }, true);
    expect((await first)!.results.map((result) => result.id)).toEqual(['a']);
    await settled;
    expect(fake.order).toEqual(['search legacy queue', 'data a', 'search legacy', 'search queue']);
  });

  it('draws nothing early for a single word, a word the archive may not hold, or no full match', async () => {
    for (const [q, holds] of [['legacy', true], ['redis zqxwv', false], ['redis queue', true]] as const) {
      expect(await findAll(siteSearch(fakePagefind().pagefind), state(q), q, FIRST, holds).first, q).toBeNull();
    }
  });

  it('keeps the last `kept` searches and asks a failed one again', async () => {
    const fake = fakePagefind();
    let fail = true;
    const flaky: Pagefind = { ...fake.pagefind, search: (term, options) => (fail ? Promise.reject(new Error('offline')) : fake.pagefind.search(term, options)) };
    const pagefind = rememberSearches(flaky, 2);
    await expect(pagefind.search('redis')).rejects.toThrow('offline');
    fail = false;
    await pagefind.search('redis');
    await pagefind.search('queue');
    await pagefind.search('legacy');
    await pagefind.search('legacy');
    expect(fake.asked.map((entry) => entry.split('|')[0])).toEqual(['redis', 'queue', 'legacy']);
    await pagefind.search('redis');
    expect(fake.asked).toHaveLength(4);
  });
});

describe('latestOnly', () => {
  it('runs one call at a time and, of the calls made meanwhile, only the last; the running one learns it is stale', async () => {
    const runs: { stale: () => boolean; finish: () => void }[] = [];
    const run = latestOnly((stale) => new Promise<void>((finish) => runs.push({ stale, finish })));
    run();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stale()).toBe(false);
    run();
    run();
    run();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stale()).toBe(true);
    runs[0]!.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(2);
    expect(runs[1]!.stale()).toBe(false);
    runs[1]!.finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs).toHaveLength(2);
  });
});
