/**
 * The incident list's search over the whole archive, in the browser: Pagefind
 * (loaded with a dynamic import on first use) for the full text, filters and
 * sorting; typo correction first (correct.ts). Full matches first, then, for
 * a query of several words, post-mortems that hold only some of them.
 */
import { FACET_KEYS, type FacetKey, type Filters } from '../../lib/site/facets.ts';
import { isStopWord } from '../../lib/search/stop-words.ts';
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
        return rememberSearches(pagefind);
      })
      .catch((error: unknown) => {
        loading = null;
        throw new Error(`search needs a built site (${error instanceof Error ? error.message : String(error)})`);
      }));
}

const toPagefindFilters = (filters: Filters, except?: FacetKey): PagefindFilters =>
  Object.fromEntries(FACET_KEYS.filter((key) => key !== except && filters[key]?.length).map((key) => [key, { any: filters[key]! }]));

/** Letters and digits a word needs to be searched: Pagefind matches word beginnings, so one letter would match most of the archive. */
const MIN_WORD_LENGTH = 2;

/**
 * The words of `query` that are searched: those with two letters or digits at
 * least (a word of one letter is one being typed; searching it would fetch an
 * index chunk and ten results for words nobody meant, one keystroke before the
 * real word), without the common words the search core drops (query.ts), so
 * "outage in the eu region" does not fall back to every page holding "in".
 */
export function searchWords(query: string): string[] {
  const words = query.split(/\s+/).filter((word) => (word.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_WORD_LENGTH);
  const meaningful = words.filter((word) => !isStopWord(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  return meaningful.length ? meaningful : words;
}

/**
 * Pagefind answers kept at most: a few keystrokes' worth (each asks the query and its new word; the
 * other words are asked again, so they stay). Few, as one answer at N = 10,000 can hold every page.
 */
const SEARCHES_KEPT = 16;

/**
 * Pagefind with a memory: each search is asked once per term, filters and
 * sort (the last SEARCHES_KEPT), and each result's data once. Every Pagefind
 * search costs time in proportion to the pages it finds, and typing changes
 * only the last word, so the other words' searches, and the fragments of
 * results already drawn, are reused instead of asked again.
 */
export function rememberSearches(pagefind: Pagefind, kept = SEARCHES_KEPT): Pagefind {
  const searches = new Map<string, Promise<PagefindSearch | null>>();
  const search: Pagefind['search'] = (term, options = {}) => {
    const key = JSON.stringify([term, options.filters ?? {}, options.sort ?? null]);
    let answer = searches.get(key);
    if (answer) searches.delete(key);
    else {
      answer = pagefind.search(term, options).then((found) => found && { ...found, results: found.results.map(rememberData) });
      answer.catch(() => searches.delete(key));
    }
    // Most recently asked last, so the oldest is the first to go.
    searches.set(key, answer);
    if (searches.size > kept) searches.delete(searches.keys().next().value!);
    return answer;
  };
  return { ...pagefind, search };
}

/** The result with its `data()` asked once: each call is a round trip to Pagefind's worker that rebuilds the excerpts. */
function rememberData(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindFragment> | null = null;
  return {
    ...result,
    data: () => {
      data ??= result.data();
      data.catch(() => (data = null));
      return data;
    },
  };
}

/**
 * Runs the state's question: `query` is the text after typo correction.
 * The main search, one search per word (for a query of several words) and the
 * facets' searches are asked at once, so Pagefind's worker can fetch one's
 * index chunks while it ranks another; `shown` (positions in the results) is
 * the page that will be drawn, whose fragments are fetched meanwhile.
 */
export async function findAll(pagefind: Pagefind, state: ListState, query: string, shown: { from: number; to: number }): Promise<Found> {
  const words = searchWords(query);
  const term = words.join(' ') || null;
  const order = effectiveSort({ ...state, q: term ?? '' });
  const sort = order === 'relevance' ? undefined : { date: order === 'newest' ? ('desc' as const) : ('asc' as const) };
  const filters = toPagefindFilters(state.filters);
  const counting = facetCounts(pagefind, term, state.filters);
  const mainSearch = pagefind.search(term, { filters, sort });
  // The page drawn is most often the main search's: its fragments are fetched while the other searches run.
  void mainSearch.then((main) => main?.results.slice(shown.from, shown.to).forEach((result) => result.data().catch(() => undefined)), () => undefined);
  // Pagefind leaves out a word it does not know, so "redis zqxwv" would read as a full match for "redis":
  // a query holds every word only when each word finds something on its own.
  const [main, perWord] = await Promise.all([
    mainSearch,
    words.length < 2 ? [] : Promise.all(words.map((word) => pagefind.search(word, { filters }))),
  ]);
  const counts = withCounts(main, await counting);
  if (words.length < 2) return { results: main?.results ?? [], complete: main?.results.length ?? 0, counts };
  const everyWord = perWord.every((search) => (search?.results.length ?? 0) > 0);
  const full = everyWord ? (main?.results ?? []) : [];
  const results = full.concat(partialMatches(perWord, new Set(full.map((result) => result.id))));
  return { results, complete: full.length, counts };
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
async function facetCounts(pagefind: Pagefind, term: string | null, filters: Filters): Promise<Partial<Found['counts']>> {
  const selected = FACET_KEYS.filter((key) => filters[key]?.length);
  const searches = await Promise.all(selected.map((key) => pagefind.search(term, { filters: toPagefindFilters(filters, key) })));
  return Object.fromEntries(selected.map((key, k) => [key, searches[k]?.filters[key] ?? {}]));
}

/** The main search's counts, with each selected facet's own (from facetCounts) in place of its filtered ones. */
function withCounts(main: PagefindSearch | null, selected: Partial<Found['counts']>): Found['counts'] {
  return Object.fromEntries(FACET_KEYS.map((key) => [key, selected[key] ?? main?.filters[key] ?? {}])) as Found['counts'];
}
