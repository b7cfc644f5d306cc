/**
 * The incident list's state in its URL:
 * `?q=redis&severity=SEV-1&severity=SEV-2&service=auth&sort=oldest&page=2&verbatim=1`.
 * One reader and one writer, used by the list's script and by pages that
 * link into the list, so shared links always mean the same view.
 * Browser-safe.
 */
import { FACET_KEYS, type Filters } from './facets.ts';
import { url } from './urls.ts';

/** Orders the list can show: best match (only with a query), newest or oldest first. */
export const SORTS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
] as const;
export type ListSort = (typeof SORTS)[number]['value'];

export interface ListState {
  /** The search text, trimmed; empty for none. */
  q: string;
  filters: Filters;
  /** Absent: best match with a query, newest first without. */
  sort?: ListSort;
  /** The page of results (1-based); absent for the first. */
  page?: number;
  /** Search the words as typed, without spelling correction (`verbatim=1`: the "search for X instead" link). */
  verbatim?: boolean;
}

/** The order a state shows: its sort, or the default for whether it has a query. */
export function effectiveSort(state: ListState): ListSort {
  if (state.sort && (state.sort !== 'relevance' || state.q)) return state.sort;
  return state.q ? 'relevance' : 'newest';
}

/** The state a query string describes; unknown parameters are ignored, values deduplicated. */
export function readListState(params: URLSearchParams): ListState {
  const filters: Filters = {};
  for (const key of FACET_KEYS) {
    const values = [...new Set(params.getAll(key).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  const state: ListState = { q: (params.get('q') ?? '').trim(), filters };
  const sort = SORTS.find((option) => option.value === params.get('sort'))?.value;
  if (sort) state.sort = sort;
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) state.page = page;
  if (params.get('verbatim') === '1' && state.q) state.verbatim = true;
  return state;
}

/** The query string for a state (without `?`): `q` first, then facets in their fixed order, sort, page. */
export function writeListState(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.sort && state.sort !== effectiveSort({ q: state.q, filters: {} })) params.set('sort', state.sort);
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (state.verbatim && state.q.trim()) params.set('verbatim', '1');
  return params.toString();
}

/** The incident list showing `state`: `/base/incidents/?severity=SEV-2`. */
export function incidentListUrl(state: Partial<ListState> = {}): string {
  const query = writeListState({ q: state.q ?? '', filters: state.filters ?? {}, sort: state.sort, page: state.page, verbatim: state.verbatim });
  return url(`incidents/${query ? `?${query}` : ''}`);
}

/** A static page of the whole list, newest first: `/base/incidents/` for the first, `/base/incidents/page/2/` after. */
export function incidentPageUrl(page: number): string {
  return url(page <= 1 ? 'incidents/' : `incidents/page/${page}/`);
}
