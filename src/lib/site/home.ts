/**
 * The home page's figures, gathered from the core in one place so the page
 * only lays them out: recent post-mortems, incidents per severity in the
 * last 90 days, median time to resolve and the action-item counts.
 */
import { collectActionItems, ledgerCounts, type LedgerCounts } from '../postmortem/ledger/ledger-rules.ts';
import { countedPostmortems } from '../postmortem/model/drafts.ts';
import { isInRange, rangeStart } from '../postmortem/metrics/index.ts';
import { summariseInterval } from '../postmortem/metrics/index.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import { SEVERITIES, type SeverityLevel } from '../postmortem/model/severity.ts';

export interface HomeSummary {
  /** Post-mortems in the archive, drafts included (the incident list shows them all). */
  total: number;
  /** Drafts among them: listed, but not in the figures below (see drafts.ts). */
  drafts: number;
  recent: Postmortem[];
  /** `YYYY-MM-DD` the windows and "overdue" are judged against. */
  asOf: string;
  /** First day of the 90-day window. */
  windowStart: string;
  /** Incidents in the window, per severity, every level listed (zero included); drafts left out, as in every figure. */
  bySeverity: { level: SeverityLevel; count: number }[];
  inWindow: number;
  /** Time to resolve over the whole archive, in minutes. */
  resolve: { n: number; median: number | null };
  actions: LedgerCounts;
}

/** Everything the home page shows, as of `asOf`. Recent post-mortems include drafts (their cards say so); the figures do not. */
export function homeSummary(postmortems: readonly Postmortem[], asOf: string, recentCount = 5): HomeSummary {
  const counted = countedPostmortems(postmortems);
  const window = counted.filter((pm) => isInRange(pm.meta.date, '90d', asOf));
  const { n, median } = summariseInterval(counted, 'resolve');
  return {
    total: postmortems.length,
    drafts: postmortems.length - counted.length,
    recent: postmortems.slice(0, recentCount),
    asOf,
    windowStart: rangeStart('90d', asOf)!,
    bySeverity: SEVERITIES.map((level) => ({ level, count: window.filter((pm) => pm.meta.severity === level.id).length })),
    inWindow: window.length,
    resolve: { n, median },
    actions: ledgerCounts(collectActionItems(counted), asOf),
  };
}
