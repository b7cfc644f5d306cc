/**
 * Each Pagefind page's facet values, by Pagefind's page id (`incidents/facets.json`).
 * The incident list counts facet options from it over a search's results
 * (countFacets), so Pagefind never loads its filter chunks to count: that
 * counting cost every search time in proportion to its results. Written after
 * Pagefind's index (the ids are its fragments' names, known only then), from
 * the filters Pagefind itself stored, so the counts are the ones it gave.
 * Browser-safe: no imports but facets.ts.
 */
import { FACET_KEYS, type FacetKey, type FacetValues } from '../facets.ts';

/** Column-wise, so the file gzips small: each facet's distinct values once, then per page the positions of its values. */
export interface FacetTableFile {
  ids: string[];
  values: Record<FacetKey, string[]>;
  pages: Record<FacetKey, number[][]>;
}

/** The facet values of every page, by page id. */
export type FacetTable = ReadonlyMap<string, FacetValues>;

/** The file for `pages` (id, facet values), in the order given. */
export function encodeFacetTable(pages: Iterable<[string, Partial<FacetValues>]>): FacetTableFile {
  const file: FacetTableFile = { ids: [], values: emptyColumns(() => []), pages: emptyColumns(() => []) };
  const positions = emptyColumns(() => new Map<string, number>());
  for (const [id, facets] of pages) {
    file.ids.push(id);
    for (const key of FACET_KEYS) {
      file.pages[key].push(
        (facets[key] ?? []).map((value) => {
          let at = positions[key].get(value);
          if (at === undefined) positions[key].set(value, (at = file.values[key].push(value) - 1));
          return at;
        }),
      );
    }
  }
  return file;
}

export function decodeFacetTable(file: FacetTableFile): FacetTable {
  return new Map(file.ids.map((id, page) => [id, emptyColumns((key) => file.pages[key][page]!.map((at) => file.values[key][at]!))]));
}

function emptyColumns<T>(make: (key: FacetKey) => T): Record<FacetKey, T> {
  return Object.fromEntries(FACET_KEYS.map((key) => [key, make(key)])) as Record<FacetKey, T>;
}
