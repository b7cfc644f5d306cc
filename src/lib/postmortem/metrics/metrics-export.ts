/** The shape of /api/metrics.json (documented field by field in docs/METRICS.md). */
import { RESOLVE_BUCKETS } from './buckets.ts';
import { DEFAULT_RANGE, RANGE_IDS, type RangeId } from './range.ts';
import type { IncidentRecord, MetricsDataset } from './record.ts';
import { buildReport, type MetricsReport } from './metrics-report.ts';
import { MIN_SAMPLE_FOR_TREND } from './duration-summary.ts';

export interface MetricsExport {
  /** Bumped when a field changes meaning or disappears. */
  version: 1;
  /** The day every range ends on and "overdue" is judged against: the build date. */
  asOf: string;
  /** All durations are in minutes. */
  unit: 'minutes';
  /** The view the page shows first. */
  defaultRange: RangeId;
  /** Below this many incidents the page calls a figure anecdotal. */
  minSampleForTrend: number;
  intervals: MetricsDataset['intervals'];
  /** The histogram's buckets; `max` is null for the open-ended last one. */
  resolveBuckets: { id: string; label: string; min: number; max: number | null }[];
  /** The full report for every range, all services: the figures the page's tables show. */
  ranges: Record<RangeId, MetricsReport>;
  /** One row per incident; filter by service and range and run the same aggregation for any other view. */
  incidents: IncidentRecord[];
}

/** Everything /api/metrics.json publishes for a dataset. */
export function metricsExport(dataset: MetricsDataset): MetricsExport {
  return {
    version: 1,
    asOf: dataset.asOf,
    unit: 'minutes',
    defaultRange: DEFAULT_RANGE,
    minSampleForTrend: MIN_SAMPLE_FOR_TREND,
    intervals: dataset.intervals,
    resolveBuckets: RESOLVE_BUCKETS.map((bucket) => ({ ...bucket, max: Number.isFinite(bucket.max) ? bucket.max : null })),
    ranges: Object.fromEntries(RANGE_IDS.map((range) => [range, buildReport(dataset, { range, service: null })])) as Record<RangeId, MetricsReport>,
    incidents: dataset.records,
  };
}
