/**
 * The incident list's state in its URL: `?q=redis&severity=SEV-1&severity=SEV-2&service=auth`.
 * One reader and one writer, used by the list's script and by pages that
 * link into the list, so shared links always mean the same filter.
 * Browser-safe.
 */
import { FACET_KEYS, type Filters } from './facets.ts';
import { url } from './urls.ts';

export interface ListState {
  /** The search text, trimmed; empty for none. */
  q: string;
  filters: Filters;
}

/** The state a query string describes; unknown parameters are ignored, values deduplicated. */
export function readListState(params: URLSearchParams): ListState {
  const filters: Filters = {};
  for (const key of FACET_KEYS) {
    const values = [...new Set(params.getAll(key).filter(Boolean))];
    if (values.length) filters[key] = values;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a state (without `?`): `q` first, then facets in their fixed order. */
export function writeListState(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const key of FACET_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  return params.toString();
}

/** The incident list showing `state`: `/base/incidents/?severity=SEV-2`. */
export function incidentListUrl(state: Partial<ListState> = {}): string {
  const query = writeListState({ q: state.q ?? '', filters: state.filters ?? {} });
  return url(`incidents/${query ? `?${query}` : ''}`);
}
