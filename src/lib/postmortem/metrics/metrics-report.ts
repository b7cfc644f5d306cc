/**
 * From incident rows to every figure the analytics page and /api/metrics.json
 * show. Pure and browser-safe (no `node:` imports, no date parsing): the
 * build renders the default view with it, and the page's script calls the
 * same function when the reader picks another range or service. The parts
 * (categories, quarters, action items, people) each have their own module.
 */
import type { MainCategoryId } from '../model/category.ts';
import type { IntervalKey } from '../model/durations.ts';
import { SEVERITY_IDS, type SeverityId } from '../model/severity.ts';
import { actionsByQuarter, raisedItems, tallyActions, type ActionTally, type QuarterActionTally } from './action-tally.ts';
import { bucketPosition, histogram, RESOLVE_BUCKETS } from './buckets.ts';
import { categoriesByService, categoryCounts, categoryIdsOf, topCategories, type CategoryCount, type ServiceCategoryCounts } from './category-counts.ts';
import { summariseDurations, type IntervalSummary } from './duration-summary.ts';
import { authorShares, compareText, ownerShares, type Concentration, type PersonShare } from './people.ts';
import { resolveByQuarter, resolveTrends, type QuarterResolve, type ResolveTrend } from './quarter-trend.ts';
import { isInRange, monthOf, monthsBetween, quartersBetween, rangeStart, type RangeId } from './range.ts';
import type { IncidentRecord, MetricsDataset } from './record.ts';

export type { Concentration, PersonShare } from './people.ts';

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
  categories: CategoryCount[];
  /** The same per service, busiest service first. */
  categoriesByService: ServiceCategoryCounts[];
  /** The most frequent known main root-cause categories (several on a tie); empty when there are none. */
  topCategories: { category: MainCategoryId; count: number }[];
  /** Time to resolve per quarter, overall and per severity; quarters without incidents included. */
  resolveByQuarter: QuarterResolve[];
  /** Per severity: time to resolve in the first and the last quarter that had such incidents. */
  resolveTrend: ResolveTrend[];
  /** Action items by the quarter of the incident that raised them, as of `asOf`. */
  actionsByQuarter: QuarterActionTally[];
  /** Totals of the same. */
  actionTotals: ActionTally;
  authors: PersonShare[];
  authorConcentration: Concentration | null;
  owners: PersonShare[];
  ownerConcentration: Concentration | null;
}

/** Summaries of all four intervals over the given incidents. */
export function summariseIntervals(records: readonly IncidentRecord[]): Record<IntervalKey, IntervalSummary> {
  return Object.fromEntries(INTERVAL_KEYS.map((key) => [key, summariseDurations(records.map((record) => record.intervals[key]))])) as Record<IntervalKey, IntervalSummary>;
}

function summariseGroup<K extends string>(key: K, records: readonly IncidentRecord[]): GroupSummary<K> {
  return { key, n: records.length, intervals: summariseIntervals(records) };
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

/** The calendar the view spans: from the range start (or the first incident) to the as-of day, so quiet recent months show as zero. */
function axisOf(records: readonly IncidentRecord[], from: string | null, asOf: string) {
  const dates = records.map((record) => record.date).sort();
  const span = dates.length ? { first: dates[0]!, last: dates[dates.length - 1]! } : null;
  const start = from ?? span?.first ?? null;
  const end = span && span.last > asOf ? span.last : asOf;
  return { span, months: start ? monthsBetween(start, end) : [], quarters: start ? quartersBetween(start, end) : [] };
}

function perMonth(records: readonly IncidentRecord[], months: readonly string[]): MetricsReport['perMonth'] {
  return months.map((month) => {
    const inMonth = records.filter((record) => monthOf(record.date) === month);
    const counts = Object.fromEntries(SEVERITY_IDS.map((severity) => [severity, inMonth.filter((record) => record.severity === severity).length]));
    return { month, counts: counts as Record<SeverityId, number>, total: inMonth.length };
  });
}

function resolveHistogram(records: readonly IncidentRecord[], resolve: IntervalSummary): MetricsReport['resolveHistogram'] {
  const resolved = records.map((record) => record.intervals.resolve).filter((value): value is number => value !== null);
  return {
    buckets: histogram(resolved).map((count, index) => ({ id: RESOLVE_BUCKETS[index]!.id, label: RESOLVE_BUCKETS[index]!.label, count })),
    medianPosition: resolve.median === null ? null : bucketPosition(resolve.median),
    p90Position: resolve.p90 === null ? null : bucketPosition(resolve.p90),
  };
}

/** Interval summaries per severity, per service (busiest first) and per category. */
function groupSummaries(records: readonly IncidentRecord[], services: readonly string[], categoryIds: readonly MainCategoryId[]) {
  return {
    bySeverity: SEVERITY_IDS.map((severity) => summariseGroup(severity, records.filter((record) => record.severity === severity))),
    byService: services
      .map((service) => summariseGroup(service, records.filter((record) => record.services.includes(service))))
      .sort((a, b) => b.n - a.n || compareText(a.key, b.key)),
    byCategory: categoryIds.map((category) => summariseGroup(category, records.filter((record) => record.category === category))),
  };
}

/** Every figure of the analytics page for one view. */
export function buildReport(dataset: MetricsDataset, view: ReportView): MetricsReport {
  const { asOf } = dataset;
  const records = recordsInView(dataset, view);
  const from = rangeStart(view.range, asOf);
  const { span, months, quarters } = axisOf(records, from, asOf);
  const services = [...new Set(records.flatMap((record) => record.services))];
  const categoryIds = categoryIdsOf(records);
  const categories = categoryCounts(records, categoryIds);
  const overall = summariseIntervals(records);
  const byQuarter = resolveByQuarter(records, quarters);
  const items = raisedItems(records);
  const counted = dataset.records.filter((record) => view.includeDrafts || !record.draft);
  return {
    asOf,
    range: view.range,
    service: view.service,
    from,
    allServices: [...new Set(counted.flatMap((record) => record.services))].sort(compareText),
    n: records.length,
    includesDrafts: Boolean(view.includeDrafts),
    draftsLeftOut: view.includeDrafts ? 0 : inRangeAndService(dataset, view).filter((record) => record.draft).length,
    span,
    overall,
    ...groupSummaries(records, services, categoryIds),
    perMonth: perMonth(records, months),
    resolveHistogram: resolveHistogram(records, overall.resolve),
    categories,
    categoriesByService: categoriesByService(records, services, categoryIds),
    topCategories: topCategories(categories),
    resolveByQuarter: byQuarter,
    resolveTrend: resolveTrends(records, byQuarter),
    actionsByQuarter: actionsByQuarter(items, quarters, asOf),
    actionTotals: tallyActions(items, asOf),
    ...authorShares(records),
    ...ownerShares(items),
  };
}
