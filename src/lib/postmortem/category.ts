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

/** The category for an id; ids come from the validated schema, so this never misses. */
export function rootCauseCategory(id: CategoryId): RootCauseCategory {
  return CATEGORIES.find((category) => category.id === id)!;
}

/**
 * Maps how people write a category (`Code bug`, `code_bug`, `CONFIGURATION`) to its id.
 * Returns the input unchanged when it names no category, so the schema can quote it.
 */
export function normaliseCategory(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const key = value.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return (CATEGORY_IDS as readonly string[]).includes(key) ? key : value;
}
