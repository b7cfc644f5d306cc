/**
 * The site's ledger, shared by the paged page, its data file and the /api/
 * exports, so all list the same items in the same order, computed against
 * the same day.
 */
import { collectActionItems, ledgerCounts, ownerSummaries, selectLedgerItems, type LedgerCounts, type LedgerItem, type OwnerSummary } from '../postmortem/ledger/ledger-rules.ts';
import { siteArchive } from './site-archive.ts';
import { buildDate as siteBuildDate } from './build-date.ts';
import type { HindsightConfig } from '../settings/load-config.ts';
import { incidentUrl } from '../site/urls.ts';

export interface SiteLedger {
  /** The build date, `YYYY-MM-DD`: what overdue and age mean in the static HTML and the exports. */
  buildDate: string;
  /** Every item, open first, soonest due first. */
  items: LedgerItem[];
  /** The headline figures of the whole ledger. */
  counts: LedgerCounts;
  /** Every owner's figures, as the owner table lists them. */
  owners: OwnerSummary[];
}

/** Rows per static ledger page: twice the list page size, since a ledger row is smaller than an incident card. */
export function ledgerPageSize(listPageSize: number): number {
  return listPageSize * 2;
}

/** Owners shown in the owner table; the rest are counted in a sentence under it, so the page does not grow with N. */
export const OWNER_TABLE_ROWS = 20;

/**
 * The last ledger and the archive reading it came from: every ledger page asks, and sorting 45,000 items, counting
 * them and summing them by owner once is enough (per page, it made the ledger's build quadratic: minutes at 10,000).
 */
let cached: { archive: object; ledger: SiteLedger } | undefined;

/** Every action item of the configured archive, as of the build date; recomputed only when the archive was re-read (`astro dev`). */
export function siteLedger(settings: HindsightConfig): SiteLedger {
  const archive = siteArchive(settings);
  if (cached?.archive === archive) return cached.ledger;
  const buildDate = siteBuildDate(settings.today);
  const items = selectLedgerItems(collectActionItems(archive.postmortems), {}, 'due', buildDate);
  const ledger = { buildDate, items, counts: ledgerCounts(items, buildDate), owners: ownerSummaries(items, buildDate) };
  cached = { archive, ledger };
  return ledger;
}

/** Absolute URLs of post-mortem pages for the exports (they are read outside the site). */
export function absolutePageUrl(site: URL | undefined): (slug: string) => string {
  return (slug) => (site ? new URL(incidentUrl(slug), site).href : incidentUrl(slug));
}
