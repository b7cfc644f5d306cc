/** The shape every page, feed and report reads: a valid post-mortem with its tables resolved. */
import path from 'node:path';
import { isAllowedLink } from '../safety/link-policy.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import type { ActionItem } from '../schema/action-item.ts';
import type { Frontmatter } from '../schema/frontmatter-schema.ts';
import type { TimelineEvent } from '../schema/timeline-event.ts';
import { plainText } from '../parsing/plain-text.ts';
import type { SectionKey } from '../parsing/sections.ts';

export interface Postmortem {
  /** URL slug: the file name without `postmortem-` and extension. */
  slug: string;
  /** File path relative to the working directory (the repository root when run from it). */
  path: string;
  meta: Frontmatter;
  timeline: TimelineEvent[];
  actionItems: ActionItem[];
  /** The Summary section as plain text. */
  summary: string;
  /** The text of the Root Cause section's `Root Cause:` line, or null. */
  rootCause: string | null;
  /** The Lessons Learned section as plain text (absent in hand-built models). */
  lessons?: string;
  /** Headings of the template sections present, with their lines. */
  sections: { key: SectionKey; heading: string; line: number }[];
  /** A template section's Markdown below its heading, '' when absent (absent in hand-built models; full-text search reads it). */
  sectionMarkdown?: (key: SectionKey) => string;
}

/** The page model of a post-mortem whose frontmatter is valid; null otherwise. */
export function toPostmortem(parsed: ParsedPostmortem, cwd = process.cwd()): Postmortem | null {
  if (!parsed.meta) return null;
  const sectionText = (key: SectionKey) => parsed.sections.find((section) => section.key === key)?.text ?? '';
  // Plain text costs a Markdown parse (~0.3 ms): made on first read, so the CLIs that never show a summary skip it.
  let summary: string | undefined;
  let rootCause: string | null | undefined;
  let lessons: string | undefined;
  return {
    slug: parsed.slug,
    path: path.relative(cwd, path.resolve(cwd, parsed.path)).split(path.sep).join('/'),
    meta: parsed.meta,
    timeline: parsed.timeline?.rows ?? [],
    actionItems: (parsed.actionItems?.rows ?? [])
      .filter((item) => item.status !== null)
      .map((item) => ({ action: item.action, owner: item.owner, due: item.due, status: item.status!, closed: item.closed, ticket: safeTicket(item.ticket), line: item.line })),
    get summary() {
      return (summary ??= plainText(sectionText('summary')));
    },
    get rootCause() {
      return rootCause === undefined ? (rootCause = rootCauseLine(sectionText('root-cause'))) : rootCause;
    },
    get lessons() {
      return (lessons ??= plainText(sectionText('lessons-learned')));
    },
    sections: parsed.sections.filter((section) => section.key !== null).map((section) => ({ key: section.key!, heading: section.heading, line: section.line })),
    sectionMarkdown: sectionText,
  };
}

/** A Ticket cell's link only if it is a web link (rule `action-item-ticket` reports the others); its text stays. */
function safeTicket(ticket: ActionItem['ticket']): ActionItem['ticket'] {
  return ticket && { text: ticket.text, url: ticket.url && isAllowedLink(ticket.url) ? ticket.url : null };
}

function rootCauseLine(text: string): string | null {
  const line = text.split('\n').find((candidate) => /^\s*(?:[-*+]\s+)?(?:\*\*|__)?root cause/i.test(candidate) && candidate.includes(':'));
  if (!line) return null;
  // The label is cut from the text, not the Markdown: in `**Root Cause:** …` the colon sits inside the emphasis.
  return plainText(line).replace(/^root cause[^:]*:\s*/i, '') || null;
}
