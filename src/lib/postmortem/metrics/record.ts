/**
 * The compact per-incident row analytics aggregate: what the frontmatter and
 * the Action Items table say, with the intervals already computed. Built
 * once at build time; the page embeds the rows so its script can
 * re-aggregate for another range or service with the same functions.
 */
import type { ActionStatus } from '../model/action-status.ts';
import type { CategoryId, MainCategoryId } from '../model/category.ts';
import { INTERVALS, incidentIntervals, type IntervalKey, type Intervals } from '../model/durations.ts';
import { isDraft } from '../model/drafts.ts';
import type { Postmortem } from '../model/model.ts';
import type { SeverityId } from '../model/severity.ts';

export interface IncidentRecord {
  slug: string;
  title: string;
  /** Incident date, `YYYY-MM-DD` (UTC). */
  date: string;
  severity: SeverityId;
  services: string[];
  /** Main root-cause category; `unknown` only in a draft. */
  category: MainCategoryId;
  contributing: CategoryId[];
  authors: string[];
  /** Minutes per interval; null when a timestamp is missing. */
  intervals: Intervals;
  /** `closed`: the day a DONE or WON'T DO item was closed, when its Status cell gives one (`DONE 2026-03-02`). */
  actionItems: { owner: string; due: string | null; status: ActionStatus; closed?: string | null }[];
  /** `status: draft`: left out of every figure unless the view includes drafts (see drafts.ts). */
  draft: boolean;
}

/** Everything the report needs: the rows and the day ranges end on. */
export interface MetricsDataset {
  /** The "today" of every range and of "overdue": the build date, `YYYY-MM-DD`. */
  asOf: string;
  /** Interval keys and labels, carried here so browser code needs no import of the date parser. */
  intervals: { key: IntervalKey; label: string }[];
  records: IncidentRecord[];
}

/** The analytics row of one post-mortem. */
export function toIncidentRecord(pm: Postmortem): IncidentRecord {
  return {
    slug: pm.slug,
    title: pm.meta.title,
    date: pm.meta.date,
    severity: pm.meta.severity,
    services: [...pm.meta.services],
    category: pm.meta.root_cause_category,
    contributing: [...pm.meta.contributing_categories],
    authors: [...pm.meta.authors],
    intervals: incidentIntervals(pm.meta),
    actionItems: pm.actionItems.map(({ owner, due, status, closed }) => ({ owner, due, status, closed: closed ?? null })),
    draft: isDraft(pm),
  };
}

/**
 * The dataset for a set of post-mortems as of `asOf` (`YYYY-MM-DD`; the site passes its build date).
 * Drafts are in it, flagged, so a view can say how many it leaves out (or include them).
 */
export function toMetricsDataset(postmortems: readonly Postmortem[], asOf: string): MetricsDataset {
  return {
    asOf,
    intervals: INTERVALS.map(({ key, label }) => ({ key, label })),
    records: postmortems.map(toIncidentRecord),
  };
}
