/**
 * The incident list's search over the whole archive, in the browser: Pagefind
 * (loaded with a dynamic import on first use) for the full text, filters and
 * sorting; typo correction first (correct.ts). Full matches first, then, for
 * a query of several words, post-mortems that hold only some of them.
 */
import { FACET_KEYS, type FacetKey, type Filters } from '../../lib/site/facets.ts';
import { effectiveSort, type ListState } from '../../lib/site/list-state.ts';

/** The part of Pagefind's browser API the list uses (pagefind.js has no published types). */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  /** Every filter's values and counts; loading them makes later searches report counts too. */
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
}
type PagefindFilters = Record<string, { any: string[] }>;
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}

/** What a question finds: results best first, how many of them hold every word, and each facet option's count. */
export interface Found {
  results: PagefindResult[];
  complete: number;
  counts: Record<FacetKey, Record<string, number>>;
}

/** Loads Pagefind from the built site once; rejects with a reader-facing reason when there is none (`astro dev`). */
export function pagefindLoader(bundleUrl: string): () => Promise<Pagefind> {
  let loading: Promise<Pagefind> | null = null;
  return () =>
    (loading ??= (import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<Pagefind>)
      .then(async (pagefind) => {
        await pagefind.options({ baseUrl: '/', excerptLength: 24 });
        await pagefind.init();
        await pagefind.filters();
        return pagefind;
      })
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`search needs a built site (${error instanceof Error ? error.message : String(error)})`);
      }));
}

const toPagefindFilters = (filters: Filters, except?: FacetKey): PagefindFilters =>
  Object.fromEntries(FACET_KEYS.filter((key) => key !== except && filters[key]?.length).map((key) => [key, { any: filters[key]! }]));

/** Runs the state's question: `query` is the text after typo correction. */
export async function findAll(pagefind: Pagefind, state: ListState, query: string): Promise<Found> {
  const order = effectiveSort({ ...state, q: query });
  const sort = order === 'relevance' ? undefined : { date: order === 'newest' ? ('desc' as const) : ('asc' as const) };
  const term = query || null;
  const main = await pagefind.search(term, { filters: toPagefindFilters(state.filters), sort });
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length < 2) return { results: main?.results ?? [], complete: main?.results.length ?? 0, counts: await facetCounts(pagefind, term, state.filters, main) };
  // Pagefind leaves out a word it does not know, so "redis zqxwv" would read as a full match for "redis":
  // a query holds every word only when each word finds something on its own.
  const perWord = await Promise.all(words.map((word) => pagefind.search(word, { filters: toPagefindFilters(state.filters) })));
  const everyWord = perWord.every((search) => (search?.results.length ?? 0) > 0);
  const full = everyWord ? (main?.results ?? []) : [];
  const results = full.concat(partialMatches(perWord, new Set(full.map((result) => result.id))));
  return { results, complete: full.length, counts: await facetCounts(pagefind, term, state.filters, main) };
}

/** Post-mortems holding some of the words but not all: more words first, then by score. */
function partialMatches(perWord: (PagefindSearch | null)[], seen: Set<string>): PagefindResult[] {
  const found = new Map<string, { result: PagefindResult; words: number; score: number }>();
  for (const search of perWord) {
    for (const result of search?.results ?? []) {
      if (seen.has(result.id)) continue;
      const entry = found.get(result.id) ?? { result, words: 0, score: 0 };
      entry.words += 1;
      entry.score += result.score;
      found.set(result.id, entry);
    }
  }
  return [...found.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((entry) => entry.result);
}

/**
 * Each option's count given every other facet's filters, so ticking SEV-1
 * does not make SEV-2 read 0 (values of one facet are alternatives):
 * one more filter-only search per facet that has a selection.
 */
async function facetCounts(pagefind: Pagefind, term: string | null, filters: Filters, main: PagefindSearch | null): Promise<Found['counts']> {
  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, main?.filters[key] ?? {}])) as Found['counts'];
  for (const key of FACET_KEYS) {
    if (!filters[key]?.length) continue;
    const others = await pagefind.search(term, { filters: toPagefindFilters(filters, key) });
    counts[key] = others?.filters[key] ?? {};
  }
  return counts;
}
