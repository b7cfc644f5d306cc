/**
 * From incident rows to every figure the analytics page and /api/metrics.json
 * show. Pure and browser-safe (no `node:` imports, no date parsing): the
 * build renders the default view with it, and the page's script calls the
 * same function when the reader picks another range or service.
 */
import { isOpen, isOverdue, ownerKey } from '../ledger/ledger-rules.ts';
import { CATEGORY_IDS, UNKNOWN_CATEGORY, type MainCategoryId } from '../category.ts';
import type { IntervalKey } from '../durations.ts';
import { SEVERITY_IDS, type SeverityId } from '../severity.ts';
import { bucketPosition, histogram, RESOLVE_BUCKETS } from './buckets.ts';
import { isInRange, monthOf, monthsBetween, quarterOf, quartersBetween, rangeStart, type RangeId } from './range.ts';
import type { IncidentRecord, MetricsDataset } from './record.ts';
import { isSmallSample, summariseDurations, type IntervalSummary } from './summary.ts';

const INTERVAL_KEYS: readonly IntervalKey[] = ['detect', 'acknowledge', 'mitigate', 'resolve'];

/** Which incidents a report covers. */
export interface ReportView {
  range: RangeId;
  /** Only incidents naming this service; null for every service. */
  service: string | null;
  /** Count drafts too; by default they are left out (see drafts.ts). */
  includeDrafts?: boolean;
}

/** Summaries of every interval for one group of incidents. */
export interface GroupSummary<K extends string = string> {
  key: K;
  /** Incidents in the group. */
  n: number;
  intervals: Record<IntervalKey, IntervalSummary>;
}

/** Counts of a group of people (authors or owners), most first. */
export interface PersonShare {
  name: string;
  count: number;
  /** count / the whole (post-mortems or action items), 0..1. */
  share: number;
}

export interface Concentration {
  /** Fewest people who together cover at least half of the whole. */
  people: number;
  /** How many distinct people there are. */
  of: number;
  /** The share those people cover, 0..1. */
  share: number;
}

export interface MetricsReport {
  asOf: string;
  range: RangeId;
  service: string | null;
  /** First day of the range, or null for all time. */
  from: string | null;
  /** Every service named in the archive, for the service control, sorted. */
  allServices: string[];
  /** Incidents in view. */
  n: number;
  /** Whether drafts are counted in this report. */
  includesDrafts: boolean;
  /** Drafts in the range and service that the report leaves out (0 when it includes them). */
  draftsLeftOut: number;
  /** Earliest and latest incident dates in view; null when there are none. */
  span: { first: string; last: string } | null;
  overall: Record<IntervalKey, IntervalSummary>;
  bySeverity: GroupSummary<SeverityId>[];
  byService: GroupSummary[];
  byCategory: GroupSummary<MainCategoryId>[];
  /** Incidents per calendar month and severity, quiet months included. */
  perMonth: { month: string; counts: Record<SeverityId, number>; total: number }[];
  /** Time-to-resolve histogram on log-scale buckets, with where the median and p90 fall (in bucket units). */
  resolveHistogram: {
    buckets: { id: string; label: string; count: number }[];
    medianPosition: number | null;
    p90Position: number | null;
  };
  /**
   * Root-cause categories: as the main cause and as a contributing one. The five
   * categories always; `unknown` (drafts only) when an incident in view says it.
   */
  categories: { category: MainCategoryId; primary: number; contributing: number }[];
  /** The same per service, busiest service first. */
  categoriesByService: { service: string; n: number; counts: Partial<Record<MainCategoryId, { primary: number; contributing: number }>> }[];
  /** The most frequent known main root-cause categories (several on a tie); empty when there are none. */
  topCategories: { category: MainCategoryId; count: number }[];
  /** Time to resolve per quarter, overall and per severity; quarters without incidents included. */
  resolveByQuarter: { quarter: string; overall: IntervalSummary; bySeverity: Record<SeverityId, IntervalSummary> }[];
  /** Per severity: time to resolve in the first and the last quarter that had such incidents. */
  resolveTrend: {
    severity: SeverityId;
    n: number;
    first: { quarter: string; median: number; n: number } | null;
    last: { quarter: string; median: number; n: number } | null;
    /** False when either end rests on too few incidents to call a trend. */
    meaningful: boolean;
  }[];
  /** Action items by the quarter of the incident that raised them, as of `asOf`. */
  actionsByQuarter: { quarter: string; done: number; open: number; overdue: number; wontDo: number; total: number }[];
  /** Totals of the same. */
  actionTotals: { done: number; open: number; overdue: number; wontDo: number; total: number };
  authors: PersonShare[];
  authorConcentration: Concentration | null;
  owners: PersonShare[];
  ownerConcentration: Concentration | null;
}

