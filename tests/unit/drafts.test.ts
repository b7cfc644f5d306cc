/**
 * Drafts stay out of the figures (issue 14: a scaffold's `TBD` action item
 * moved the open count and the median). The site fixture holds one draft,
 * with two action items and start and detection times.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectActionItems, ledgerCounts } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { DRAFT_RULE } from '../../src/lib/postmortem/model/drafts.ts';
import { buildReport, metricsExport, summariseInterval, toMetricsDataset, type IncidentRecord, type MetricsDataset } from '../../src/lib/postmortem/metrics/index.ts';
import { analyticsView } from '../../src/lib/site/analytics/analytics-view.ts';
import { homeSummary } from '../../src/lib/site/home.ts';

const { postmortems } = loadArchive(path.resolve('tests/fixtures/site'));
const DRAFT = '2026-11-02-webhook-signature-drift';
const AS_OF = '2026-11-27';
const finals = postmortems.filter((pm) => pm.meta.status !== 'draft');

describe('drafts in the figures', () => {
  it('the fixture has exactly one draft, with action items and intervals', () => {
    const drafts = postmortems.filter((pm) => pm.meta.status === 'draft');
    expect(drafts.map((pm) => pm.slug)).toEqual([DRAFT]);
    expect(drafts[0]!.actionItems.length).toBeGreaterThan(0);
  });

  it('analytics leave drafts out by default, say so, and count them when asked', () => {
    const dataset = toMetricsDataset(postmortems, AS_OF);
    expect(dataset.records.find((record) => record.slug === DRAFT)!.draft).toBe(true);
    const report = buildReport(dataset, { range: 'all', service: null });
    const withDrafts = buildReport(dataset, { range: 'all', service: null, includeDrafts: true });
    // The same figures as a dataset built from the finished post-mortems alone.
    const { draftsLeftOut, includesDrafts, ...figures } = report;
    const { draftsLeftOut: _, includesDrafts: __, ...finalFigures } = buildReport(toMetricsDataset(finals, AS_OF), { range: 'all', service: null });
    expect(figures).toEqual(finalFigures);
    expect([draftsLeftOut, includesDrafts]).toEqual([1, false]);
    expect(withDrafts.n).toBe(report.n + 1);
    expect(withDrafts.draftsLeftOut).toBe(0);
    expect(withDrafts.actionTotals.total).toBe(report.actionTotals.total + 2);

    const view = analyticsView(report, dataset.intervals);
    expect(view.sections[0]!.notes.join(' ')).toContain(`${DRAFT_RULE} 1 draft in this range is left out.`);
    expect(view.keyFigures[0]!.detail).toMatch(/· 1 draft not counted$/);
    expect(analyticsView(withDrafts, dataset.intervals).sections[0]!.notes).toContain('Drafts are counted in this view.');
    // A range without the draft states the rule without a count.
    const early = analyticsView(buildReport(dataset, { range: '90d', service: 'postgres' }), dataset.intervals);
    expect(early.sections[0]!.notes).toContain(DRAFT_RULE);
  });

  it('/api/metrics.json ranges leave drafts out; its incident rows carry the flag', () => {
    const body = metricsExport(toMetricsDataset(postmortems, AS_OF));
    expect(body.ranges.all.n).toBe(finals.length);
    expect(body.incidents.filter((record) => record.draft).map((record) => record.slug)).toEqual([DRAFT]);
  });

  it('the home page counts without drafts but lists them (their cards say Draft)', () => {
    const home = homeSummary(postmortems, AS_OF, 50);
    expect(home.total).toBe(postmortems.length);
    expect(home.drafts).toBe(1);
    expect(home.recent.some((pm) => pm.slug === DRAFT)).toBe(true);
    expect(home.actions).toEqual(ledgerCounts(collectActionItems(finals), AS_OF));
    expect(home.actions.open).toBeLessThan(ledgerCounts(collectActionItems(postmortems, { includeDrafts: true }), AS_OF).open);
    expect(home.resolve).toMatchObject({ n: summariseInterval(finals, 'resolve').n, median: summariseInterval(finals, 'resolve').median });
    expect(home.bySeverity.reduce((sum, row) => sum + row.count, 0)).toBe(home.inWindow);
    expect(home.inWindow).toBe(finals.filter((pm) => pm.meta.date >= home.windowStart && pm.meta.date <= AS_OF).length);
  });
});

describe('analytics wording', () => {
  const base: Omit<IncidentRecord, 'slug' | 'category'> = {
    title: 'Incident', date: '2026-10-01', severity: 'SEV-2', services: ['api'], contributing: [], authors: ['Dana'], actionItems: [], draft: false,
    intervals: { detect: null, acknowledge: null, mitigate: null, resolve: null },
  };
  const data = (categories: IncidentRecord['category'][], drafts: boolean[] = []): MetricsDataset => ({
    asOf: AS_OF,
    intervals: [{ key: 'resolve', label: 'Time to resolve' }],
    records: categories.map((category, index) => ({ ...base, slug: `i${index}`, category, draft: drafts[index] ?? false })),
  });
  const topFigure = (dataset: MetricsDataset, includeDrafts = false) => {
    const figures = analyticsView(buildReport(dataset, { range: 'all', service: null, includeDrafts }), dataset.intervals).keyFigures;
    return { incidents: figures[0]!, top: figures.find((figure) => figure.label.startsWith('Most common'))! };
  };

  it('a tie reads as each category on its own count, not "6 incidents of 24 each"', () => {
    const { top } = topFigure(data(['code-bug', 'code-bug', 'configuration', 'configuration', 'infrastructure']));
    expect(top).toMatchObject({ label: 'Most common root causes', value: 'Code bug, Configuration' });
    expect(top.detail).toBe('Tied: each is the main cause of 2 of 5 incidents (40%).');
    expect(topFigure(data(['code-bug', 'code-bug', 'configuration'])).top.detail).toBe('Main cause of 2 of 3 incidents (67%).');
  });

  it('incidents whose category is unknown are not called "No incidents"', () => {
    const { incidents, top } = topFigure(data(['unknown'], [true]), true);
    expect(incidents.value).toBe('1');
    expect(top.value).toBe('—');
    expect(top.detail).toBe('None known yet: the incident in view has the category unknown.');
    expect(topFigure(data([])).top.detail).toBe('No incidents in this range.');
  });
});
