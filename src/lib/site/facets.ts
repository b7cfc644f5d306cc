/**
 * Facets of the incident list: which values each post-mortem has, whether it
 * passes a set of filters, and how many post-mortems each value would show.
 * The page renders the first counts at build (facet-options.ts); the
 * browser script recounts with these same functions as the reader filters.
 * Browser-safe: no imports, so the list's script stays small.
 */
export const FACET_KEYS = ['severity', 'category', 'service', 'year', 'status', 'learning'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

/** A post-mortem's values per facet (services can be several). */
export type FacetValues = Record<FacetKey, string[]>;

/** Selected values per facet: values of one facet are alternatives (OR); facets combine (AND). */
export type Filters = Partial<Record<FacetKey, string[]>>;

export interface FacetOption {
  value: string;
  label: string;
  /** Post-mortems this value shows given the other facets' filters. */
  count: number;
}

export interface Facet {
  key: FacetKey;
  label: string;
  options: FacetOption[];
}

export const FACET_LABELS: Record<FacetKey, string> = {
  severity: 'Severity',
  category: 'Root cause',
  service: 'Service',
  year: 'Year',
  status: 'Status',
  learning: 'Learning',
};

/** True when the values pass every facet's filter, ignoring facet `except` (to count that facet's options). */
export function matchesFilters(values: FacetValues, filters: Filters, except?: FacetKey): boolean {
  return FACET_KEYS.every((key) => {
    const wanted = filters[key];
    return key === except || !wanted?.length || (values[key] ?? []).some((value) => wanted.includes(value));
  });
}

/**
 * For each facet and value: how many items would match if that value were
 * chosen too, given every other facet's filters (so counts of one facet's
 * options never collapse to the one already ticked).
 */
export function countFacets(items: readonly FacetValues[], filters: Filters): Record<FacetKey, Record<string, number>> {
  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, {} as Record<string, number>])) as Record<FacetKey, Record<string, number>>;
  for (const item of items) {
    for (const key of FACET_KEYS) {
      if (!matchesFilters(item, filters, key)) continue;
      for (const value of item[key] ?? []) counts[key][value] = (counts[key][value] ?? 0) + 1;
    }
  }
  return counts;
}
