import { z } from 'astro/zod';

const SLUG = /^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One earlier post-mortem, by slug; a file name (`postmortem-….md`) is read as its slug. Example: `2026-03-14-report-export-timeouts`. */
export const recurrenceSlug = z
  .string({ invalid_type_error: 'must be the slug of an earlier post-mortem' })
  .trim()
  .transform((value) => value.replace(/^.*\//, '').replace(/\.mdx?$/i, '').replace(/^postmortem-/, ''))
  .refine((slug) => SLUG.test(slug), 'must be the slug of an earlier post-mortem, like 2026-03-14-report-export-timeouts');

/**
 * `recurrence_of`: the earlier post-mortems this incident repeats, one slug or
 * a list; absent when none. Whether each exists and is earlier is the archive rule's to check.
 */
export const recurrenceSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z.array(recurrenceSlug, { invalid_type_error: 'must be a slug or a list of slugs of earlier post-mortems' }),
  )
  .optional();
