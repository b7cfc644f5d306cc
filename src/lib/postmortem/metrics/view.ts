/**
 * What the analytics page shows, as data: for each section its notes, its
 * charts (labels and series) and the tables beside them, with every figure
 * already formatted. The build renders it into HTML; the page's script calls
 * the same function for another range or service and redraws, so charts,
 * tables and /api/metrics.json never disagree. Browser-safe.
 */
import { rootCauseCategory, type MainCategoryId } from '../category.ts';
import type { IntervalKey } from '../durations.ts';
import { DRAFT_RULE } from '../drafts.ts';
import { SEVERITY_IDS } from '../severity.ts';
import { formatDuration } from '../../site/format.ts';
import { MONTH_ABBREVIATIONS } from '../dates.ts';
import { RANGES } from './range.ts';
import type { MetricsDataset } from './record.ts';
import type { MetricsReport, PersonShare } from './report.ts';
import { isSmallSample, MIN_SAMPLE_FOR_TREND, type IntervalSummary } from './summary.ts';

/** A data table beside a chart, readable without JavaScript. */
export interface TableModel {
  id: string;
  caption: string;
  columns: string[];
  /** First cell of each row is the row header. */
  rows: string[][];
  /** Shown instead of an empty body. */
  empty: string;
}

export type ChartScale = 'count' | 'minutes' | 'percent';

export interface ChartSeries {
  /** Colour key: the page defines `--chart-<key>`. */
  key: string;
  label: string;
  data: (number | null)[];
  /** Incidents behind each point, drawn beside it (trend lines only). */
  counts?: number[];
}

export interface ChartModel {
  id: string;
  type: 'bar' | 'line';
  /** What the chart shows, for screen readers; the table beside it has the figures. */
  ariaLabel: string;
  labels: string[];
  series: ChartSeries[];
  scale: ChartScale;
  stacked?: boolean;
  horizontal?: boolean;
  /** Vertical markers along a category axis, in bucket units (see bucketPosition): 0 is the left edge of the first bar's band. */
  markers?: { label: string; position: number; key: string }[];
  /** True when there is nothing to draw. */
  empty: boolean;
}

export interface PanelModel {
  chart: ChartModel | null;
  table: TableModel;
}

export interface SectionModel {
  id: string;
  title: string;
  /** Plain-language caveats: small samples, what a figure does not include. */
  notes: string[];
  panels: PanelModel[];
}

export interface KeyFigure {
  label: string;
  value: string;
  detail: string;
}

export interface AnalyticsView {
  /** `All time, all services, as of 27 Nov 2026`. */
  scope: string;
  keyFigures: KeyFigure[];
  sections: SectionModel[];
}


