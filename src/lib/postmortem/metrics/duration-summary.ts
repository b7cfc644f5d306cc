/** The four figures every duration is reported with: n first, then median and p90; the mean only stands beside them. */
import { mean, median, quantile } from '../stats.ts';

export interface IntervalSummary {
  /** How many incidents have both ends of the interval. */
  n: number;
  /** Minutes; null when n is 0. */
  median: number | null;
  /** 90th percentile in minutes (linear interpolation between ranks); null when n is 0. */
  p90: number | null;
  /** Minutes; shown beside the median only, because durations are long-tailed. */
  mean: number | null;
}

/** Summarises durations in minutes; null and missing values are left out, never counted as zero. */
export function summariseDurations(values: readonly (number | null | undefined)[]): IntervalSummary {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  return { n: known.length, median: median(known), p90: quantile(known, 0.9), mean: mean(known) };
}

/**
 * Below this many incidents a median or a quarter-to-quarter change is an
 * anecdote, not a trend; pages say so next to the figure.
 */
export const MIN_SAMPLE_FOR_TREND = 5;

/** True when `n` is too small for a median or a trend to mean much. */
export function isSmallSample(n: number): boolean {
  return n < MIN_SAMPLE_FOR_TREND;
}
