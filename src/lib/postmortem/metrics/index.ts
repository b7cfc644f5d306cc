/**
 * Incident analytics: pure functions from post-mortems to figures, run at
 * build for the analytics page and /api/metrics.json, and in the browser (the
 * same functions, bundled) when the reader changes the range or service.
 * Figures only: the words, tables and charts are src/lib/site/analytics/.
 */
import { incidentIntervals, type IntervalKey } from '../model/durations.ts';
import type { Postmortem } from '../model/model.ts';
import { summariseDurations, type IntervalSummary } from './duration-summary.ts';

export { summariseDurations, type IntervalSummary } from './duration-summary.ts';
export * from './range.ts';
export * from './buckets.ts';
export * from './record.ts';
export * from './metrics-report.ts';
export * from './metrics-export.ts';

/** n, median, p90 and mean (minutes) of one interval across post-mortems; incidents missing either end are left out. */
export function summariseInterval(postmortems: readonly Postmortem[], key: IntervalKey): IntervalSummary {
  return summariseDurations(postmortems.map((pm) => incidentIntervals(pm.meta)[key]));
}
