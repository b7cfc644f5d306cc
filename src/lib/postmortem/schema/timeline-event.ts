import { z } from 'astro/zod';

/** One row of a post-mortem's Timeline table, as the parser resolves it. */
export const timelineEventSchema = z.object({
  /** The time as written. Example: `09:12` or `2026-03-15 00:10`. */
  time: z.string(),
  /** The resolved instant in epoch milliseconds (UTC), or null when the time could not be read. */
  at: z.number().nullable(),
  /** What happened. Example: `Alert fired: ExportLatencyHigh`. */
  event: z.string(),
  /** 1-based line of the row in the file. */
  line: z.number().int(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
