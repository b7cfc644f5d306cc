import { z } from 'astro/zod';
import { ACTION_STATUSES } from '../model/action-status.ts';

/** One row of a post-mortem's Action Items table, as the parser normalises it. */
export const actionItemSchema = z.object({
  /** What will be done. Example: `Add index on exports.tenant_id`. */
  action: z.string(),
  /** Who owns it, usually a handle. Example: `@dana`. */
  owner: z.string(),
  /** Due date, `YYYY-MM-DD`, or null when none was written. */
  due: z.string().nullable(),
  /** Normalised status. Example: `IN PROGRESS`. */
  status: z.enum(ACTION_STATUSES),
  /** The day it was closed, `YYYY-MM-DD`, when the Status cell gives one (`DONE 2026-03-02`); null otherwise. */
  closed: z.string().nullable(),
  /** Ticket text and URL when the row links one. */
  ticket: z.object({ text: z.string(), url: z.string().nullable() }).nullable(),
  /** 1-based line of the row in the file. */
  line: z.number().int(),
});
export type ActionItem = z.infer<typeof actionItemSchema>;
