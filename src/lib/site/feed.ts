/**
 * The RSS feed's items: the newest post-mortems. Readers poll a feed for what
 * is new, so it carries the latest {@link FEED_LENGTH}, not the whole archive
 * (which would be megabytes at thousands of post-mortems).
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { rootCauseCategory } from '../postmortem/category.ts';
import { isDraft } from '../postmortem/drafts.ts';
import type { Postmortem } from '../postmortem/model.ts';
import { severityLevel } from '../postmortem/severity.ts';
import { incidentUrl } from './urls.ts';

export const FEED_LENGTH = 50;

/** Feed items for an archive sorted newest first. */
export function feedItems(postmortems: readonly Postmortem[]): RSSFeedItem[] {
  return postmortems.slice(0, FEED_LENGTH).map((pm) => ({
    // A draft is listed (readers follow what is being written up) but says so: its figures are not final.
    title: `[${pm.meta.severity}] ${pm.meta.title}${isDraft(pm) ? ' (draft)' : ''}`,
    link: incidentUrl(pm.slug),
    pubDate: new Date(`${pm.meta.date}T00:00:00Z`),
    description: pm.summary,
    author: pm.meta.authors.join(', '),
    categories: [`${pm.meta.severity} ${severityLevel(pm.meta.severity).label}`, rootCauseCategory(pm.meta.root_cause_category).label, ...pm.meta.services],
  }));
}
