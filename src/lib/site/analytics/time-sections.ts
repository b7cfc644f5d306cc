/**
 * The analytics sections about time: incidents per month, the time-to-resolve
 * histogram, response times by severity and time to resolve by quarter.
 */
import type { IntervalKey } from '../../postmortem/model/durations.ts';
import { DRAFT_RULE } from '../../postmortem/model/drafts.ts';
import { isSmallSample, MIN_SAMPLE_FOR_TREND } from '../../postmortem/metrics/duration-summary.ts';
import type { MetricsReport } from '../../postmortem/metrics/metrics-report.ts';
import { SEVERITY_IDS } from '../../postmortem/model/severity.ts';
import { formatDuration, formatMonth, formatQuarter } from '../format.ts';
import type { PanelModel, SectionModel } from './models.ts';
import { medianWithN, plural, smallSampleNote, summaryCells } from './phrases.ts';

/** The draft rule, and how many drafts the view leaves out. */
function draftNotes(report: MetricsReport): string[] {
  if (report.includesDrafts) return ['Drafts are counted in this view.'];
  const left = report.draftsLeftOut;
  return [`${DRAFT_RULE}${left ? ` ${plural(left, 'draft')} in this range ${left === 1 ? 'is' : 'are'} left out.` : ''}`];
}

/** Incidents per month, stacked by severity. */
export function volumeSection(report: MetricsReport): SectionModel {
  const months = report.perMonth;
  const span = months.length ? `${formatMonth(months[0]!.month)} to ${formatMonth(months[months.length - 1]!.month)}` : 'no months';
  return {
    id: 'volume',
    title: 'Incidents per month',
    notes: [...(report.n ? [] : ['No incidents in this range.']), ...draftNotes(report)],
    panels: [
      {
        chart: {
          id: 'incidents-per-month',
          type: 'bar',
          stacked: true,
          ariaLabel: `Stacked bar chart: incidents per month by severity, ${span}, ${plural(report.n, 'incident')} in all. The table beside it has the counts.`,
          labels: months.map((entry) => formatMonth(entry.month)),
          series: SEVERITY_IDS.map((severity) => ({ key: severity.toLowerCase(), label: severity, data: months.map((entry) => entry.counts[severity]) })),
          scale: 'count',
          empty: report.n === 0,
        },
        table: {
          id: 'incidents-per-month-table',
          caption: 'Incidents per month by severity',
          columns: ['Month', ...SEVERITY_IDS, 'Total'],
          rows: months.map((entry) => [formatMonth(entry.month), ...SEVERITY_IDS.map((severity) => String(entry.counts[severity])), String(entry.total)]),
          empty: 'No months in view.',
        },
      },
    ],
  };
}

/** The time-to-resolve histogram with its median and p90 marked. */
export function resolveDistributionSection(report: MetricsReport): SectionModel {
  const { resolveHistogram: histogram } = report;
  const resolve = report.overall.resolve;
  const summary = resolve.n
    ? `Median ${formatDuration(resolve.median)}, 90th percentile ${formatDuration(resolve.p90)} over ${plural(resolve.n, 'resolved incident')}. The mean (${formatDuration(resolve.mean)}) is pulled up by the long tail, so it is shown only beside the median.`
    : 'No resolved incidents in this range.';
  const markers = [
    ...(histogram.medianPosition === null ? [] : [{ label: `Median ${formatDuration(resolve.median)}`, position: histogram.medianPosition, key: 'median' }]),
    ...(histogram.p90Position === null ? [] : [{ label: `p90 ${formatDuration(resolve.p90)}`, position: histogram.p90Position, key: 'p90' }]),
  ];
  return {
    id: 'resolve-distribution',
    title: 'How long incidents take to resolve',
    notes: [summary, ...smallSampleNote(resolve.n, 'have a resolution time')],
    panels: [
      {
        chart: {
          id: 'resolve-histogram',
          type: 'bar',
          ariaLabel: `Histogram: incidents by time to resolve, in buckets from under 15 minutes to over 7 days, with the median (${formatDuration(resolve.median)}) and 90th percentile (${formatDuration(resolve.p90)}) marked. The table beside it has the counts.`,
          labels: histogram.buckets.map((bucket) => bucket.label),
          series: [{ key: 'incidents', label: 'Incidents', data: histogram.buckets.map((bucket) => bucket.count) }],
          scale: 'count',
          markers,
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

/** Time to resolve and to detect per severity. */
export function bySeveritySection(report: MetricsReport, intervalLabel: (key: IntervalKey) => string): SectionModel {
  const small = report.bySeverity.filter((group) => group.n > 0 && isSmallSample(group.n)).map((group) => group.key);
  return {
    id: 'by-severity',
    title: 'Response times by severity',
    notes: [
      'Severity measures impact, not difficulty: a SEV-1 is not expected to take longer or shorter than a SEV-3, so compare each level with itself over time.',
      ...(small.length ? [`Fewer than ${MIN_SAMPLE_FOR_TREND} incidents for ${small.join(', ')}: those medians describe individual incidents.`] : []),
    ],
    panels: [severityIntervalPanel(report, 'resolve', intervalLabel('resolve')), severityIntervalPanel(report, 'detect', intervalLabel('detect'))],
  };
}

/** Median time to resolve per quarter, one line per severity, with n at each point. */
export function resolveTrendSection(report: MetricsReport): SectionModel {
  const quarters = report.resolveByQuarter;
  const withData = quarters.filter((entry) => entry.overall.n > 0);
  const trendNotes = report.resolveTrend
    .filter((trend) => trend.first && trend.last)
    .map(
      (trend) =>
        `${trend.severity}: ${medianWithN(trend.first!)} in ${formatQuarter(trend.first!.quarter)}, ${medianWithN(trend.last!)} in ${formatQuarter(trend.last!.quarter)}.${trend.meaningful ? '' : ' Too few incidents per quarter for a trend.'}`,
    );
  return {
    id: 'resolve-trend',
    title: 'Time to resolve by quarter',
    notes: [...trendNotes, ...(withData.length < 2 ? ['Fewer than two quarters with incidents: no trend to show yet.'] : [])],
    panels: [
      {
        chart: {
          id: 'resolve-by-quarter',
          type: 'line',
          ariaLabel: `Line chart: median time to resolve per quarter, one line per severity, with the number of incidents at each point, on a logarithmic time axis. ${plural(withData.length, 'quarter')} with incidents. The table beside it has the figures.`,
          labels: quarters.map((entry) => formatQuarter(entry.quarter)),
          series: SEVERITY_IDS.map((severity) => ({
            key: severity.toLowerCase(),
            label: severity,
            data: quarters.map((entry) => entry.bySeverity[severity].median),
            counts: quarters.map((entry) => entry.bySeverity[severity].n),
          })),
          scale: 'minutes',
          empty: withData.length === 0,
        },
        table: {
          id: 'resolve-by-quarter-table',
          caption: 'Median time to resolve per quarter (n = incidents)',
          columns: ['Quarter', 'All severities', ...SEVERITY_IDS],
          rows: quarters.map((entry) => [formatQuarter(entry.quarter), medianWithN(entry.overall), ...SEVERITY_IDS.map((severity) => medianWithN(entry.bySeverity[severity]))]),
          empty: 'No quarters in view.',
        },
      },
    ],
  };
}