function summariseGroup<K extends string>(key: K, records: readonly IncidentRecord[]): GroupSummary<K> {
  return { key, n: records.length, intervals: summariseIntervals(records) };
}

/** Summaries of all four intervals over the given incidents. */
export function summariseIntervals(records: readonly IncidentRecord[]): Record<IntervalKey, IntervalSummary> {
  return Object.fromEntries(INTERVAL_KEYS.map((key) => [key, summariseDurations(records.map((record) => record.intervals[key]))])) as Record<
    IntervalKey,
    IntervalSummary
  >;
}

function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}

/** Shares of the whole per person, most first, then by name. */
function shares(counts: Map<string, number>, whole: number): PersonShare[] {
  return [...counts]
    .map(([name, count]) => ({ name, count, share: whole ? count / whole : 0 }))
    .sort((a, b) => b.count - a.count || compareText(a.name, b.name));
}

/** Fewest people (taken most-first) whose items together reach half of `whole`. */
function concentration(people: readonly PersonShare[], coverOf: (name: string) => readonly string[], whole: number): Concentration | null {
  if (!whole || !people.length) return null;
  const covered = new Set<string>();
  let taken = 0;
  for (const person of people) {
    taken += 1;
    for (const id of coverOf(person.name)) covered.add(id);
    if (covered.size * 2 >= whole) break;
  }
  return { people: taken, of: people.length, share: covered.size / whole };
}

/** The incidents a view covers: in its range and service, drafts only when it includes them. */
export function recordsInView(dataset: MetricsDataset, view: ReportView): IncidentRecord[] {
  return inRangeAndService(dataset, view).filter((record) => view.includeDrafts || !record.draft);
}

function inRangeAndService(dataset: MetricsDataset, view: ReportView): IncidentRecord[] {
  return dataset.records.filter(
    (record) => isInRange(record.date, view.range, dataset.asOf) && (view.service === null || record.services.includes(view.service)),
  );
}