/** `Mar 2026` from `2026-03`. */
export function formatMonth(month: string): string {
  return `${MONTH_ABBREVIATIONS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** `14 Mar 2026` from `2026-03-14`, without the reader's locale. */
export function formatDay(date: string): string {
  return `${Number(date.slice(8, 10))} ${formatMonth(date.slice(0, 7))}`;
}

/** `2026 Q1` from `2026-Q1`. */
export function formatQuarter(quarter: string): string {
  return quarter.replace('-', ' ');
}

/** `38%` for 0.375. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function categoryLabel(id: MainCategoryId): string {
  return rootCauseCategory(id).label;
}

/** `1 h 8 min (n = 3)`, or an em dash when there is nothing to summarise. */
function medianWithN(summary: Pick<IntervalSummary, 'median' | 'n'>): string {
  return summary.median === null ? '—' : `${formatDuration(summary.median)} (n = ${summary.n})`;
}

function summaryCells(summary: IntervalSummary): string[] {
  return [String(summary.n), formatDuration(summary.median), formatDuration(summary.p90), formatDuration(summary.mean)];
}

/** A caveat when a figure rests on fewer incidents than {@link MIN_SAMPLE_FOR_TREND}; empty otherwise. */
function smallSampleNote(n: number, what: string): string[] {
  if (n === 0) return [];
  return isSmallSample(n)
    ? [`Only ${plural(n, 'incident')} ${what}: read these as individual cases, not a trend (we call it a trend from ${MIN_SAMPLE_FOR_TREND} incidents).`]
    : [];
}

function scopeOf(report: MetricsReport): string {
  const range = RANGES.find((entry) => entry.id === report.range)!.label;
  const service = report.service ? `service ${report.service}` : 'all services';
  return `${range}${report.from ? ` (${formatDay(report.from)} to ${formatDay(report.asOf)})` : ''}, ${service}, as of ${formatDay(report.asOf)}`;
}

function keyFigures(report: MetricsReport): KeyFigure[] {
  const resolve = report.overall.resolve;
  const detect = report.overall.detect;
  const top = report.topCategories;
  const sev1 = report.resolveTrend.find((trend) => trend.severity === 'SEV-1')!;
  const sev1Summary = report.bySeverity.find((group) => group.key === 'SEV-1')!.intervals.resolve;
  let sev1Detail: string;
  if (!sev1.first) sev1Detail = 'No SEV-1 incidents in view.';
  else if (!sev1.last) sev1Detail = `All in ${formatQuarter(sev1.first.quarter)}: no trend yet.`;
  else {
    sev1Detail = `${formatQuarter(sev1.first.quarter)}: ${medianWithN(sev1.first)} → ${formatQuarter(sev1.last.quarter)}: ${medianWithN(sev1.last)}.`;
    if (!sev1.meaningful) sev1Detail += ' Too few incidents per quarter to call this a trend.';
  }
  const draftsNote = report.draftsLeftOut ? ` · ${plural(report.draftsLeftOut, 'draft')} not counted` : '';
  return [
    {
      label: 'Incidents',
      value: String(report.n),
      detail: `${report.span ? `${formatDay(report.span.first)} to ${formatDay(report.span.last)}` : 'None in this range.'}${draftsNote}`,
    },
    {
      label: 'Median time to resolve',
      value: formatDuration(resolve.median),
      detail: resolve.n ? `p90 ${formatDuration(resolve.p90)} · mean ${formatDuration(resolve.mean)} · n = ${resolve.n}` : 'No resolved incidents.',
    },
    {
      label: 'Median time to detect',
      value: formatDuration(detect.median),
      detail: detect.n ? `p90 ${formatDuration(detect.p90)} · mean ${formatDuration(detect.mean)} · n = ${detect.n}` : 'No detection times.',
    },
    {
      label: 'SEV-1 median time to resolve',
      value: formatDuration(sev1Summary.median),
      detail: sev1Detail,
    },
    {
      label: top.length > 1 ? 'Most common root causes' : 'Most common root cause',
      value: top.length ? top.map((entry) => categoryLabel(entry.category)).join(', ') : '—',
      detail: topCategoryDetail(report),
    },
  ];
}

/** What the top root-cause figure rests on: `Main cause of 6 of 24 incidents.`, said so that a tie cannot read as "24 each". */
function topCategoryDetail({ topCategories: top, n }: MetricsReport): string {
  if (top.length === 0) return n ? `None known yet: ${n === 1 ? 'the incident' : `all ${n} incidents`} in view ${n === 1 ? 'has' : 'have'} the category unknown.` : 'No incidents in this range.';
  const share = `${top[0]!.count} of ${plural(n, 'incident')} (${formatPercent(top[0]!.count / n)})`;
  return top.length > 1 ? `Tied: each is the main cause of ${share}.` : `Main cause of ${share}.`;
}

/** The draft rule, and how many drafts the view leaves out. */
function draftNotes(report: MetricsReport): string[] {
  if (report.includesDrafts) return ['Drafts are counted in this view.'];
  const left = report.draftsLeftOut;
  return [`${DRAFT_RULE}${left ? ` ${plural(left, 'draft')} in this range ${left === 1 ? 'is' : 'are'} left out.` : ''}`];
}

function personTable(id: string, caption: string, who: string, what: string, people: PersonShare[]): TableModel {
  return {
    id,
    caption,
    columns: [who, what, 'Share'],
    rows: people.map((person) => [person.name, String(person.count), formatPercent(person.share)]),
    empty: `No ${what.toLowerCase()} in view.`,
  };
}

function personChart(id: string, label: string, people: PersonShare[]): ChartModel {
  const shown = people.slice(0, 10);
  return {
    id,
    type: 'bar',
    horizontal: true,
    ariaLabel: `Bar chart: ${label}, ${shown.length} most frequent. The table beside it lists everyone.`,
    labels: shown.map((person) => person.name),
    series: [{ key: 'share', label: 'Share', data: shown.map((person) => Math.round(person.share * 1000) / 10) }],
    scale: 'percent',
    empty: shown.length === 0,
  };
}

function severityIntervalPanel(report: MetricsReport, key: IntervalKey, label: string): PanelModel {
  const groups = report.bySeverity;
  return {
    chart: {
      id: `${key}-by-severity`,
      type: 'bar',
      ariaLabel: `Bar chart: median and 90th percentile ${label.toLowerCase()} per severity, on a logarithmic time axis. The table beside it has the figures.`,
      labels: groups.map((group) => group.key),
      series: [
        { key: 'median', label: 'Median', data: groups.map((group) => group.intervals[key].median) },
        { key: 'p90', label: '90th percentile', data: groups.map((group) => group.intervals[key].p90) },
      ],
      scale: 'minutes',
      empty: groups.every((group) => group.intervals[key].n === 0),
    },
    table: {
      id: `${key}-by-severity-table`,
      caption: `${label} by severity`,
      columns: ['Severity', 'n', 'Median', 'p90', 'Mean'],
      rows: groups.map((group) => [group.key, ...summaryCells(group.intervals[key])]),
      empty: 'No incidents in view.',
    },
  };
}

/** The whole analytics page for one report. */
export function analyticsView(report: MetricsReport, intervals: MetricsDataset['intervals']): AnalyticsView {
  const intervalLabel = (key: IntervalKey) => intervals.find((entry) => entry.key === key)?.label ?? key;
  const { resolveHistogram: histogram } = report;
  const resolve = report.overall.resolve;
  const quartersWithData = report.resolveByQuarter.filter((entry) => entry.overall.n > 0);
  const actionQuarters = report.actionsByQuarter.filter((entry) => entry.total > 0);
  const sections: SectionModel[] = [
    {
      id: 'volume',
      title: 'Incidents per month',
      notes: [...(report.n ? [] : ['No incidents in this range.']), ...draftNotes(report)],
      panels: [
        {
          chart: {
            id: 'incidents-per-month',
            type: 'bar',
            stacked: true,
            ariaLabel: `Stacked bar chart: incidents per month by severity, ${report.perMonth.length ? `${formatMonth(report.perMonth[0]!.month)} to ${formatMonth(report.perMonth[report.perMonth.length - 1]!.month)}` : 'no months'}, ${plural(report.n, 'incident')} in all. The table beside it has the counts.`,
            labels: report.perMonth.map((entry) => formatMonth(entry.month)),
            series: SEVERITY_IDS.map((severity) => ({
              key: severity.toLowerCase(),
              label: severity,
              data: report.perMonth.map((entry) => entry.counts[severity]),
            })),
            scale: 'count',
            empty: report.n === 0,
          },
          table: {
            id: 'incidents-per-month-table',
            caption: 'Incidents per month by severity',
            columns: ['Month', ...SEVERITY_IDS, 'Total'],
            rows: report.perMonth.map((entry) => [formatMonth(entry.month), ...SEVERITY_IDS.map((severity) => String(entry.counts[severity])), String(entry.total)]),
            empty: 'No months in view.',
          },
        },
      ],
    },
    {
      id: 'resolve-distribution',
      title: 'How long incidents take to resolve',
      notes: [
        ...(resolve.n
          ? [
              `Median ${formatDuration(resolve.median)}, 90th percentile ${formatDuration(resolve.p90)} over ${plural(resolve.n, 'resolved incident')}. The mean (${formatDuration(resolve.mean)}) is pulled up by the long tail, so it is shown only beside the median.`,
            ]
          : ['No resolved incidents in this range.']),
        ...smallSampleNote(resolve.n, 'have a resolution time'),
      ],
      panels: [
        {
          chart: {
            id: 'resolve-histogram',
            type: 'bar',
            ariaLabel: `Histogram: incidents by time to resolve, in buckets from under 15 minutes to over 7 days, with the median (${formatDuration(resolve.median)}) and 90th percentile (${formatDuration(resolve.p90)}) marked. The table beside it has the counts.`,
            labels: histogram.buckets.map((bucket) => bucket.label),
            series: [{ key: 'incidents', label: 'Incidents', data: histogram.buckets.map((bucket) => bucket.count) }],
            scale: 'count',
            markers: [
              ...(histogram.medianPosition === null ? [] : [{ label: `Median ${formatDuration(resolve.median)}`, position: histogram.medianPosition, key: 'median' }]),
              ...(histogram.p90Position === null ? [] : [{ label: `p90 ${formatDuration(resolve.p90)}`, position: histogram.p90Position, key: 'p90' }]),
            ],
            empty: resolve.n === 0,
          },
          table: {
            id: 'resolve-histogram-table',
            caption: 'Incidents by time to resolve',
            columns: ['Time to resolve', 'Incidents'],
            rows: histogram.buckets.map((bucket) => [bucket.label, String(bucket.count)]),
            empty: 'No resolved incidents.',
          },
        },
      ],
    },
    {
      id: 'by-severity',
      title: 'Response times by severity',
      notes: [
        'Severity measures impact, not difficulty: a SEV-1 is not expected to take longer or shorter than a SEV-3, so compare each level with itself over time.',
        ...report.bySeverity.filter((group) => group.n > 0 && isSmallSample(group.n)).length
          ? [
              `Fewer than ${MIN_SAMPLE_FOR_TREND} incidents for ${report.bySeverity
                .filter((group) => group.n > 0 && isSmallSample(group.n))
                .map((group) => group.key)
                .join(', ')}: those medians describe individual incidents.`,
            ]
          : [],
      ],
      panels: [severityIntervalPanel(report, 'resolve', intervalLabel('resolve')), severityIntervalPanel(report, 'detect', intervalLabel('detect'))],
    },
    {
      id: 'resolve-trend',
      title: 'Time to resolve by quarter',
      notes: [
        ...report.resolveTrend
          .filter((trend) => trend.first && trend.last)
          .map(
            (trend) =>
              `${trend.severity}: ${medianWithN(trend.first!)} in ${formatQuarter(trend.first!.quarter)}, ${medianWithN(trend.last!)} in ${formatQuarter(trend.last!.quarter)}.${trend.meaningful ? '' : ' Too few incidents per quarter for a trend.'}`,
          ),
        ...(quartersWithData.length < 2 ? ['Fewer than two quarters with incidents: no trend to show yet.'] : []),
      ],
      panels: [
        {
          chart: {
            id: 'resolve-by-quarter',
            type: 'line',
            ariaLabel: `Line chart: median time to resolve per quarter, one line per severity, with the number of incidents at each point, on a logarithmic time axis. ${plural(quartersWithData.length, 'quarter')} with incidents. The table beside it has the figures.`,
            labels: report.resolveByQuarter.map((entry) => formatQuarter(entry.quarter)),
            series: SEVERITY_IDS.map((severity) => ({
              key: severity.toLowerCase(),
              label: severity,
              data: report.resolveByQuarter.map((entry) => entry.bySeverity[severity].median),
              counts: report.resolveByQuarter.map((entry) => entry.bySeverity[severity].n),
            })),
            scale: 'minutes',
            empty: quartersWithData.length === 0,
          },
          table: {
            id: 'resolve-by-quarter-table',
            caption: 'Median time to resolve per quarter (n = incidents)',
            columns: ['Quarter', 'All severities', ...SEVERITY_IDS],
            rows: report.resolveByQuarter.map((entry) => [
              formatQuarter(entry.quarter),
              medianWithN(entry.overall),
              ...SEVERITY_IDS.map((severity) => medianWithN(entry.bySeverity[severity])),
            ]),
            empty: 'No quarters in view.',
          },
        },
      ],
    },
    {
      id: 'root-causes',
      title: 'What causes our incidents',
      notes: [
        'Each incident has one main root-cause category and any number of contributing ones; an incident counts once per service it affected.',
        ...smallSampleNote(report.n, 'in view'),
      ],
      panels: [
        {
          chart: {
            id: 'root-causes',
            type: 'bar',
            horizontal: true,
            ariaLabel: `Bar chart: incidents per root-cause category, as the main cause and as a contributing cause. Most common main cause: ${report.topCategories.map((entry) => categoryLabel(entry.category)).join(', ') || 'none'}. The table beside it has the counts.`,
            labels: report.categories.map((entry) => categoryLabel(entry.category)),
            series: [
              { key: 'primary', label: 'Main cause', data: report.categories.map((entry) => entry.primary) },
              { key: 'contributing', label: 'Contributing', data: report.categories.map((entry) => entry.contributing) },
            ],
            scale: 'count',
            empty: report.n === 0,
          },
          table: {
            id: 'root-causes-table',
            caption: 'Root-cause categories',
            columns: ['Category', 'Main cause', 'Contributing'],
            rows: report.categories.map((entry) => [categoryLabel(entry.category), String(entry.primary), String(entry.contributing)]),
            empty: 'No incidents.',
          },
        },
        {
          chart: {
            id: 'root-causes-by-service',
            type: 'bar',
            horizontal: true,
            stacked: true,
            ariaLabel: `Stacked bar chart: main root-cause categories per service, ${plural(report.categoriesByService.length, 'service')}. The table beside it also counts contributing causes.`,
            labels: report.categoriesByService.map((entry) => entry.service),
            series: report.categories.map(({ category }) => ({
              key: `cat-${category}`,
              label: categoryLabel(category),
              data: report.categoriesByService.map((entry) => entry.counts[category]?.primary ?? 0),
            })),
            scale: 'count',
            empty: report.n === 0,
          },
          table: {
            id: 'root-causes-by-service-table',
            caption: 'Main root cause per service (+ contributing)',
            columns: ['Service', 'Incidents', ...report.categories.map(({ category }) => categoryLabel(category))],
            rows: report.categoriesByService.map((entry) => [
              entry.service,
              String(entry.n),
              ...report.categories.map(({ category }) => {
                const { primary, contributing } = entry.counts[category] ?? { primary: 0, contributing: 0 };
                return contributing ? `${primary} (+${contributing})` : String(primary);
              }),
            ]),
            empty: 'No services in view.',
          },
        },
      ],
    },
    {
      id: 'action-items',
      title: 'Action items',
      notes: [
        `Grouped by the quarter of the incident that raised them, with their status as of ${formatDay(report.asOf)}: post-mortems record no completion dates. Overdue means open with a due date before that day; "Open" counts the rest of TODO and IN PROGRESS.`,
        `${plural(report.actionTotals.total, 'action item')}: ${report.actionTotals.done} done, ${report.actionTotals.open} open, ${report.actionTotals.overdue} overdue, ${report.actionTotals.wontDo} won't do.`,
      ],
      panels: [
        {
          chart: {
            id: 'actions-by-quarter',
            type: 'bar',
            stacked: true,
            ariaLabel: `Stacked bar chart: action items by quarter raised, split into done, open, overdue and won't do. ${report.actionTotals.overdue} overdue in all. The table beside it has the counts.`,
            labels: actionQuarters.map((entry) => formatQuarter(entry.quarter)),
            series: [
              { key: 'done', label: 'Done', data: actionQuarters.map((entry) => entry.done) },
              { key: 'open', label: 'Open', data: actionQuarters.map((entry) => entry.open) },
              { key: 'overdue', label: 'Overdue', data: actionQuarters.map((entry) => entry.overdue) },
              { key: 'wont-do', label: "Won't do", data: actionQuarters.map((entry) => entry.wontDo) },
            ],
            scale: 'count',
            empty: actionQuarters.length === 0,
          },
          table: {
            id: 'actions-by-quarter-table',
            caption: 'Action items by quarter raised',
            columns: ['Quarter raised', 'Done', 'Open', 'Overdue', "Won't do", 'Total'],
            rows: actionQuarters.map((entry) => [
              formatQuarter(entry.quarter),
              String(entry.done),
              String(entry.open),
              String(entry.overdue),
              String(entry.wontDo),
              String(entry.total),
            ]),
            empty: 'No action items in view.',
          },
        },
      ],
    },
    {
      id: 'responders',
      title: 'Who carries the load',
      notes: [
        ...(report.authorConcentration
          ? [
              `${plural(report.authorConcentration.people, 'author')} of ${report.authorConcentration.of} wrote ${formatPercent(report.authorConcentration.share)} of the post-mortems.`,
            ]
          : []),
        ...(report.ownerConcentration
          ? [
              `${plural(report.ownerConcentration.people, 'owner')} of ${report.ownerConcentration.of} hold ${formatPercent(report.ownerConcentration.share)} of the action items.`,
            ]
          : []),
        'When a few names carry most incidents, knowledge and on-call load are concentrated: a fragility signal.',
      ],
      panels: [
        {
          chart: personChart('authors', 'share of post-mortems per author', report.authors),
          table: personTable('authors-table', 'Post-mortems per author', 'Author', 'Post-mortems', report.authors),
        },
        {
          chart: personChart('owners', 'share of action items per owner', report.owners),
          table: personTable('owners-table', 'Action items per owner', 'Owner', 'Action items', report.owners),
        },
      ],
    },
    {
      id: 'all-intervals',
      title: 'Every interval, every group',
      notes: ['n counts incidents with both timestamps; an incident missing one is left out of that interval, never counted as zero.'],
      panels: intervals.map(({ key, label }) => ({
        chart: null,
        table: {
          id: `interval-${key}-table`,
          caption: label,
          columns: ['Group', 'n', 'Median', 'p90', 'Mean'],
          rows: [
            ['All incidents', ...summaryCells(report.overall[key])],
            ...report.bySeverity.filter((group) => group.n).map((group) => [group.key, ...summaryCells(group.intervals[key])]),
            ...report.byCategory.filter((group) => group.n).map((group) => [categoryLabel(group.key), ...summaryCells(group.intervals[key])]),
            ...report.byService.map((group) => [`Service ${group.key}`, ...summaryCells(group.intervals[key])]),
          ],
          empty: 'No incidents.',
        },
      })),
    },
  ];
  return { scope: scopeOf(report), keyFigures: keyFigures(report), sections };
}
