/**
 * The analytics view model: plain words for small samples, formatted tables,
 * escaped HTML, and tables whose size does not grow with the archive.
 */
import { describe, expect, it } from 'vitest';
import { incidentRecord } from './helpers/incident-record.ts';
import { generatePostmortems } from '../../scripts/bench/generate.ts';
import { learningFigures } from '../../src/lib/postmortem/learning/figures.ts';
import { buildReport, toMetricsDataset, type MetricsDataset } from '../../src/lib/postmortem/metrics/index.ts';
import { toPostmortem, type Postmortem } from '../../src/lib/postmortem/model/model.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { analyticsView } from '../../src/lib/site/analytics/analytics-view.ts';
import { learningView } from '../../src/lib/site/analytics/learning-view.ts';
import type { AnalyticsView, TableModel } from '../../src/lib/site/analytics/models.ts';
import { tableHtml } from '../../src/lib/site/analytics/table-html.ts';
import { TOP_ROWS } from '../../src/lib/site/analytics/top-rows.ts';

const AS_OF = '2026-11-27';
const INTERVALS: MetricsDataset['intervals'] = [
  { key: 'detect', label: 'Time to detect' },
  { key: 'acknowledge', label: 'Time to acknowledge' },
  { key: 'mitigate', label: 'Time to mitigate' },
  { key: 'resolve', label: 'Time to resolve' },
];

const record = incidentRecord;

function tables(view: AnalyticsView): TableModel[] {
  return view.sections.flatMap((section) => section.panels.map((panel) => panel.table));
}

describe('analyticsView and its HTML', () => {
  const single: MetricsDataset = { asOf: AS_OF, intervals: INTERVALS, records: [record({ date: '2026-11-02', severity: 'SEV-1', intervals: { detect: 4, resolve: 68 } })] };
  const view = analyticsView(buildReport(single, { range: 'all', service: null }), single.intervals);

  it('says plainly when one incident is all there is', () => {
    const sev1 = view.keyFigures.find((figure) => figure.label === 'SEV-1 median time to resolve')!;
    expect(sev1).toEqual({ label: 'SEV-1 median time to resolve', value: '1 h 8 min', detail: 'All in 2026 Q4: no trend yet.' });
    expect(view.sections.find((section) => section.id === 'resolve-distribution')!.notes.join(' ')).toContain('Only 1 incident');
    expect(view.scope).toBe('All time, all services, as of 27 Nov 2026');
  });

  it('formats the tables the charts draw from', () => {
    const table = tables(view).find((entry) => entry.id === 'resolve-by-severity-table')!;
    expect(table.rows[0]).toEqual(['SEV-1', '1', '1 h 8 min', '1 h 8 min', '1 h 8 min']);
    expect(table.rows[1]).toEqual(['SEV-2', '0', '—', '—', '—']);
  });

  it('renders table rows with row headers, a line for rows left out, and escapes text', () => {
    const html = tableHtml({ id: 't', caption: 'A <b>', columns: ['Who', 'n'], rows: [['@a&b', '1']], empty: 'none' });
    expect(html).toBe(
      '<table class="data-table" id="t"><caption>A &lt;b&gt;</caption><thead><tr><th scope="col">Who</th><th scope="col">n</th></tr></thead><tbody><tr><th scope="row">@a&amp;b</th><td>1</td></tr></tbody></table>',
    );
    expect(tableHtml({ id: 't', caption: 'c', columns: ['a', 'b'], rows: [], empty: 'none' })).toContain('<td class="empty" colspan="2">none</td>');
    expect(tableHtml({ id: 't', caption: 'c', columns: ['a', 'b'], rows: [['x', '1']], empty: 'none', more: 'and 2 more <services>' })).toContain(
      '</table><p class="table-more">and 2 more &lt;services&gt;</p>',
    );
  });
});

describe('tables that do not grow with the archive', () => {
  it('keeps the busiest services and people and says how many more there are', () => {
    // 60 services, 120 authors and 90 owners: every list is longer than a table keeps.
    const records = Array.from({ length: 240 }, (_, index) =>
      record({
        date: `2026-0${(index % 9) + 1}-1${index % 10}`,
        slug: `incident-${index}`,
        services: [`service-${index % 60}`],
        authors: [`author-${index % 120}`],
        actionItems: [{ owner: `@owner-${index % 90}`, due: null, status: 'DONE' }],
        intervals: { detect: 5, resolve: 60 + index },
      }),
    );
    const view = analyticsView(buildReport({ asOf: AS_OF, intervals: INTERVALS, records }, { range: 'all', service: null }), INTERVALS);
    const byId = new Map(tables(view).map((table) => [table.id, table]));
    expect(byId.get('root-causes-by-service-table')!.rows).toHaveLength(TOP_ROWS);
    expect(byId.get('root-causes-by-service-table')!.more).toBe('and 50 more services, with fewer incidents. Every one is in api/metrics.json.');
    expect(byId.get('authors-table')!.rows).toHaveLength(TOP_ROWS);
    expect(byId.get('authors-table')!.more).toContain('and 110 more authors');
    expect(byId.get('owners-table')!.more).toContain('and 80 more owners');
    // All incidents, 1 severity, 1 category, then the busiest services.
    expect(byId.get('interval-resolve-table')!.rows).toHaveLength(3 + TOP_ROWS);
    const chart = view.sections.flatMap((section) => section.panels).find((panel) => panel.chart?.id === 'root-causes-by-service')!.chart!;
    expect(chart.labels).toHaveLength(TOP_ROWS);
  });

  // One generated archive; its first 200 are the small one (the generator is seeded, so they are the same either way).
  const generated = generatePostmortems(2000).flatMap((pm) => toPostmortem(parsePostmortem(pm.fileName, pm.text)) ?? []);
  /** Rows per table id. */
  const rowCounts = (all: TableModel[]) => Object.fromEntries(all.map((table) => [table.id, table.rows.length]));
  /**
   * Calendar tables run from the first incident (for learning: the first repeat found), which a larger sample of
   * the same ten years finds a little earlier; with the generator's long-tail prose, repeats are rarer in a small sample.
   */
  const expectSameShape = (large: Record<string, number>, small: Record<string, number>) => {
    expect(Object.keys(large)).toEqual(Object.keys(small));
    for (const [id, rows] of Object.entries(large)) {
      if (/per-month|by-quarter/.test(id)) expect(rows - small[id]!, id).toBeLessThanOrEqual(4);
      else expect(rows, id).toBe(small[id]);
    }
  };

  it('has the same tables, row for row, at 200 and at 2,000 generated post-mortems', () => {
    const shape = (postmortems: Postmortem[]) => {
      const dataset = toMetricsDataset(postmortems, AS_OF);
      return rowCounts(tables(analyticsView(buildReport(dataset, { range: 'all', service: null }), dataset.intervals)));
    };
    expect(generated).toHaveLength(2000);
    expectSameShape(shape(generated), shape(generated.slice(0, 200)));
  });

  it('has the same learning tables at 100 and at 400 generated post-mortems', () => {
    // Smaller than above: finding repeats compares every pair of incidents.
    const shape = (postmortems: Postmortem[]) => {
      const view = learningView(learningFigures(postmortems, AS_OF));
      return rowCounts([...view.repeatPanels, ...view.followUpPanels].map((panel) => panel.table));
    };
    expectSameShape(shape(generated.slice(0, 400)), shape(generated.slice(0, 100)));
  });
});