/** Every figure of the analytics page for one view. */
export function buildReport(dataset: MetricsDataset, view: ReportView): MetricsReport {
  const { asOf } = dataset;
  const records = recordsInView(dataset, view);
  const from = rangeStart(view.range, asOf);
  const dates = records.map((record) => record.date).sort();
  const span = dates.length ? { first: dates[0]!, last: dates[dates.length - 1]! } : null;
  // The axis runs from the range start (or the first incident) to the as-of day, so quiet recent months show as zero.
  const axisStart = from ?? span?.first ?? null;
  const axisEnd = span && span.last > asOf ? span.last : asOf;
  const months = axisStart ? monthsBetween(axisStart, axisEnd) : [];
  const quarters = axisStart ? quartersBetween(axisStart, axisEnd) : [];

  const services = [...new Set(records.flatMap((record) => record.services))];
  const overall = summariseIntervals(records);
  const resolved = records.map((record) => record.intervals.resolve).filter((value): value is number => value !== null);

  const byQuarter = (quarter: string) => records.filter((record) => quarterOf(record.date) === quarter);
  const resolveByQuarter = quarters.map((quarter) => {
    const inQuarter = byQuarter(quarter);
    return {
      quarter,
      overall: summariseDurations(inQuarter.map((record) => record.intervals.resolve)),
      bySeverity: Object.fromEntries(
        SEVERITY_IDS.map((severity) => [
          severity,
          summariseDurations(inQuarter.filter((record) => record.severity === severity).map((record) => record.intervals.resolve)),
        ]),
      ) as Record<SeverityId, IntervalSummary>,
    };
  });

  const categoryIds: MainCategoryId[] = records.some((record) => record.category === UNKNOWN_CATEGORY.id)
    ? [...CATEGORY_IDS, UNKNOWN_CATEGORY.id]
    : [...CATEGORY_IDS];
  const categories = categoryIds.map((category) => ({
    category,
    primary: records.filter((record) => record.category === category).length,
    contributing: records.filter((record) => (record.contributing as string[]).includes(category)).length,
  }));
  const known = categories.filter((entry) => entry.category !== UNKNOWN_CATEGORY.id);
  const topCount = Math.max(0, ...known.map((entry) => entry.primary));
  const categoriesByService = services
    .map((service) => {
      const ofService = records.filter((record) => record.services.includes(service));
      return {
        service,
        n: ofService.length,
        counts: Object.fromEntries(
          categoryIds.map((category) => [
            category,
            {
              primary: ofService.filter((record) => record.category === category).length,
              contributing: ofService.filter((record) => (record.contributing as string[]).includes(category)).length,
            },
          ]),
        ),
      };
    })
    .sort((a, b) => b.n - a.n || compareText(a.service, b.service));

  const items = records.flatMap((record) => record.actionItems.map((item) => ({ ...item, quarter: quarterOf(record.date), severity: record.severity, date: record.date })));
  const tallyActions = (subset: typeof items) => {
    const overdue = subset.filter((item) => isOverdue(item, asOf)).length;
    const open = subset.filter((item) => isOpen(item)).length - overdue;
    const done = subset.filter((item) => item.status === 'DONE').length;
    const wontDo = subset.filter((item) => item.status === "WON'T DO").length;
    return { done, open, overdue, wontDo, total: subset.length };
  };

  const authorCounts = new Map<string, number>();
  for (const record of records) for (const author of new Set(record.authors)) authorCounts.set(author, (authorCounts.get(author) ?? 0) + 1);
  const authors = shares(authorCounts, records.length);

  // Owners are grouped as the action-item ledger groups them (`@Dana` is `dana`), shown as first written.
  const ownerNames = new Map<string, string>();
  const ownerCounts = new Map<string, number>();
  for (const item of items) {
    const name = ownerNames.get(ownerKey(item.owner)) ?? item.owner;
    ownerNames.set(ownerKey(item.owner), name);
    ownerCounts.set(name, (ownerCounts.get(name) ?? 0) + 1);
  }
  const owners = shares(ownerCounts, items.length);

  return {
    asOf,
    range: view.range,
    service: view.service,
    from,
    allServices: [...new Set(dataset.records.filter((record) => view.includeDrafts || !record.draft).flatMap((record) => record.services))].sort(compareText),
    n: records.length,
    includesDrafts: Boolean(view.includeDrafts),
    draftsLeftOut: view.includeDrafts ? 0 : inRangeAndService(dataset, view).filter((record) => record.draft).length,
    span,
    overall,
    bySeverity: SEVERITY_IDS.map((severity) => summariseGroup(severity, records.filter((record) => record.severity === severity))),
    byService: services
      .map((service) => summariseGroup(service, records.filter((record) => record.services.includes(service))))
      .sort((a, b) => b.n - a.n || compareText(a.key, b.key)),
    byCategory: categoryIds.map((category) => summariseGroup(category, records.filter((record) => record.category === category))),
    perMonth: months.map((month) => {
      const inMonth = records.filter((record) => monthOf(record.date) === month);
      return {
        month,
        counts: Object.fromEntries(SEVERITY_IDS.map((severity) => [severity, inMonth.filter((record) => record.severity === severity).length])) as Record<
          SeverityId,
          number
        >,
        total: inMonth.length,
      };
    }),
    resolveHistogram: {
      buckets: histogram(resolved).map((count, index) => ({ id: RESOLVE_BUCKETS[index]!.id, label: RESOLVE_BUCKETS[index]!.label, count })),
      medianPosition: overall.resolve.median === null ? null : bucketPosition(overall.resolve.median),
      p90Position: overall.resolve.p90 === null ? null : bucketPosition(overall.resolve.p90),
    },
    categories,
    categoriesByService,
    topCategories: topCount ? known.filter((entry) => entry.primary === topCount).map((entry) => ({ category: entry.category, count: topCount })) : [],
    resolveByQuarter,
    resolveTrend: SEVERITY_IDS.map((severity) => {
      const points = resolveByQuarter
        .map((entry) => ({ quarter: entry.quarter, ...entry.bySeverity[severity] }))
        .filter((point): point is { quarter: string; median: number; n: number; p90: number; mean: number } => point.median !== null);
      const first = points[0] ? { quarter: points[0].quarter, median: points[0].median, n: points[0].n } : null;
      const lastPoint = points.length > 1 ? points[points.length - 1]! : null;
      const last = lastPoint ? { quarter: lastPoint.quarter, median: lastPoint.median, n: lastPoint.n } : null;
      return {
        severity,
        n: records.filter((record) => record.severity === severity).length,
        first,
        last,
        meaningful: Boolean(first && last && !isSmallSample(first.n) && !isSmallSample(last.n)),
      };
    }),
    actionsByQuarter: quarters.map((quarter) => ({ quarter, ...tallyActions(items.filter((item) => item.quarter === quarter)) })),
    actionTotals: tallyActions(items),
    authors,
    authorConcentration: concentration(
      authors,
      (name) => records.filter((record) => record.authors.includes(name)).map((record) => record.slug),
      records.length,
    ),
    owners,
    ownerConcentration: concentration(
      owners,
      (name) => items.flatMap((item, index) => (ownerKey(item.owner) === ownerKey(name) ? [String(index)] : [])),
      items.length,
    ),
  };
}
