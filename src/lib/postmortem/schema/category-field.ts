import { z } from 'astro/zod';
import { CATEGORY_IDS, normaliseCategory, UNKNOWN_CATEGORY } from '../model/category.ts';

/**
 * A root-cause category from the spec's five. Case and separators are
 * tolerated (`Code bug` becomes `code-bug`). Example: `deployment`.
 */
export const categorySchema = z.preprocess(
  normaliseCategory,
  z.enum(CATEGORY_IDS, { errorMap: () => ({ message: `must be one of ${CATEGORY_IDS.join(', ')}` }) }),
);

/**
 * The main root-cause category: one of the five, or `unknown` while a draft's
 * cause is still being investigated. Example: `deployment`.
 */
export const mainCategorySchema = z.preprocess(
  normaliseCategory,
  z.enum([...CATEGORY_IDS, UNKNOWN_CATEGORY.id], {
    errorMap: () => ({ message: `must be one of ${CATEGORY_IDS.join(', ')} (or ${UNKNOWN_CATEGORY.id} in a draft)` }),
  }),
);
