/**
 * Log-scale buckets for the time-to-resolve histogram: incident durations
 * span minutes to weeks, so equal-width buckets would hide everything in one bar.
 */

export interface DurationBucket {
  id: string;
  label: string;
  /** Lower bound in minutes, inclusive. */
  min: number;
  /** Upper bound in minutes, exclusive; Infinity for the last bucket. */
  max: number;
}

export const RESOLVE_BUCKETS: readonly DurationBucket[] = [
  { id: 'lt-15m', label: '< 15 min', min: 0, max: 15 },
  { id: '15-60m', label: '15–60 min', min: 15, max: 60 },
  { id: '1-4h', label: '1–4 h', min: 60, max: 240 },
  { id: '4-24h', label: '4–24 h', min: 240, max: 1440 },
  { id: '1-7d', label: '1–7 d', min: 1440, max: 10080 },
  { id: 'gt-7d', label: '> 7 d', min: 10080, max: Infinity },
];

/** Index of the bucket holding `minutes` (a value on a boundary belongs to the upper bucket). */
export function bucketIndex(minutes: number, buckets: readonly DurationBucket[] = RESOLVE_BUCKETS): number {
  const index = buckets.findIndex((bucket) => minutes >= bucket.min && minutes < bucket.max);
  return index === -1 ? 0 : index;
}

/** How many durations fall in each bucket. */
export function histogram(values: readonly number[], buckets: readonly DurationBucket[] = RESOLVE_BUCKETS): number[] {
  const counts = buckets.map(() => 0);
  for (const value of values) counts[bucketIndex(value, buckets)]! += 1;
  return counts;
}

/**
 * Where `minutes` sits along the histogram's axis, in bucket units: 2.5 is
 * halfway (on the log scale) through the third bucket. Charts draw the median
 * and p90 markers there. The open-ended first and last buckets are read
 * linearly from 0 and as one more decade respectively.
 */
export function bucketPosition(minutes: number, buckets: readonly DurationBucket[] = RESOLVE_BUCKETS): number {
  const index = bucketIndex(minutes, buckets);
  const { min, max } = buckets[index]!;
  let fraction: number;
  if (min <= 0) fraction = minutes / max;
  else {
    const upper = Number.isFinite(max) ? max : min * 10;
    fraction = (Math.log(minutes) - Math.log(min)) / (Math.log(upper) - Math.log(min));
  }
  return index + Math.min(Math.max(fraction, 0), 1);
}
