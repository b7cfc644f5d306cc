/** Time to resolve per quarter and severity, and each severity's first and last quarter: the trend the page shows. */
import { SEVERITY_IDS, type SeverityId } from '../model/severity.ts';
import { isSmallSample, summariseDurations, type IntervalSummary } from './duration-summary.ts';
import { quarterOf } from './range.ts';
import type { IncidentRecord } from './record.ts';

export interface QuarterResolve {
  quarter: string;
  overall: IntervalSummary;
  bySeverity: Record<SeverityId, IntervalSummary>;
}

export interface ResolveTrend {
  severity: SeverityId;
  n: number;
  first: { quarter: string; median: number; n: number } | null;
  last: { quarter: string; median: number; n: number } | null;
  /** False when either end rests on too few incidents to call a trend. */
  meaningful: boolean;
}

/** Time to resolve per quarter, overall and per severity; quarters without incidents included. */
export function resolveByQuarter(records: readonly IncidentRecord[], quarters: readonly string[]): QuarterResolve[] {
  return quarters.map((quarter) => {
    const inQuarter = records.filter((record) => quarterOf(record.date) === quarter);
    const resolveOf = (subset: readonly IncidentRecord[]) => summariseDurations(subset.map((record) => record.intervals.resolve));
    return {
      quarter,
      overall: resolveOf(inQuarter),
      bySeverity: Object.fromEntries(SEVERITY_IDS.map((severity) => [severity, resolveOf(inQuarter.filter((record) => record.severity === severity))])) as Record<SeverityId, IntervalSummary>,
    };
  });
}

/** Per severity: time to resolve in the first and the last quarter that had such incidents. */
export function resolveTrends(records: readonly IncidentRecord[], byQuarter: readonly QuarterResolve[]): ResolveTrend[] {
  return SEVERITY_IDS.map((severity) => {
    const points = byQuarter.flatMap((entry) => {
      const { median, n } = entry.bySeverity[severity];
      return median === null ? [] : [{ quarter: entry.quarter, median, n }];
    });
    const first = points[0] ?? null;
    const last = points.length > 1 ? points[points.length - 1]! : null;
    return {
      severity,
      n: records.filter((record) => record.severity === severity).length,
      first,
      last,
      meaningful: Boolean(first && last && !isSmallSample(first.n) && !isSmallSample(last.n)),
    };
  });
}
