/**
 * Incident analytics: pure functions from post-mortems to figures, run at
 * build for the HTML tables and /api/metrics.json, and in the browser (the
 * same functions, bundled) when the reader changes the range or service.
 * The parts live in metrics/; this module is the one import for pages.
 */
import { incidentIntervals, type IntervalKey } from './durations.ts';
import type { Postmortem } from './model.ts';
import { summariseDurations, type IntervalSummary } from './metrics/summary.ts';

export { MIN_SAMPLE_FOR_TREND, isSmallSample, summariseDurations, type IntervalSummary } from './metrics/summary.ts';
export * from './metrics/range.ts';
export * from './metrics/buckets.ts';
export * from './metrics/record.ts';
export * from './metrics/report.ts';
export * from './metrics/view.ts';
export * from './metrics/view-html.ts';
export * from './metrics/export.ts';

/** n, median, p90 and mean (minutes) of one interval across post-mortems; incidents missing either end are left out. */
export function summariseInterval(postmortems: readonly Postmortem[], key: IntervalKey): IntervalSummary {
  return summariseDurations(postmortems.map((pm) => incidentIntervals(pm.meta)[key]));
}
