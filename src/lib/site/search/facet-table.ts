/**
 * Each Pagefind page's facet values, by Pagefind's page id (`incidents/facets.json`).
 * The incident list counts facet options from it over a search's results
 * (countPages, which counts as countFacets does), so Pagefind never loads its filter chunks to count: that
 * counting cost every search time in proportion to its results. Written after
 * Pagefind's index (the ids are its fragments' names, known only then), from
 * the filters Pagefind itself stored, so the counts are the ones it gave.
 * Browser-safe: no imports but facets.ts.
 */
import { FACET_KEYS, type FacetKey, type FacetValues, type Filters } from '../facets.ts';

/** Column-wise, so the file gzips small: each facet's distinct values once, then per page the positions of its values. */
export interface FacetTableFile {
  ids: string[];
  values: Record<FacetKey, string[]>;
  pages: Record<FacetKey, number[][]>;
}

/** The table as the page reads it: each page id's position, its values by position, and the counter. */
export interface FacetTable {
  pageOf: ReadonlyMap<string, number>;
  /** Pages in the table. */
  size: number;
  valuesOf(page: number): FacetValues;
  file: FacetTableFile;
}

/** The file for `pages` (id, facet values), in the order given. */
export function encodeFacetTable(pages: Iterable<[string, Partial<FacetValues>]>): FacetTableFile {
  const file: FacetTableFile = { ids: [], values: byFacet(() => []), pages: byFacet(() => []) };
  const positions = byFacet(() => new Map<string, number>());
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

/** Only the ids are indexed: the values stay positions until counted (decoding every page's strings cost 94 ms at 10,000). */
export function readFacetTable(file: FacetTableFile): FacetTable {
  return {
    pageOf: new Map(file.ids.map((id, page) => [id, page])),
    size: file.ids.length,
    valuesOf: (page) => byFacet((key) => file.pages[key][page]!.map((at) => file.values[key][at]!)),
    file,
  };
}

/**
 * countFacets (facets.ts) over `pages`, on value positions instead of strings: for each facet and value, how
 * many of the pages would match if it were chosen too, given every other facet's filters. A page failing one
 * facet's filter counts for that facet only; failing two, for none. The plain countFacets over decoded values
 * cost 26 ms at 10,000 pages (Node, one core), on the main thread; tests/unit/facet-table.test.ts holds the two equal.
 */
export function countPages({ file }: FacetTable, pages: Iterable<number>, filters: Filters): Record<FacetKey, Record<string, number>> {
  const columns = FACET_KEYS.map((key) => file.pages[key]);
  const chosen = FACET_KEYS.map((key) => {
    if (!filters[key]?.length) return null;
    const wanted = new Uint8Array(file.values[key].length);
    for (const value of filters[key]) {
      const at = file.values[key].indexOf(value);
      if (at >= 0) wanted[at] = 1;
    }
    return wanted;
  });
  const tallies = FACET_KEYS.map((key) => new Uint32Array(file.values[key].length));
  for (const page of pages) {
    let failing = -1;
    let fails = 0;
    for (let k = 0; k < columns.length && fails < 2; k += 1) {
      const wanted = chosen[k];
      if (wanted && !columns[k]![page]!.some((at) => wanted[at] === 1)) {
        fails += 1;
        failing = k;
      }
    }
    if (fails > 1) continue;
    for (let k = 0; k < columns.length; k += 1) {
      if (fails === 1 && failing !== k) continue;
      for (const at of columns[k]![page]!) tallies[k]![at]! += 1;
    }
  }
  return byFacet((key, k) => Object.fromEntries(file.values[key].flatMap((value, at) => (tallies[k]![at]! > 0 ? [[value, tallies[k]![at]!]] : []))));
}

function byFacet<T>(make: (key: FacetKey, k: number) => T): Record<FacetKey, T> {
  return Object.fromEntries(FACET_KEYS.map((key, k) => [key, make(key, k)])) as Record<FacetKey, T>;
}
