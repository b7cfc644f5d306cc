import { z } from 'astro/zod';
import { CATEGORY_IDS, normaliseCategory } from '../category.ts';

/**
 * A root-cause category from the spec's five. Case and separators are
 * tolerated (`Code bug` becomes `code-bug`). Example: `deployment`.
 */
export const categorySchema = z.preprocess(
  normaliseCategory,
  z.enum(CATEGORY_IDS, { errorMap: () => ({ message: `must be one of ${CATEGORY_IDS.join(', ')}` }) }),
);
