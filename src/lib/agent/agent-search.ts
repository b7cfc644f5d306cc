/**
 * The incident search for agents and the terminal: every section of every
 * post-mortem (the core's searchableSections, as the site's Pagefind index),
 * in the in-memory engine (src/lib/site/search/engine.ts), with the site's
 * facet filters (facetValuesOf, matchesFilters) and highlighter for "matched in" lines.
 */
import { normaliseCategory } from '../postmortem/category.ts';
import type { Postmortem } from '../postmortem/model.ts';
import type { SeverityId } from '../postmortem/severity.ts';
import { facetValuesOf } from '../site/facet-options.ts';
import { matchesFilters, type Filters } from '../site/facets.ts';
import { highlightRanges, snippet } from '../search/highlight.ts';
import { createIncidentSearch } from '../search/engine.ts';
import { buildSearchData } from '../search/records.ts';
import type { SearchOutput } from './schemas.ts';
import { postmortemSummary } from './summary.ts';

export interface SearchRequest {
  query: string;
  service?: string | null;
  severity?: SeverityId | null;
  category?: string | null;
  /** `YYYY-MM-DD`: only incidents on or after it. */
  since?: string | null;
  limit?: number;
}

export const DEFAULT_SEARCH_LIMIT = 10;

/** Searches `postmortems` (archive order: newest first, as the site lists them). */
export function searchPostmortems(postmortems: readonly Postmortem[], request: SearchRequest): SearchOutput {
  const engine = createIncidentSearch(buildSearchData(postmortems));
  const category = request.category ? String(normaliseCategory(request.category)) : null;
  const filters: Filters = {
    service: request.service ? [request.service] : [],
    severity: request.severity ? [request.severity] : [],
    category: category ? [category] : [],
  };
  const ranked = engine.search(request.query)?.hits ?? postmortems.map((_, index) => index);
  const hits = ranked.filter((index) => {
    const pm = postmortems[index]!;
    return matchesFilters(facetValuesOf(pm), filters) && (!request.since || pm.meta.date >= request.since);
  });
  const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
  return {
    query: request.query,
    filters: { service: request.service ?? null, severity: request.severity ?? null, category, since: request.since ?? null },
    total: hits.length,
    results: hits.slice(0, limit).map((index, at) => {
      const pm = postmortems[index]!;
      const matched = engine.fields(index).flatMap((field) =>
        field.values.flatMap((value) => {
          const ranges = highlightRanges(value, request.query);
          return ranges.length ? [{ field: field.key, label: field.label, text: snippet(value, ranges).text }] : [];
        }),
      );
      return { ...postmortemSummary(pm), rank: at + 1, summary: pm.summary, root_cause: pm.rootCause, matched };
    }),
  };
}
