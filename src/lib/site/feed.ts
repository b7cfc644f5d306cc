/**
 * The RSS feed's items: the newest post-mortems. Readers poll a feed for what
 * is new, so it carries the latest {@link FEED_LENGTH}, not the whole archive
 * (which would be megabytes at thousands of post-mortems).
 */
import type { RSSFeedItem } from '@astrojs/rss';
import { rootCauseCategory } from '../postmortem/model/category.ts';
import { isDraft } from '../postmortem/model/drafts.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import { severityLevel } from '../postmortem/model/severity.ts';
import { incidentUrl } from './urls.ts';

export const FEED_LENGTH = 50;

/**
 * Characters XML 1.0 forbids even escaped (C0 controls but tab and line breaks, U+FFFE/FFFF, lone
 * surrogates): validate refuses them in the frontmatter, but a summary comes from the body, so the
 * feed drops them rather than becoming malformed XML that readers reject whole.
 */
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` without the characters XML cannot carry. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Feed items for an archive sorted newest first. */
export function feedItems(postmortems: readonly Postmortem[]): RSSFeedItem[] {
  return postmortems.slice(0, FEED_LENGTH).map((pm) => ({
    // A draft is listed (readers follow what is being written up) but says so: its figures are not final.
    title: xmlText(`[${pm.meta.severity}] ${pm.meta.title}${isDraft(pm) ? ' (draft)' : ''}`),
    link: incidentUrl(pm.slug),
    pubDate: new Date(`${pm.meta.date}T00:00:00Z`),
    description: xmlText(pm.summary),
    author: xmlText(pm.meta.authors.join(', ')),
    categories: [`${pm.meta.severity} ${severityLevel(pm.meta.severity).label}`, rootCauseCategory(pm.meta.root_cause_category).label, ...pm.meta.services].map(xmlText),
  }));
}
