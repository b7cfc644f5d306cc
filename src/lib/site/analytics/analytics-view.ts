/**
 * What the analytics page shows, as data: for each section its notes, its
 * charts (labels and series) and the tables beside them, with every figure
 * already formatted. The build renders it into HTML; the page's script calls
 * the same function for another range or service and redraws, so charts and
 * tables never disagree. Every table is bounded (see top-rows.ts), so the
 * page weighs the same at 200 and at 10,000 post-mortems. Browser-safe.
 */
import type { IntervalKey } from '../../postmortem/model/durations.ts';
import type { MetricsReport } from '../../postmortem/metrics/metrics-report.ts';
import type { MetricsDataset } from '../../postmortem/metrics/record.ts';
import { actionItemsSection, rootCausesSection } from './cause-sections.ts';
import { keyFigures, scopeOf } from './key-figures.ts';
import type { AnalyticsView } from './models.ts';
import { allIntervalsSection, respondersSection } from './people-sections.ts';
import { bySeveritySection, resolveDistributionSection, resolveTrendSection, volumeSection } from './time-sections.ts';

/** The whole analytics page for one report. */
export function analyticsView(report: MetricsReport, intervals: MetricsDataset['intervals']): AnalyticsView {
  const intervalLabel = (key: IntervalKey) => intervals.find((entry) => entry.key === key)?.label ?? key;
  return {
    scope: scopeOf(report),
    keyFigures: keyFigures(report),
    sections: [
      volumeSection(report),
      resolveDistributionSection(report),
      bySeveritySection(report, intervalLabel),
      resolveTrendSection(report),
      rootCausesSection(report),
      actionItemsSection(report),
      respondersSection(report),
      allIntervalsSection(report, intervals),
    ],
  };
}
