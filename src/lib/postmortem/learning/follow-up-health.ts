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
import type { Postmortem } from '../model.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { SEVERITIES, SEVERITY_IDS, type SeverityId } from '../severity.ts';
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

/**
 * Open items at the end of each month from the first incident to `asOf`. An
 * item is open at a day from its incident date until its closing date
 * (exclusive); items closed without a date are left out, since when they
 * left the backlog is unknown.
 */
export function backlogTrend(items: readonly FollowUp[], asOf: string): BacklogMonth[] {
  const known = items.filter((item) => isOpen(item) || item.closed);
  if (!known.length) return [];
  const first = known.reduce((min, item) => (item.date < min ? item.date : min), known[0]!.date);
  return monthsBetween(first, asOf).map((month) => {
    const end = month === asOf.slice(0, 7) ? asOf : monthEnd(month);
    let open = 0;
    let overdue = 0;
    let opened = 0;
    let closed = 0;
    for (const item of known) {
      if (item.date.startsWith(month)) opened++;
      if (item.closed?.startsWith(month)) closed++;
      const openAtEnd = item.date <= end && (isOpen(item) || item.closed! > end);
      if (!openAtEnd) continue;
      open++;
      if (deadlineOf(item) < end) overdue++;
    }
    return { month, opened, closed, open, overdue };
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
