/** The facet options of the incident list, built from the archive at build time. */
import { CATEGORIES, UNKNOWN_CATEGORY } from '../postmortem/category.ts';
import type { Postmortem } from '../postmortem/model.ts';
import { POSTMORTEM_STATUSES } from '../postmortem/schema/frontmatter-schema.ts';
import { SEVERITIES } from '../postmortem/severity.ts';
import { LEARNING_FACET, learningFacetValues } from '../postmortem/learning/facet.ts';
import { countFacets, FACET_KEYS, FACET_LABELS, type Facet, type FacetKey, type FacetOption, type FacetValues, type Filters } from './facets.ts';

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

/**
 * Every facet with every value present in the archive, in reading order:
 * severities and categories as the spec lists them (drafts' `unknown` last), services A–Z, years
 * newest first, statuses in workflow order. Counts are for `filters`.
 */
export function buildFacets(postmortems: readonly Postmortem[], filters: Filters = {}): Facet[] {
  const items = postmortems.map((pm) => facetValuesOf(pm, postmortems));
  const counts = countFacets(items, filters);
  const present = (key: FacetKey) => new Set(items.flatMap((item) => item[key]));
  const option = (key: FacetKey, value: string, label = value): FacetOption => ({ value, label, count: counts[key][value] ?? 0 });
  const ordered: Record<FacetKey, FacetOption[]> = {
    severity: SEVERITIES.filter((level) => present('severity').has(level.id)).map((level) => option('severity', level.id, `${level.id} · ${level.label}`)),
    category: [...CATEGORIES, UNKNOWN_CATEGORY].filter((category) => present('category').has(category.id)).map((category) => option('category', category.id, category.label)),
    service: [...present('service')].sort((a, b) => a.localeCompare(b, 'en')).map((value) => option('service', value)),
    year: [...present('year')].sort().reverse().map((value) => option('year', value)),
    status: POSTMORTEM_STATUSES.filter((status) => present('status').has(status)).map((status) => option('status', status)),
    learning: LEARNING_FACET.filter(({ value }) => present('learning').has(value)).map(({ value, label }) => option('learning', value, label)),
  };
  return FACET_KEYS.map((key) => ({ key, label: FACET_LABELS[key], options: ordered[key] }));
}
