import { z } from 'astro/zod';
import { isAllowedLink } from '../safety/link-policy.ts';

/** A related link: ticket, dashboard, chat thread. Example: `{ title: OPS-1423, url: https://tracker.example.com/OPS-1423 }`. */
export const linkSchema = z.object({
  /** What the link is, shown as its text. */
  title: z.string().trim().min(1, 'must not be empty'),
  /** An http(s) URL (the link policy every body link and Ticket cell follows, and absolute). */
  url: z
    .string()
    .url('must be a full URL starting with https://')
    .refine((url) => /^https?:\/\//.test(url) && isAllowedLink(url), 'must start with http:// or https:// (lower case)'),
});
