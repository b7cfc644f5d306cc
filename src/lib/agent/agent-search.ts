/**
 * The incident search for agents and the terminal: every section of every
 * post-mortem (the core's searchableSections, as the site's Pagefind index),
 * the core's spelling correction (as the site corrects before Pagefind), then
 * the in-memory engine (src/lib/search/engine.ts), with the site's facet
 * filters (facetValuesOf, matchesFilters) and highlighter for "matched in"
 * lines. The index is built once per archive and kept (a WeakMap on the
 * archive array), so the MCP server answers later calls from memory.
 */
import { normaliseCategory } from '../postmortem/model/category.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import type { SeverityId } from '../postmortem/model/severity.ts';
import { facetValuesOf } from '../site/facet-options.ts';
import { searchMeta } from '../site/search/pagefind-page.ts';
import { matchesFilters, type Filters } from '../site/facets.ts';
import { createCorrector, type Corrector } from '../search/correct.ts';
import { createIncidentSearch, type IncidentSearch } from '../search/engine.ts';
import { isEnglish } from '../search/english.ts';
import { highlightRanges, snippet } from '../search/highlight.ts';
import { buildSearchData, type SearchData } from '../search/records.ts';
import { vocabularyCounter } from '../search/vocabulary.ts';
import type { SearchOutput } from './schemas.ts';
import { postmortemSummary } from './summary.ts';
import { DEFAULT_SEARCH_LIMIT } from './default-limits.ts';

export interface SearchRequest {
  query: string;
  service?: string | null;
  severity?: SeverityId | null;
  category?: string | null;
  /** `YYYY-MM-DD`: only incidents on or after it. */
  since?: string | null;
  limit?: number;
  /** Search the words as typed, without spelling correction. */
  verbatim?: boolean;
}

export { DEFAULT_SEARCH_LIMIT };

interface Prepared {
  engine: IncidentSearch;
  corrector: Corrector;
}
const prepared = new WeakMap<readonly Postmortem[], Prepared>();

/** The archive's vocabulary as the site's build counts it: names always, then words by frequency. */
function vocabularyOf(data: SearchData, postmortems: readonly Postmortem[]) {
  const counter = vocabularyCounter();
  for (const row of data.records) for (const values of row) for (const value of values) counter.addText(value);
  for (const pm of postmortems) for (const name of [pm.meta.title, ...pm.meta.services, ...pm.meta.tags, ...pm.actionItems.map((item) => item.owner)]) counter.addName(name);
  return counter.result();
}

/** The engine and corrector for an archive, built on first use and kept while the archive is. */
export function prepareSearch(postmortems: readonly Postmortem[]): Prepared {
  let ready = prepared.get(postmortems);
  if (!ready) {
    // The card's metadata, as the site's index holds it: Pagefind searches it too.
    const data = buildSearchData(postmortems, searchMeta);
    ready = { engine: createIncidentSearch(data), corrector: createCorrector(vocabularyOf(data, postmortems), isEnglish) };
    prepared.set(postmortems, ready);
  }
  return ready;
}

/** Searches `postmortems` (archive order: newest first, as the site lists them). */
export function searchPostmortems(postmortems: readonly Postmortem[], request: SearchRequest): SearchOutput {
  const { engine, corrector } = prepareSearch(postmortems);
  const correction = request.verbatim ? { query: request.query, changes: [] } : corrector.correct(request.query);
  const category = request.category ? String(normaliseCategory(request.category)) : null;
  const filters: Filters = {
    service: request.service ? [request.service] : [],
    severity: request.severity ? [request.severity] : [],
    category: category ? [category] : [],
  };
  const found = engine.search(correction.query);
  const ranked = found?.hits ?? postmortems.map((_, index) => index);
  const complete = new Set(found ? found.hits.slice(0, found.complete) : ranked);
  const hits = ranked.filter((index) => {
    const pm = postmortems[index]!;
    return matchesFilters(facetValuesOf(pm), filters) && (!request.since || pm.meta.date >= request.since);
  });
  const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
  return {
    query: request.query,
    filters: { service: request.service ?? null, severity: request.severity ?? null, category, since: request.since ?? null },
    searched_for: correction.query,
    corrections: correction.changes,
    total: hits.length,
    complete: hits.filter((index) => complete.has(index)).length,
    results: hits.slice(0, limit).map((index, at) => {
      const pm = postmortems[index]!;
      const matched = engine.fields(index).flatMap((field) =>
        field.values.flatMap((value) => {
          const ranges = highlightRanges(value, correction.query);
          return ranges.length ? [{ field: field.key, label: field.label, text: snippet(value, ranges).text }] : [];
        }),
      );
      return { ...postmortemSummary(pm), rank: at + 1, match: complete.has(index) ? ('all' as const) : ('partial' as const), summary: pm.summary, root_cause: pm.rootCause, matched };
    }),
  };
}
