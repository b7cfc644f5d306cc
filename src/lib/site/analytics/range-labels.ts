/** What each analytics time range is called on the page. */
import type { RangeId } from '../../postmortem/metrics/range.ts';

export const RANGE_LABELS: Readonly<Record<RangeId, string>> = {
  '90d': 'Last 90 days',
  '12m': 'Last 12 months',
  all: 'All time',
};
