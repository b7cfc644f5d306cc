/** The facet options of the incident list, built from the archive at build time. */
import { CATEGORIES, UNKNOWN_CATEGORY } from '../postmortem/model/category.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import { POSTMORTEM_STATUSES } from '../postmortem/schema/frontmatter-schema.ts';
import { SEVERITIES } from '../postmortem/model/severity.ts';
import { LEARNING_FACET, learningFacetValues } from '../postmortem/learning/facet.ts';
import { countFacets, FACET_KEYS, FACET_LABELS, type Facet, type FacetKey, type FacetOption, type FacetValues, type Filters } from './facets.ts';

/** Services listed before "More services": the rest fold away, so the form's size follows the vocabulary, not the archive. */
export const TOP_SERVICES = 12;

/** The values a post-mortem has for each facet; `archive` (the whole archive) tells whether it repeats an earlier incident. */
export function facetValuesOf(pm: Postmortem, archive: readonly Postmortem[] = []): FacetValues {
  return {
    severity: [pm.meta.severity],
    category: [pm.meta.root_cause_category],
    service: [...new Set(pm.meta.services)],
    year: [pm.meta.date.slice(0, 4)],
    status: [pm.meta.status],
    learning: learningFacetValues(pm, archive),
  };
}

/** Facet values per archive, computed once: every list page and the search index read them. */
const valuesCache = new WeakMap<readonly Postmortem[], FacetValues[]>();

/** {@link facetValuesOf} for every post-mortem of `archive`, in archive order (computed once per archive). */
export function archiveFacetValues(archive: readonly Postmortem[]): FacetValues[] {
  let values = valuesCache.get(archive);
  if (!values) valuesCache.set(archive, (values = archive.map((pm) => facetValuesOf(pm, archive))));
  return values;
}

const facetsCache = new WeakMap<readonly Postmortem[], Facet[]>();

/**
 * Every facet with every value present in the archive, in reading order:
 * severities and categories as the spec lists them (drafts' `unknown` last), services by how often they
 * appear (most first; the form shows {@link TOP_SERVICES} and folds the rest), years newest first,
 * statuses in workflow order. Counts are for `filters`; without filters the result is computed once per archive.
 */
export function buildFacets(postmortems: readonly Postmortem[], filters: Filters = {}): Facet[] {
  const unfiltered = Object.keys(filters).length === 0;
  const cached = unfiltered ? facetsCache.get(postmortems) : undefined;
  if (cached) return cached;
  const items = archiveFacetValues(postmortems);
  const counts = countFacets(items, filters);
  const present = (key: FacetKey) => new Set(items.flatMap((item) => item[key]));
  const option = (key: FacetKey, value: string, label = value): FacetOption => ({ value, label, count: counts[key][value] ?? 0 });
  const ordered: Record<FacetKey, FacetOption[]> = {
    severity: SEVERITIES.filter((level) => present('severity').has(level.id)).map((level) => option('severity', level.id, `${level.id} · ${level.label}`)),
    category: [...CATEGORIES, UNKNOWN_CATEGORY].filter((category) => present('category').has(category.id)).map((category) => option('category', category.id, category.label)),
    service: [...present('service')].map((value) => option('service', value)).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'en')),
    year: [...present('year')].sort().reverse().map((value) => option('year', value)),
    status: POSTMORTEM_STATUSES.filter((status) => present('status').has(status)).map((status) => option('status', status)),
    learning: LEARNING_FACET.filter(({ value }) => present('learning').has(value)).map(({ value, label }) => option('learning', value, label)),
  };
  const facets = FACET_KEYS.map((key) => ({ key, label: FACET_LABELS[key], options: ordered[key] }));
  if (unfiltered) facetsCache.set(postmortems, facets);
  return facets;
}
