/**
 * Links the author declares between incidents, which always win over the ones
 * Hindsight computes: a follow-up that would have prevented this incident
 * (`prevented_by`), and earlier incidents this one is not related to
 * (`unrelated_to`, which dismisses computed links). `recurrence_of` has its own file.
 */
import { z } from 'astro/zod';
import { recurrenceSlug } from './recurrence.ts';

/**
 * `slug#FOLLOW-UP`: the earlier post-mortem's slug (a file name is read as its slug), then the follow-up:
 * the Ticket cell's text (`OPS-1542`) or the row number in the Action Items table (`3`).
 */
const PREVENTED_BY = /^(?:.*\/)?(?:postmortem-)?(\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*)(?:\.mdx?)?#\s*(\S.*)$/;

export interface PreventedBy {
  /** The earlier post-mortem. Example: `2025-07-16-pgbouncer-pool-exhaustion`. */
  slug: string;
  /** Its follow-up: a ticket text (`OPS-1332`) or a 1-based row number (`2`). */
  followUp: string;
}

/**
 * One entry of `prevented_by`: `2025-07-16-pgbouncer-pool-exhaustion#OPS-1332`
 * (the earlier post-mortem's slug, `#`, then its follow-up's ticket or row number).
 */
const preventedByEntry = z
  .string({ invalid_type_error: 'must be `slug#ticket`, like 2025-07-16-pgbouncer-pool-exhaustion#OPS-1332' })
  .trim()
  .regex(PREVENTED_BY, 'must be `slug#ticket` or `slug#row`, like 2025-07-16-pgbouncer-pool-exhaustion#OPS-1332 (the earlier post-mortem, then its follow-up)')
  .transform((value): PreventedBy => {
    const [, slug, followUp] = PREVENTED_BY.exec(value)!;
    return { slug: slug!, followUp: followUp!.trim() };
  });

/**
 * `prevented_by`: follow-ups of earlier incidents that would have prevented
 * this one had they been done, one entry or a list; absent when none.
 * Whether the post-mortem and the follow-up exist is the archive rule's to check.
 */
export const preventedBySchema = z
  .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(preventedByEntry, { invalid_type_error: 'must be a list of `slug#ticket` entries' }))
  .optional();

/** `unrelated_to`: earlier post-mortems this incident is not about, by slug; Hindsight then shows no computed link between the two. */
export const unrelatedToSchema = z
  .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(recurrenceSlug, { invalid_type_error: 'must be a slug or a list of slugs of earlier post-mortems' }))
  .optional();
