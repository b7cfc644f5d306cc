/**
 * Per-incident intervals computed from the frontmatter timestamps, never
 * typed by hand. A missing timestamp leaves its interval empty (null), never zero.
 */
import { parseIsoDateTime } from '../dates.ts';
import type { Frontmatter } from '../schema/frontmatter-schema.ts';

export const INTERVALS = [
  { key: 'detect', label: 'Time to detect', from: 'started_at', to: 'detected_at' },
  { key: 'acknowledge', label: 'Time to acknowledge', from: 'detected_at', to: 'acknowledged_at' },
  { key: 'mitigate', label: 'Time to mitigate', from: 'started_at', to: 'mitigated_at' },
  { key: 'resolve', label: 'Time to resolve', from: 'started_at', to: 'resolved_at' },
] as const;

export type IntervalKey = (typeof INTERVALS)[number]['key'];

/** Minutes for each interval, or null when either end is unknown. */
export type Intervals = Record<IntervalKey, number | null>;

export function incidentIntervals(meta: Pick<Frontmatter, 'started_at' | 'detected_at' | 'acknowledged_at' | 'mitigated_at' | 'resolved_at'>): Intervals {
  const minutesBetween = (from?: string, to?: string): number | null => {
    if (!from || !to) return null;
    const [start, end] = [parseIsoDateTime(from), parseIsoDateTime(to)];
    return start === null || end === null ? null : (end - start) / 60_000;
  };
  return Object.fromEntries(INTERVALS.map((interval) => [interval.key, minutesBetween(meta[interval.from], meta[interval.to])])) as Intervals;
}
