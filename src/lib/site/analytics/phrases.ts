/** Small pieces of analytics copy that several sections share: counts with nouns, medians with their n, caveats. */
import { rootCauseCategory, type MainCategoryId } from '../../postmortem/model/category.ts';
import { isSmallSample, MIN_SAMPLE_FOR_TREND, type IntervalSummary } from '../../postmortem/metrics/duration-summary.ts';
import { formatDuration } from '../format.ts';

/** `1 incident`, `3 incidents`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The reader-facing name of a root-cause category. */
export function categoryLabel(id: MainCategoryId): string {
  return rootCauseCategory(id).label;
}

/** `1 h 8 min (n = 3)`, or an em dash when there is nothing to summarise. */
export function medianWithN(summary: Pick<IntervalSummary, 'median' | 'n'>): string {
  return summary.median === null ? '—' : `${formatDuration(summary.median)} (n = ${summary.n})`;
}

/** n, median, p90 and mean as table cells. */
export function summaryCells(summary: IntervalSummary): string[] {
  return [String(summary.n), formatDuration(summary.median), formatDuration(summary.p90), formatDuration(summary.mean)];
}

/** A caveat when a figure rests on fewer incidents than {@link MIN_SAMPLE_FOR_TREND}; empty otherwise. */
export function smallSampleNote(n: number, what: string): string[] {
  if (n === 0) return [];
  return isSmallSample(n)
    ? [`Only ${plural(n, 'incident')} ${what}: read these as individual cases, not a trend (we call it a trend from ${MIN_SAMPLE_FOR_TREND} incidents).`]
    : [];
}
