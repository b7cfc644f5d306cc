/**
 * The incident list's search over the whole archive, in the browser: Pagefind
 * (loaded with a dynamic import on first use) for the full text, filters and
 * sorting; typo correction first (correct.ts). Full matches first, then, for
 * a query of several words, post-mortems that hold only some of them.
 */
import { FACET_KEYS, type FacetKey, type Filters } from '../../lib/site/facets.ts';
import { countPages, readFacetTable, type FacetTable, type FacetTableFile } from '../../lib/site/search/facet-table.ts';
import { mergeMatches } from '../../lib/search/merge.ts';
import { mustBeWhole, searchWords } from '../../lib/search/query-words.ts';
import { effectiveSort, type ListState } from '../../lib/site/list-state.ts';

export { searchWords };

/** The part of Pagefind's browser API the list uses (pagefind.js has no published types). */
export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindSearch | null>;
}
type PagefindFilters = Record<string, { any: string[] }>;
interface PagefindSearch {
  results: PagefindResult[];
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

/** Each facet option's count over a question's results. */
export type FacetCounts = Record<FacetKey, Record<string, number>>;

/** What a question finds: results best first, how many of them hold every word, and each facet option's count (null when not asked). */
export interface Found {
  results: PagefindResult[];
  complete: number;
  counts: FacetCounts | null;
}

/**
 * Pagefind, and the facet values of each of its pages (facet-table.ts), which the page counts facets from; null
 * while no count can be seen (the filters folded, none chosen), so the table need not be fetched for a search.
 */
export interface SiteSearch {
  pagefind: Pagefind;
  facets: FacetTable | null;
}

/** `load`, asked once and remembered; asked again after it failed. */
function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load();
    loading.catch(() => (loading = null));
    return loading;
  };
}

/**
 * Loads Pagefind from the built site once; rejects with a reader-facing reason when there is none (`astro dev`).
 * Pagefind's own filter lists are not loaded: once loaded, every search counts every filter value over all its
 * results (2.2-2.5 times a search's cost at 1,000, docs/PERFORMANCE.md), and they are more bytes than the facet
 * table (162.0 against 82.6 KB gzip at 10,000).
 */
export function pagefindLoader(bundleUrl: string): () => Promise<Pagefind> {
  return loadOnce(() =>
    (import(/* @vite-ignore */ `${bundleUrl}pagefind.js`) as Promise<Pagefind>)
      .then(async (pagefind) => {
        await pagefind.options({ baseUrl: '/', excerptLength: 24 });
        await pagefind.init();
        return rememberSearches(pagefind);
      })
      .catch((error: unknown) => {
        throw new Error(`search needs a built site (${error instanceof Error ? error.message : String(error)})`);
      }),
  );
}

/** Loads the facet table (`facetsUrl`, written by the build) once. */
export function facetTableLoader(facetsUrl: string): () => Promise<FacetTable> {
  return loadOnce(async () => {
    const response = await fetch(facetsUrl);
    if (!response.ok) throw new Error(`search needs a built site (${facetsUrl} answered HTTP ${response.status})`);
    return readFacetTable((await response.json()) as FacetTableFile);
  });
}

const toPagefindFilters = (filters: Filters): PagefindFilters =>
  Object.fromEntries(FACET_KEYS.filter((key) => filters[key]?.length).map((key) => [key, { any: filters[key]! }]));

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

/** The positions of the results a page will show, and whether a newer question has made it moot. */
export interface Shown {
  from: number;
  to: number;
  stale?: () => boolean;
}

/**
 * A question's answer in two stages. `first`: the results that hold every word, before the partial matches are
 * known, or null when it cannot be told yet (see findAll); they are the settled results' first rows, in order.
 * `settled`: every result, full matches first.
 */
export interface Finding {
  first: Promise<Found | null>;
  settled: Promise<Found>;
}

/**
 * Runs the state's question: `query` is the text after typo correction; `archiveWords`: every searched word is
 * one the archive holds (spelling.ts), so Pagefind, which drops only words it does not know, answers the query
 * with the pages holding every word. The main search, one search per word (for a query of several words) and,
 * with a filter chosen, the query's unfiltered search (for the counts) are asked at once, so Pagefind's worker
 * can fetch one's index chunks while it ranks another; `shown` (positions in the results) is the page that will
 * be drawn, whose fragments are fetched meanwhile unless `shown.stale()` says a newer question replaced this one
 * (while the index loads, the beginnings of a word typed meanwhile would each fetch a page of fragments). With `archiveWords`, the per-word searches wait for the main
 * one: Pagefind's one worker answers in turn, so the first page's fragments come before them and `first` is
 * drawn while they run.
 */
export function findAll({ pagefind, facets }: SiteSearch, state: ListState, query: string, shown: Shown, archiveWords = false): Finding {
  const words = searchWords(query);
  const term = words.join(' ') || null;
  const order = effectiveSort({ ...state, q: term ?? '' });
  const sort = order === 'relevance' ? undefined : { date: order === 'newest' ? ('desc' as const) : ('asc' as const) };
  const filters = toPagefindFilters(state.filters);
  // The counts are over the query's results without the filters: countPages applies every facet's filter but its own.
  const unfilteredSearch = facets && term !== null && Object.keys(filters).length ? pagefind.search(term, { sort }) : null;
  const mainSearch = pagefind.search(term, { filters, sort });
  // The page drawn is most often the main search's: its fragments are fetched while the other searches run.
  void mainSearch.then((main) => !shown.stale?.() && main?.results.slice(shown.from, shown.to).forEach((result) => result.data().catch(() => undefined)), () => undefined);
  // Pagefind leaves out a word it does not know, so "redis zqxwv" would read as a full match for "redis":
  // a query holds every word only when each word finds something on its own.
  // A word with a digit counts only when the archive holds it whole (Pagefind's exact search; query-words.ts).
  const askWords = () =>
    Promise.all([
      words.length < 2 ? [] : Promise.all(words.map((word) => pagefind.search(word, { filters }))),
      Promise.all(words.map(async (word) => !mustBeWhole(word) || ((await pagefind.search(`"${word}"`))?.results.length ?? 0) > 0)),
    ]);
  const early = archiveWords && words.length > 1;
  const perWord = early ? mainSearch.then(askWords) : askWords();
  // No term (filters or a sort only): every page is a result before the filters. A page the table does not know
  // (a table older than the index) counts under no value.
  const counts = Promise.all([mainSearch, unfilteredSearch]).then(([main, unfiltered]) => {
    if (!facets) return null;
    const counted = term === null ? facets.pageOf.values() : ((unfiltered ?? main)?.results ?? []).flatMap((result) => facets.pageOf.get(result.id) ?? []);
    return countPages(facets, counted, state.filters);
  });
  // An empty first answer is not drawn: a word none of the filtered pages holds leaves only partial matches.
  const first = early
    ? Promise.all([mainSearch, counts]).then(([main, counted]) => (main?.results.length ? { results: main.results, complete: main.results.length, counts: counted } : null))
    : Promise.resolve(null);
  const settled = Promise.all([mainSearch, perWord, counts]).then(([main, [answers, known], counted]) => ({
    ...mergeMatches(main?.results ?? [], answers.map((search) => search?.results ?? []), (result) => result, known),
    counts: counted,
  }));
  return { first, settled };
}
