/**
 * The incident search for agents and the terminal: every section of every
 * post-mortem (the core's searchableSections, as the site's Pagefind index),
 * the core's spelling correction (as the site corrects before Pagefind), then
 * the in-memory engine (src/lib/search/engine.ts), with the site's facet
 * filters (the facets facetValuesOf gives, matchesFilters) and highlighter for "matched in"
 * lines. The index is built once per archive and kept (a WeakMap on the
 * archive array), so the MCP server answers later calls from memory; a
 * command started cold reads it from a snapshot on disk instead
 * (search-snapshot.ts), through the same {@link SearchSource}.
 */
import { normaliseCategory } from '../postmortem/model/category.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import type { SeverityId } from '../postmortem/model/severity.ts';
import { searchMeta } from '../site/search/pagefind-page.ts';
import { matchesFilters, type FacetValues, type Filters } from '../site/facets.ts';
import { createCorrector, type Corrector } from '../search/correct.ts';
import { createIncidentSearch, type IncidentSearch } from '../search/engine.ts';
import { indexDocuments, type RankingIndex } from '../search/ranking.ts';
import { isEnglish } from '../search/english.ts';
import { highlighter, snippet } from '../search/highlight.ts';
import { buildSearchData, type SearchData } from '../search/records.ts';
import { vocabularyCounter, type Vocabulary } from '../search/vocabulary.ts';
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
  /** What a snapshot keeps to answer without parsing the archive: the records, the ranking's index (Pagefind's, ranking.ts) and the corrector's words. */
  data: SearchData;
  ranking: RankingIndex;
  vocabulary: Vocabulary;
}
const prepared = new WeakMap<readonly Postmortem[], Prepared>();

/** What the filters read of an entry: its facets (severity, category, services) and date. */
export interface FilterFacts {
  facets: Pick<FacetValues, 'severity' | 'category' | 'service'>;
  date: string;
}

/** The facts of `pm` the agents' filters read. */
export function filterFactsOf(pm: Postmortem): FilterFacts {
  return { facets: { severity: [pm.meta.severity], category: [pm.meta.root_cause_category], service: [...new Set(pm.meta.services)] }, date: pm.meta.date };
}

/** What a result says of its post-mortem besides the "matched in" lines. */
export type ResultFacts = ReturnType<typeof postmortemSummary> & { summary: string; root_cause: string | null };

/** The facts of `pm` a result shows. */
export function resultFactsOf(pm: Postmortem): ResultFacts {
  return { ...postmortemSummary(pm), summary: pm.summary, root_cause: pm.rootCause };
}

/**
 * What a search reads, entry by entry in list order (newest first): the archive in memory, or a snapshot
 * that reads an entry's facts (and the record the engine's `fields` reads) only when it is a result.
 */
export interface SearchSource {
  count: number;
  /** Search and its "matched in" fields only: a snapshot's engine holds no word index for `likeText`. */
  engine: Pick<IncidentSearch, 'search' | 'fields'>;
  corrector: Corrector;
  filterFacts(index: number): FilterFacts;
  resultFacts(index: number): ResultFacts;
}

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
    const ranking = indexDocuments(data.documents);
    const vocabulary = vocabularyOf(data, postmortems);
    ready = { engine: createIncidentSearch(data, ranking), corrector: createCorrector(vocabulary, isEnglish), data, ranking, vocabulary };
    prepared.set(postmortems, ready);
  }
  return ready;
}

/** The archive in memory as a {@link SearchSource}. */
export function memorySource(postmortems: readonly Postmortem[]): SearchSource {
  const { engine, corrector } = prepareSearch(postmortems);
  return { count: postmortems.length, engine, corrector, filterFacts: (index) => filterFactsOf(postmortems[index]!), resultFacts: (index) => resultFactsOf(postmortems[index]!) };
}

/** Searches `postmortems` (archive order: newest first, as the site lists them). */
export function searchPostmortems(postmortems: readonly Postmortem[], request: SearchRequest): SearchOutput {
  return searchSource(memorySource(postmortems), request);
}

/** Searches a {@link SearchSource}: the archive in memory, or its snapshot. */
export function searchSource(source: SearchSource, request: SearchRequest): SearchOutput {
  const { engine, corrector } = source;
  const correction = request.verbatim ? { query: request.query, changes: [] } : corrector.correct(request.query);
  const category = request.category ? String(normaliseCategory(request.category)) : null;
  const filters: Filters = {
    service: request.service ? [request.service] : [],
    severity: request.severity ? [request.severity] : [],
    category: category ? [category] : [],
  };
  const found = engine.search(correction.query);
  // Without filters every hit passes: no entry's facts are read (thousands at 10,000 post-mortems).
  const filtered = Object.values(filters).some((values) => values?.length) || request.since;
  const passes = (index: number) => {
    if (!filtered) return true;
    const facts = source.filterFacts(index);
    return matchesFilters(facts.facets as FacetValues, filters) && (!request.since || facts.date >= request.since);
  };
  const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
  const full = (found ? found.full : Array.from({ length: source.count }, (_, index) => index)).filter(passes);
  const partial = found ? found.partial.filter(passes).length : 0;
  // The partial matches are ranked (found.hits) only when the full ones do not fill the page.
  const hits = full.length >= limit || !partial ? full.slice(0, limit) : full.concat(found!.hits.slice(found!.complete).filter(passes).slice(0, limit - full.length));
  const mark = highlighter(correction.query);
  return {
    query: request.query,
    filters: { service: request.service ?? null, severity: request.severity ?? null, category, since: request.since ?? null },
    searched_for: correction.query,
    corrections: correction.changes,
    total: full.length + partial,
    complete: full.length,
    results: hits.map((index, at) => {
      const facts = source.resultFacts(index);
      const matched = engine.fields(index).flatMap((field) =>
        field.values.flatMap((value) => {
          const ranges = mark(value);
          return ranges.length ? [{ field: field.key, label: field.label, text: snippet(value, ranges).text }] : [];
        }),
      );
      const { summary, root_cause, ...about } = facts;
      return { ...about, rank: at + 1, match: at < full.length ? ('all' as const) : ('partial' as const), summary, root_cause, matched };
    }),
  };
}
