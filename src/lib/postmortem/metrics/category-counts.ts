/** Root-cause categories as main and as contributing cause: overall, per service, and the most common. */
import { CATEGORY_IDS, UNKNOWN_CATEGORY, type MainCategoryId } from '../model/category.ts';
import { compareText } from './people.ts';
import type { IncidentRecord } from './record.ts';

export interface CategoryCount {
  category: MainCategoryId;
  primary: number;
  contributing: number;
}

export interface ServiceCategoryCounts {
  service: string;
  n: number;
  counts: Partial<Record<MainCategoryId, { primary: number; contributing: number }>>;
}

/** The five categories always; `unknown` (drafts only) when an incident says it. */
export function categoryIdsOf(records: readonly IncidentRecord[]): MainCategoryId[] {
  return records.some((record) => record.category === UNKNOWN_CATEGORY.id) ? [...CATEGORY_IDS, UNKNOWN_CATEGORY.id] : [...CATEGORY_IDS];
}

function countOf(records: readonly IncidentRecord[], category: MainCategoryId): { primary: number; contributing: number } {
  return {
    primary: records.filter((record) => record.category === category).length,
    contributing: records.filter((record) => (record.contributing as string[]).includes(category)).length,
  };
}

/** Per category: incidents with it as the main cause and as a contributing one. */
export function categoryCounts(records: readonly IncidentRecord[], ids: readonly MainCategoryId[]): CategoryCount[] {
  return ids.map((category) => ({ category, ...countOf(records, category) }));
}

/** The same per service, busiest service first. */
export function categoriesByService(records: readonly IncidentRecord[], services: readonly string[], ids: readonly MainCategoryId[]): ServiceCategoryCounts[] {
  return services
    .map((service) => {
      const ofService = records.filter((record) => record.services.includes(service));
      return { service, n: ofService.length, counts: Object.fromEntries(ids.map((category) => [category, countOf(ofService, category)])) };
    })
    .sort((a, b) => b.n - a.n || compareText(a.service, b.service));
}

/** The most frequent known main categories (several on a tie); empty when none is known. */
export function topCategories(categories: readonly CategoryCount[]): { category: MainCategoryId; count: number }[] {
  const known = categories.filter((entry) => entry.category !== UNKNOWN_CATEGORY.id);
  const top = Math.max(0, ...known.map((entry) => entry.primary));
  return top ? known.filter((entry) => entry.primary === top).map((entry) => ({ category: entry.category, count: top })) : [];
}
