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

/**
 * Column-wise, so the file gzips small: the page ids (idGroups), each facet's distinct values once, then per page
 * the positions of its values, pages in the order of the ids.
 */
export interface FacetTableFile {
  ids: IdGroup[];
  values: Record<FacetKey, string[]>;
  pages: Record<FacetKey, number[][]>;
}

/**
 * Pagefind's page ids (`en_a3f9f6f`: a prefix, then a hash of `digits` hex digits) of one prefix and length, the
 * hashes ascending, each written as its gap to the one before in base 36, comma-separated. As JSON strings the ids
 * were half the table at 10,000 (47.9 of 100.6 KB gzip); as gaps 24.6 KB (docs/PERFORMANCE.md).
 */
export interface IdGroup {
  prefix: string;
  digits: number;
  gaps: string;
}

/** The table as the page reads it: each page id's position, its values by position, and the counter. */
export interface FacetTable {
  pageOf: ReadonlyMap<string, number>;
  /** The page ids, by position. */
  ids: readonly string[];
  /** Pages in the table. */
  size: number;
  valuesOf(page: number): FacetValues;
  file: FacetTableFile;
}

/** An id's prefix and hash: up to its last `_`, then hex digits (at most 13, so the hash is an exact double). */
const PAGE_ID = /^(.*_)?([0-9a-f]{1,13})$/;

/** The file for `pages` (id, facet values), in any order: the file orders them by id. */
export function encodeFacetTable(pages: Iterable<[string, Partial<FacetValues>]>): FacetTableFile {
  const parsed = [...pages].map(([id, facets]) => {
    const match = PAGE_ID.exec(id);
    if (!match) throw new Error(`facet table: page id ${JSON.stringify(id)} is not a prefix and a hex hash, as Pagefind's are`);
    const [, prefix = '', hash] = match;
    return { group: `${prefix}\u0000${String(hash!.length).padStart(2, '0')}`, prefix, digits: hash!.length, hash: parseInt(hash!, 16), facets };
  });
  parsed.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.hash - b.hash));
  const file: FacetTableFile = { ids: [], values: byFacet(() => []), pages: byFacet(() => []) };
  const positions = byFacet(() => new Map<string, number>());
  let group = null as { key: string; prefix: string; digits: number; last: number; gaps: string[] } | null;
  const close = () => group && file.ids.push({ prefix: group.prefix, digits: group.digits, gaps: group.gaps.join(',') });
  for (const page of parsed) {
    if (page.group !== group?.key) {
      close();
      group = { key: page.group, prefix: page.prefix, digits: page.digits, last: 0, gaps: [] };
    }
    group.gaps.push((page.hash - group.last).toString(36));
    group.last = page.hash;
    for (const key of FACET_KEYS) {
      file.pages[key].push(
        (page.facets[key] ?? []).map((value) => {
          let at = positions[key].get(value);
          if (at === undefined) positions[key].set(value, (at = file.values[key].push(value) - 1));
          return at;
        }),
      );
    }
  }
  close();
  return file;
}

/** The page ids of the file, by position. */
export function decodeIds(groups: readonly IdGroup[]): string[] {
  return groups.flatMap(({ prefix, digits, gaps }) => {
    let hash = 0;
    return gaps.split(',').map((gap) => `${prefix}${(hash += parseInt(gap, 36)).toString(16).padStart(digits, '0')}`);
  });
}

/** Only the ids are indexed: the values stay positions until counted (decoding every page's strings cost 94 ms at 10,000). */
export function readFacetTable(file: FacetTableFile): FacetTable {
  const ids = decodeIds(file.ids);
  return {
    pageOf: new Map(ids.map((id, page) => [id, page])),
    ids,
    size: ids.length,
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
