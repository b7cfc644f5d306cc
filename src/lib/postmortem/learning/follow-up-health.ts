/**
 * Follow-up health: is the team closing its action items? The backlog month
 * by month (reconstructed from incident and closing dates), time to close by
 * severity, and how items end: done, won't do, open, overdue. Overdue is the
 * ledger's own rule ({@link isOverdue}: the due date, else the severity's
 * completion target). Drafts are left out.
 */
import { deadlineOf, isOpen, isOverdue } from '../ledger/ledger-rules.ts';
import { daysBetween } from '../dates.ts';
import { monthsBetween } from '../metrics/range.ts';
import { summariseDurations } from '../metrics/duration-summary.ts';
import type { Postmortem } from '../model/model.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { SEVERITIES, SEVERITY_IDS, type SeverityId } from '../model/severity.ts';
import { reviewedIncidents } from './timing.ts';

/** An action item with what the rules read of its post-mortem. */
export interface FollowUp extends ActionItem {
  slug: string;
  date: string;
  severity: SeverityId;
}

export function followUpsOf(postmortems: readonly Postmortem[]): FollowUp[] {
  return reviewedIncidents(postmortems).flatMap((pm) => pm.actionItems.map((item) => ({ ...item, slug: pm.slug, date: pm.meta.date, severity: pm.meta.severity })));
}

export interface BacklogMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Items raised by incidents in the month. */
  opened: number;
  /** Items closed (dated DONE or WON'T DO) in the month. */
  closed: number;
  /** Items open at the end of the month (or on the as-of day, for its month). */
  open: number;
  /** Of those, past their deadline on that day. */
  overdue: number;
}

/** The last day of a `YYYY-MM` month. */
function monthEnd(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
}

/** How many of `ends` (ascending) come before the first that `reaches` accepts: a binary search. */
function countBefore(ends: readonly string[], reaches: (end: string) => boolean): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reaches(ends[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Open items at the end of each month from the first incident to `asOf`. An
 * item is open at a day from its incident date until its closing date
 * (exclusive); items closed without a date are left out, since when they
 * left the backlog is unknown. Month ends only grow, so each item is open (and
 * overdue) at the ends of one run of months: it is added where the run starts
 * and taken off where it stops, instead of being looked at for every month.
 */
export function backlogTrend(items: readonly FollowUp[], asOf: string): BacklogMonth[] {
  const known = items.filter((item) => isOpen(item) || item.closed);
  if (!known.length) return [];
  const first = known.reduce((min, item) => (item.date < min ? item.date : min), known[0]!.date);
  const months = monthsBetween(first, asOf);
  const position = new Map(months.map((month, at) => [month, at]));
  const ends = months.map((month) => (month === asOf.slice(0, 7) ? asOf : monthEnd(month)));
  const rows = months.map((month) => ({ month, opened: 0, closed: 0, open: 0, overdue: 0 }));
  // Changes at each month end, summed in order below.
  const openChange = new Int32Array(months.length + 1);
  const overdueChange = new Int32Array(months.length + 1);
  for (const item of known) {
    const openedAt = position.get(item.date.slice(0, 7));
    if (openedAt !== undefined) rows[openedAt]!.opened++;
    const closedAt = item.closed ? position.get(item.closed.slice(0, 7)) : undefined;
    if (closedAt !== undefined) rows[closedAt]!.closed++;
    const from = countBefore(ends, (end) => item.date <= end);
    const to = isOpen(item) ? months.length : countBefore(ends, (end) => item.closed! <= end);
    if (from >= to) continue;
    openChange[from]!++;
    openChange[to]!--;
    const deadline = deadlineOf(item);
    const overdueFrom = Math.max(from, countBefore(ends, (end) => deadline < end));
    if (overdueFrom >= to) continue;
    overdueChange[overdueFrom]!++;
    overdueChange[to]!--;
  }
  let open = 0;
  let overdue = 0;
  return rows.map((row, at) => {
    open += openChange[at]!;
    overdue += overdueChange[at]!;
    return { ...row, open, overdue };
  });
}

export interface TimeToClose {
  severity: SeverityId | 'all';
  /** Dated DONE items. */
  n: number;
  /** Days from the incident date to the closing date. */
  medianDays: number | null;
  p90Days: number | null;
  /** Share of those closed on or before their deadline; null when n is 0. */
  onTime: number | null;
}

/** Median days from incident to DONE, per severity and overall; only items with a closing date count. */
export function timeToClose(items: readonly FollowUp[]): TimeToClose[] {
  const summarise = (severity: SeverityId | 'all', subset: readonly FollowUp[]): TimeToClose => {
    const done = subset.filter((item) => item.status === 'DONE' && item.closed);
    const summary = summariseDurations(done.map((item) => daysBetween(item.date, item.closed!)));
    return {
      severity,
      n: summary.n,
      medianDays: summary.median,
      p90Days: summary.p90,
      onTime: done.length ? done.filter((item) => item.closed! <= deadlineOf(item)).length / done.length : null,
    };
  };
  return [...SEVERITY_IDS.map((severity) => summarise(severity, items.filter((item) => item.severity === severity))), summarise('all', items)];
}

export interface Outcomes {
  total: number;
  done: number;
  /** DONE without a closing date: closed at an unknown date. */
  doneUndated: number;
  /** WON'T DO: decided against, its own outcome rather than a success or a failure. */
  wontDo: number;
  /** Open and within the deadline. */
  open: number;
  overdue: number;
}

/** How every item stands as of `asOf`. */
export function outcomes(items: readonly FollowUp[], asOf: string): Outcomes {
  const counts: Outcomes = { total: items.length, done: 0, doneUndated: 0, wontDo: 0, open: 0, overdue: 0 };
  for (const item of items) {
    if (item.status === 'DONE') {
      counts.done++;
      if (!item.closed) counts.doneUndated++;
    } else if (item.status === "WON'T DO") counts.wontDo++;
    else if (isOverdue(item, asOf)) counts.overdue++;
    else counts.open++;
  }
  return counts;
}

/** The completion targets, for the page that explains them. */
export function completionTargets(): { severity: SeverityId; weeks: number }[] {
  return SEVERITIES.map((level) => ({ severity: level.id, weeks: level.followUpWeeks }));
}
