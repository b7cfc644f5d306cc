/**
 * The facet table the incident list counts facets from (src/lib/site/search/facet-table.ts):
 * it gives back each page's values, and its counter is countFacets, held to it
 * over generated tables, result sets and filters (the table's counter works on
 * value positions, so it must be proved to count as the plain definition does).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFacets, FACET_KEYS, type FacetValues, type Filters } from '../../src/lib/site/facets.ts';
import { countPages, decodeIds, encodeFacetTable, readFacetTable } from '../../src/lib/site/search/facet-table.ts';

const VALUES = ['a', 'b', 'c', 'd'];
const facetValues = fc.record(Object.fromEntries(FACET_KEYS.map((key) => [key, fc.array(fc.constantFrom(...VALUES.map((v) => `${key}-${v}`)), { maxLength: 3 })])) as Record<keyof FacetValues, fc.Arbitrary<string[]>>);
const filters = fc.record(
  Object.fromEntries(FACET_KEYS.map((key) => [key, fc.array(fc.constantFrom(...[...VALUES, 'absent'].map((v) => `${key}-${v}`)), { maxLength: 3 })])) as Record<keyof FacetValues, fc.Arbitrary<string[]>>,
  { requiredKeys: [] },
);

describe('the facet table', () => {
  it('gives back each page\'s values by id, a facet Pagefind stored no value for as none', () => {
    const file = encodeFacetTable([
      ['en_1', { severity: ['SEV-1'], service: ['api', 'db'], year: ['2025'] }],
      ['en_2', { severity: ['SEV-2'], service: ['db'], year: ['2025'], learning: ['repeat'] }],
    ]);
    // Each value once per facet.
    expect(file.values.service).toEqual(['api', 'db']);
    expect(file.values.year).toEqual(['2025']);
    const table = readFacetTable(file);
    expect(table.ids).toEqual(['en_1', 'en_2']);
    expect(table.pageOf.get('en_2')).toBe(1);
    expect(table.valuesOf(1)).toEqual({ severity: ['SEV-2'], category: [], service: ['db'], year: ['2025'], status: [], learning: ['repeat'] });
  });

  it('gives back every page id, whatever their prefixes, lengths and order, each with its own values', () => {
    const hash = fc.tuple(fc.constantFrom('en_', 'fr_', ''), fc.integer({ min: 7, max: 13 })).chain(([prefix, digits]) =>
      fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: digits, maxLength: digits }).map((hex) => `${prefix}${hex.join('')}`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(hash, { maxLength: 40 }), (ids) => {
        const table = readFacetTable(encodeFacetTable(ids.map((id, at) => [id, { year: [String(at)] }])));
        expect([...table.ids].sort()).toEqual([...ids].sort());
        for (const [at, id] of ids.entries()) expect(table.valuesOf(table.pageOf.get(id)!).year).toEqual([String(at)]);
        // The same pages in another order make the same file.
        expect(encodeFacetTable([...ids].reverse().map((id) => [id, { year: [String(ids.indexOf(id))] }]))).toEqual(table.file);
      }),
      { numRuns: 300 },
    );
    expect(decodeIds([])).toEqual([]);
    expect(() => encodeFacetTable([['page-one', {}]])).toThrow(/hex hash/);
  });

  it('counts as countFacets does, over any pages of any table, with any filters', () => {
    fc.assert(
      fc.property(fc.array(facetValues, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 40 }), filters, (pages, picks, chosen: Filters) => {
        const table = readFacetTable(encodeFacetTable(pages.map((values, at) => [`en_${at}`, values])));
        // Results may name a page twice (the per-word searches do not here, but the counter must not care) or be empty.
        const results = pages.length ? picks.map((pick) => pick % pages.length) : [];
        expect(countPages(table, results, chosen)).toEqual(countFacets(results.map((at) => pages[at]!), chosen));
      }),
      { numRuns: 500 },
    );
  });
});
