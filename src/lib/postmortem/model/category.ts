/**
 * Root-cause categories from the spec's step 3: the single source for ids,
 * labels and descriptions used by the schema, the site and the generators.
 */

export const CATEGORY_IDS = ['code-bug', 'configuration', 'infrastructure', 'data', 'deployment'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export interface RootCauseCategory {
  id: CategoryId;
  label: string;
  /** The spec's examples of causes in this category. */
  examples: string;
}

export const CATEGORIES: readonly RootCauseCategory[] = [
  { id: 'code-bug', label: 'Code bug', examples: 'Logic error, race condition, missing error handling' },
  { id: 'configuration', label: 'Configuration', examples: 'Wrong setting, missing environment variable, expired credential' },
  { id: 'infrastructure', label: 'Infrastructure', examples: 'Resource exhaustion, network issue, dependency failure' },
  { id: 'data', label: 'Data', examples: 'Corrupt data, unexpected volume, schema drift' },
  { id: 'deployment', label: 'Deployment', examples: 'Bad deploy, missing migration, incompatible version' },
];

/**
 * A draft may not know its root cause yet; it says `unknown` until it does.
 * Only drafts may (rule `category-known`), so charts of reviewed incidents never show it.
 */
export const UNKNOWN_CATEGORY = { id: 'unknown', label: 'Not known yet', examples: 'Root cause still being investigated (drafts only)' } as const;

/** What `root_cause_category` may hold: one of the five, or `unknown` in a draft. */
export type MainCategoryId = CategoryId | typeof UNKNOWN_CATEGORY.id;

/** The category for an id; ids come from the validated schema, so this never misses. */
export function rootCauseCategory(id: MainCategoryId): { id: MainCategoryId; label: string; examples: string } {
  return id === UNKNOWN_CATEGORY.id ? UNKNOWN_CATEGORY : CATEGORIES.find((category) => category.id === id)!;
}

/**
 * Maps how people write a category (`Code bug`, `code_bug`, `CONFIGURATION`) to its id.
 * Returns the input unchanged when it names no category, so the schema can quote it.
 */
export function normaliseCategory(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (key === 'not-known-yet' || key === 'tbd') return UNKNOWN_CATEGORY.id;
  return (CATEGORY_IDS as readonly string[]).includes(key) || key === UNKNOWN_CATEGORY.id ? key : value;
}
