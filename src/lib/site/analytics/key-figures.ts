/** The line that names the view and the key figures above the analytics page's sections. */
import { RANGE_LABELS } from './range-labels.ts';
import type { MetricsReport } from '../../postmortem/metrics/metrics-report.ts';
import { formatDate, formatDuration, formatPercent, formatQuarter } from '../format.ts';
import type { KeyFigure } from './models.ts';
import { categoryLabel, medianWithN, plural } from './phrases.ts';

/** `All time, all services, as of 27 Nov 2026`. */
export function scopeOf(report: MetricsReport): string {
  const range = RANGE_LABELS[report.range];
  const service = report.service ? `service ${report.service}` : 'all services';
  return `${range}${report.from ? ` (${formatDate(report.from)} to ${formatDate(report.asOf)})` : ''}, ${service}, as of ${formatDate(report.asOf)}`;
}

/** SEV-1's time to resolve from its first to its last quarter, said with the sample behind each end. */
function sev1TrendDetail(report: MetricsReport): string {
  const sev1 = report.resolveTrend.find((trend) => trend.severity === 'SEV-1')!;
  if (!sev1.first) return 'No SEV-1 incidents in view.';
  if (!sev1.last) return `All in ${formatQuarter(sev1.first.quarter)}: no trend yet.`;
  const detail = `${formatQuarter(sev1.first.quarter)}: ${medianWithN(sev1.first)} → ${formatQuarter(sev1.last.quarter)}: ${medianWithN(sev1.last)}.`;
  return sev1.meaningful ? detail : `${detail} Too few incidents per quarter to call this a trend.`;
}

/** What the top root-cause figure rests on: `Main cause of 6 of 24 incidents.`, said so that a tie cannot read as "24 each". */
function topCategoryDetail({ topCategories: top, n }: MetricsReport): string {
  if (top.length === 0) return n ? `None known yet: ${n === 1 ? 'the incident' : `all ${n} incidents`} in view ${n === 1 ? 'has' : 'have'} the category unknown.` : 'No incidents in this range.';
  const share = `${top[0]!.count} of ${plural(n, 'incident')} (${formatPercent(top[0]!.count / n)})`;
  return top.length > 1 ? `Tied: each is the main cause of ${share}.` : `Main cause of ${share}.`;
}

/** The five figures a reader wants first: how many, how fast resolved and detected, SEV-1's trend, the top cause. */
export function keyFigures(report: MetricsReport): KeyFigure[] {
  const { resolve, detect } = report.overall;
  const top = report.topCategories;
  const sev1Summary = report.bySeverity.find((group) => group.key === 'SEV-1')!.intervals.resolve;
  const draftsNote = report.draftsLeftOut ? ` · ${plural(report.draftsLeftOut, 'draft')} not counted` : '';
  return [
    {
      label: 'Incidents',
      value: String(report.n),
      detail: `${report.span ? `${formatDate(report.span.first)} to ${formatDate(report.span.last)}` : 'None in this range.'}${draftsNote}`,
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
    { label: 'SEV-1 median time to resolve', value: formatDuration(sev1Summary.median), detail: sev1TrendDetail(report) },
    {
      label: top.length > 1 ? 'Most common root causes' : 'Most common root cause',
      value: top.length ? top.map((entry) => categoryLabel(entry.category)).join(', ') : '—',
      detail: topCategoryDetail(report),
    },
  ];
}
