/**
 * The site's ledger, shared by the page and the /api/ exports so all three
 * list the same items in the same order, computed against the same day.
 */
import { collectActionItems, selectLedgerItems, type LedgerItem } from '../../postmortem/ledger/ledger-rules.ts';
import { siteArchive } from '../archive.ts';
import { buildDate as siteBuildDate } from '../build-date.ts';
import { incidentUrl } from '../urls.ts';

export interface SiteLedger {
  /** The build date, `YYYY-MM-DD`: what overdue and age mean in the static HTML and the exports. */
  buildDate: string;
  /** Every item, open first, soonest due first. */
  items: LedgerItem[];
}

/** Every action item of the configured archive, as of the build date. */
export function siteLedger(): SiteLedger {
  const buildDate = siteBuildDate();
  return { buildDate, items: selectLedgerItems(collectActionItems(siteArchive().postmortems), {}, 'due', buildDate) };
}

/** Absolute URLs of post-mortem pages for the exports (they are read outside the site). */
export function absolutePageUrl(site: URL | undefined): (slug: string) => string {
  return (slug) => (site ? new URL(incidentUrl(slug), site).href : incidentUrl(slug));
}
