/**
 * The analytics page says what the archive records about closing dates from
 * the same tally as its action-item chart, so it never says "no completion
 * dates" beside the learning figures' "N action items closed with a date".
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { buildReport, toMetricsDataset } from '../../src/lib/postmortem/metrics/index.ts';
import { analyticsView } from '../../src/lib/site/analytics/analytics-view.ts';
import { closingDatesNote } from '../../src/lib/site/analytics/cause-sections.ts';
import { learningView } from '../../src/lib/site/analytics/learning-view.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const AS_OF = '2026-11-27';

describe('closing dates on the analytics page', () => {
  const { postmortems } = readArchive(path.join(ROOT, 'docs/spec/.llm/completed'), ROOT);
  const dataset = toMetricsDataset(postmortems, AS_OF);
  const report = buildReport(dataset, { range: 'all', service: null });
  const notes = analyticsView(report, dataset.intervals).sections.find((section) => section.id === 'action-items')!.notes.join(' ');
  const learning = learningView(learningFigures(postmortems, AS_OF)).keyFigures.find((figure) => figure.label === 'Median time to close')!;

  it('counts the dated DONE items the learning figures count, and says so', () => {
    const closedWithDate = Number(/^(\d+) action items? closed with a date/.exec(learning.detail)![1]);
    expect(closedWithDate).toBeGreaterThan(0);
    expect(report.actionTotals.doneDated).toBe(closedWithDate);
    expect(notes).toContain(`${closedWithDate} of ${report.actionTotals.done} done items record the day they were closed`);
    expect(notes).not.toMatch(/record no completion dates/);
  });

  it('words every case from the tally', () => {
    expect(closingDatesNote({ done: 0, doneDated: 0, open: 1, overdue: 0, wontDo: 0, total: 1 })).toBe('No action item in view is done yet.');
    expect(closingDatesNote({ done: 4, doneDated: 0, open: 0, overdue: 0, wontDo: 0, total: 4 })).toBe('None of the 4 done items records the day it was closed.');
    expect(closingDatesNote({ done: 4, doneDated: 4, open: 0, overdue: 0, wontDo: 0, total: 4 })).toMatch(/^All 4 done items record the day they were closed/);
    expect(closingDatesNote({ done: 1, doneDated: 1, open: 0, overdue: 0, wontDo: 0, total: 1 })).toMatch(/^The one done item records/);
  });
});
