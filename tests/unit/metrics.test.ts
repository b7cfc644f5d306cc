/**
 * The metrics core against hand-computed figures: intervals across midnight
 * and across days, missing milestones, one incident, ties, empty ranges.
 */
import { describe, expect, it } from 'vitest';
import { incidentRecord } from './helpers/incident-record.ts';
import type { Frontmatter } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import type { Postmortem } from '../../src/lib/postmortem/model/model.ts';
import {
  bucketIndex,
  bucketPosition,
  buildReport,
  histogram,
  isInRange,
  metricsExport,
  monthsBetween,
  quarterOf,
  quartersBetween,
  rangeStart,
  summariseDurations,
  summariseInterval,
  toIncidentRecord,
  toMetricsDataset,
  type IncidentRecord,
  type MetricsDataset,
} from '../../src/lib/postmortem/metrics/index.ts';

function postmortem(meta: Partial<Frontmatter> & Pick<Frontmatter, 'date'>, actionItems: Postmortem['actionItems'] = []): Postmortem {
  return {
    slug: `${meta.date}-incident`,
    path: `postmortem-${meta.date}-incident.md`,
    meta: {
      title: 'Incident',
      severity: 'SEV-2',
      status: 'final',
      authors: ['Dana Kim'],
      services: ['api'],
      root_cause_category: 'code-bug',
      contributing_categories: [],
      tags: [],
      links: [],
      ...meta,
    },
    timeline: [],
    actionItems,
    summary: '',
    rootCause: null,
    sections: [],
  };
}

const record = incidentRecord;

function dataset(records: IncidentRecord[], asOf = '2026-11-27'): MetricsDataset {
  return {
    asOf,
    intervals: [
      { key: 'detect', label: 'Time to detect' },
      { key: 'acknowledge', label: 'Time to acknowledge' },
      { key: 'mitigate', label: 'Time to mitigate' },
      { key: 'resolve', label: 'Time to resolve' },
    ],
    records,
  };
}

describe('per-incident intervals', () => {
  it('counts minutes across midnight', () => {
    const pm = postmortem({
      date: '2026-03-14',
      started_at: '2026-03-14T23:50:00Z',
      detected_at: '2026-03-15T00:05:00Z',
      acknowledged_at: '2026-03-15T00:12:00Z',
      mitigated_at: '2026-03-15T00:40:00Z',
      resolved_at: '2026-03-15T01:20:00Z',
    });
    expect(toIncidentRecord(pm).intervals).toEqual({ detect: 15, acknowledge: 7, mitigate: 50, resolve: 90 });
  });

  it('counts whole days of a multi-day incident, whatever the zone offsets', () => {
    // 18:30Z on 26 Feb to 16:40Z on 1 Mar 2026 (not a leap year): 2 days 22 h 10 min.
    const pm = postmortem({
      date: '2026-02-26',
      started_at: '2026-02-26T19:30:00+01:00',
      detected_at: '2026-02-28T14:20:00Z',
      resolved_at: '2026-03-01T16:40:00Z',
    });
    const { intervals } = toIncidentRecord(pm);
    expect(intervals.resolve).toBe(2 * 1440 + 22 * 60 + 10);
    expect(intervals.detect).toBe(1 * 1440 + 19 * 60 + 50);
  });

  it('leaves an interval empty, never zero, when a milestone is missing', () => {
    const pm = postmortem({ date: '2026-03-14', started_at: '2026-03-14T09:00:00Z', resolved_at: '2026-03-14T10:00:00Z' });
    expect(toIncidentRecord(pm).intervals).toEqual({ detect: null, acknowledge: null, mitigate: null, resolve: 60 });
  });
});

describe('summariseDurations and summariseInterval', () => {
  it('has nothing to say about no incidents', () => {
    expect(summariseDurations([])).toEqual({ n: 0, median: null, p90: null, mean: null });
    expect(summariseInterval([], 'resolve')).toEqual({ n: 0, median: null, p90: null, mean: null });
  });

  it('reports a single incident as itself', () => {
    const pm = postmortem({ date: '2026-03-14', started_at: '2026-03-14T09:00:00Z', resolved_at: '2026-03-14T09:42:00Z' });
    expect(summariseInterval([pm], 'resolve')).toEqual({ n: 1, median: 42, p90: 42, mean: 42 });
  });

  it('interpolates the p90 between ranks, with ties', () => {
    // Sorted 10, 10, 10, 40: p90 sits at rank 2.7, 70% of the way from 10 to 40.
    expect(summariseDurations([10, 40, 10, 10])).toEqual({ n: 4, median: 10, p90: expect.closeTo(31, 9), mean: 17.5 });
  });

  it('keeps the median honest against a long tail and skips unknown values', () => {
    // Rank 3.6 for the p90: 20 + 0.6 × 980.
    expect(summariseDurations([5, null, 10, 15, 20, 1000, undefined])).toEqual({ n: 5, median: 15, p90: expect.closeTo(608, 9), mean: 210 });
  });

  it('leaves out post-mortems missing either end of the interval', () => {
    const complete = postmortem({ date: '2026-03-14', started_at: '2026-03-14T09:00:00Z', detected_at: '2026-03-14T09:10:00Z', acknowledged_at: '2026-03-14T09:30:00Z' });
    const noAck = postmortem({ date: '2026-03-15', started_at: '2026-03-15T09:00:00Z', detected_at: '2026-03-15T09:20:00Z' });
    expect(summariseInterval([complete, noAck], 'acknowledge')).toEqual({ n: 1, median: 20, p90: 20, mean: 20 });
    expect(summariseInterval([complete, noAck], 'detect')).toEqual({ n: 2, median: 15, p90: 19, mean: 15 });
  });
});

describe('ranges and calendar buckets', () => {
  it('ends every range on the as-of day', () => {
    expect(rangeStart('90d', '2026-11-27')).toBe('2026-08-30');
    expect(rangeStart('12m', '2026-11-27')).toBe('2025-11-28');
    expect(rangeStart('all', '2026-11-27')).toBeNull();
    expect(isInRange('2026-08-30', '90d', '2026-11-27')).toBe(true);
    expect(isInRange('2026-08-29', '90d', '2026-11-27')).toBe(false);
    expect(isInRange('2026-11-28', '90d', '2026-11-27')).toBe(false);
    expect(isInRange('2019-01-01', 'all', '2026-11-27')).toBe(true);
  });

  it('lists every month and quarter, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    // Years under 1000 keep four digits (validate refuses them, but the series never garbles a label).
    expect(monthsBetween('0999-11-15', '1000-02-01')).toEqual(['0999-11', '0999-12', '1000-01', '1000-02']);
    expect(quartersBetween('2025-11-15', '2026-04-01')).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-10-01')).toBe('2026-Q4');
  });
});

describe('time-to-resolve buckets', () => {
  it('puts a value on a boundary in the upper bucket', () => {
    expect(bucketIndex(14.99)).toBe(0);
    expect(bucketIndex(15)).toBe(1);
    expect(bucketIndex(1439)).toBe(3);
    expect(bucketIndex(1440)).toBe(4);
    expect(bucketIndex(10080)).toBe(5);
    expect(histogram([0, 14, 15, 59, 60, 4210, 20000])).toEqual([2, 2, 1, 0, 1, 1]);
  });

  it('places markers on the log scale inside their bucket', () => {
    expect(bucketPosition(7.5)).toBe(0.5);
    expect(bucketPosition(60)).toBe(2);
    expect(bucketPosition(120)).toBeCloseTo(2.5, 10);
    expect(bucketPosition(100_800)).toBe(6);
  });
});

describe('buildReport', () => {
  const records = [
    record({
      date: '2025-12-20',
      severity: 'SEV-1',
      services: ['api', 'web'],
      category: 'configuration',
      contributing: ['infrastructure'],
      authors: ['Dana Kim', 'Ravi Patel'],
      intervals: { detect: 5, acknowledge: 2, mitigate: 30, resolve: 60 },
      actionItems: [
        { owner: '@dana', due: '2026-01-10', status: 'DONE' },
        { owner: '@Dana', due: '2026-01-10', status: 'TODO' },
        { owner: '@sre', due: null, status: 'IN PROGRESS' },
      ],
    }),
    record({
      date: '2026-02-03',
      severity: 'SEV-1',
      services: ['api'],
      category: 'code-bug',
      authors: ['Dana Kim'],
      intervals: { detect: 10, resolve: 180 },
      actionItems: [{ owner: '@sre', due: '2026-12-01', status: 'TODO' }],
    }),
    record({
      date: '2026-10-05',
      severity: 'SEV-3',
      services: ['web'],
      category: 'configuration',
      contributing: ['code-bug'],
      authors: ['Mei Chen'],
      intervals: { detect: 30, resolve: 4210 },
      actionItems: [{ owner: '@mei', due: '2026-10-20', status: "WON'T DO" }],
    }),
    record({ date: '2026-11-02', severity: 'SEV-4', services: ['web'], category: 'code-bug', authors: ['Mei Chen'], intervals: { detect: 20 } }),
  ];
  const all = buildReport(dataset(records), { range: 'all', service: null });

  it('summarises every interval overall and per severity', () => {
    expect(all.n).toBe(4);
    expect(all.span).toEqual({ first: '2025-12-20', last: '2026-11-02' });
    // Resolve: 60, 180, 4210 (the SEV-4 has no resolution time).
    expect(all.overall.resolve).toEqual({ n: 3, median: 180, p90: expect.closeTo(180 + 0.8 * 4030, 9), mean: expect.closeTo(4450 / 3, 9) });
    expect(all.overall.acknowledge).toEqual({ n: 1, median: 2, p90: 2, mean: 2 });
    const sev1 = all.bySeverity.find((group) => group.key === 'SEV-1')!;
    expect(sev1.n).toBe(2);
    expect(sev1.intervals.resolve).toEqual({ n: 2, median: 120, p90: 168, mean: 120 });
    expect(all.bySeverity.find((group) => group.key === 'SEV-2')!.intervals.resolve).toEqual({ n: 0, median: null, p90: null, mean: null });
  });

  it('counts incidents per month, quiet months and the months up to the as-of day included', () => {
    expect(all.perMonth.map((entry) => entry.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    expect(all.perMonth[0]).toEqual({ month: '2025-12', counts: { 'SEV-1': 1, 'SEV-2': 0, 'SEV-3': 0, 'SEV-4': 0 }, total: 1 });
    expect(all.perMonth[1]!.total).toBe(0);
    expect(all.perMonth.reduce((sum, entry) => sum + entry.total, 0)).toBe(4);
  });

  it('buckets time to resolve and marks the median and p90', () => {
    expect(all.resolveHistogram.buckets.map((bucket) => bucket.count)).toEqual([0, 0, 2, 0, 1, 0]);
    expect(all.resolveHistogram.medianPosition).toBeCloseTo(2 + Math.log(3) / Math.log(4), 10);
  });

  it('counts root causes, main and contributing, and reports a tie at the top', () => {
    expect(all.categories.find((entry) => entry.category === 'configuration')).toEqual({ category: 'configuration', primary: 2, contributing: 0 });
    expect(all.categories.find((entry) => entry.category === 'code-bug')).toEqual({ category: 'code-bug', primary: 2, contributing: 1 });
    expect(all.topCategories).toEqual([
      { category: 'code-bug', count: 2 },
      { category: 'configuration', count: 2 },
    ]);
    const web = all.categoriesByService.find((entry) => entry.service === 'web')!;
    expect(web.n).toBe(3);
    expect(web.counts['code-bug']).toEqual({ primary: 1, contributing: 1 });
    expect(all.categoriesByService.map((entry) => entry.service)).toEqual(['web', 'api']);
  });

  it('tracks time to resolve by quarter and says when a trend rests on too few incidents', () => {
    expect(all.resolveByQuarter.map((entry) => entry.quarter)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(all.resolveByQuarter[1]!.bySeverity['SEV-1']).toEqual({ n: 1, median: 180, p90: 180, mean: 180 });
    const trend = all.resolveTrend.find((entry) => entry.severity === 'SEV-1')!;
    expect(trend).toEqual({
      severity: 'SEV-1',
      n: 2,
      first: { quarter: '2025-Q4', median: 60, n: 1 },
      last: { quarter: '2026-Q1', median: 180, n: 1 },
      meaningful: false,
    });
    expect(all.resolveTrend.find((entry) => entry.severity === 'SEV-3')).toMatchObject({ first: { quarter: '2026-Q4' }, last: null, meaningful: false });
  });

  it('splits action items into done, open, overdue and won’t do as of the as-of day', () => {
    // The undated SEV-1 item of 2025-12-20 is past its 4-week target.
    expect(all.actionTotals).toEqual({ done: 1, doneDated: 0, open: 1, overdue: 2, wontDo: 1, total: 5 });
    expect(all.actionsByQuarter.find((entry) => entry.quarter === '2025-Q4')).toEqual({ quarter: '2025-Q4', done: 1, doneDated: 0, open: 0, overdue: 2, wontDo: 0, total: 3 });
  });

  it('measures how concentrated authorship and ownership are', () => {
    expect(all.authors).toEqual([
      { name: 'Dana Kim', count: 2, share: 0.5 },
      { name: 'Mei Chen', count: 2, share: 0.5 },
      { name: 'Ravi Patel', count: 1, share: 0.25 },
    ]);
    expect(all.authorConcentration).toEqual({ people: 1, of: 3, share: 0.5 });
    // `@dana` and `@Dana` are one owner, named as first written.
    expect(all.owners).toEqual([
      { name: '@dana', count: 2, share: 0.4 },
      { name: '@sre', count: 2, share: 0.4 },
      { name: '@mei', count: 1, share: 0.2 },
    ]);
    expect(all.ownerConcentration).toEqual({ people: 2, of: 3, share: 0.8 });
  });

  it('shows a draft\'s unknown root cause as its own row, never as the most common cause', () => {
    const withDraft = buildReport(dataset([...records, record({ date: '2026-11-20', category: 'unknown' }), record({ date: '2026-11-21', category: 'unknown' }), record({ date: '2026-11-22', category: 'unknown' })]), {
      range: 'all',
      service: null,
    });
    expect(withDraft.categories.at(-1)).toEqual({ category: 'unknown', primary: 3, contributing: 0 });
    expect(withDraft.topCategories.map((entry) => entry.category)).toEqual(['code-bug', 'configuration']);
    expect(all.categories.map((entry) => entry.category)).not.toContain('unknown');
  });

  it('narrows to one service', () => {
    const api = buildReport(dataset(records), { range: 'all', service: 'api' });
    expect(api.n).toBe(2);
    expect(api.allServices).toEqual(['api', 'web']);
    expect(api.overall.resolve.median).toBe(120);
  });

  it('narrows to a range ending on the as-of day', () => {
    const recent = buildReport(dataset(records), { range: '90d', service: null });
    expect(recent.from).toBe('2026-08-30');
    expect(recent.n).toBe(2);
    expect(recent.perMonth.map((entry) => entry.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
  });

  it('reports an empty range as empty, with its quiet months', () => {
    const empty = buildReport(dataset(records, '2028-06-30'), { range: '90d', service: null });
    expect(empty.n).toBe(0);
    expect(empty.span).toBeNull();
    expect(empty.overall.resolve).toEqual({ n: 0, median: null, p90: null, mean: null });
    expect(empty.perMonth.map((entry) => [entry.month, entry.total])).toEqual([
      ['2028-04', 0],
      ['2028-05', 0],
      ['2028-06', 0],
    ]);
    expect(empty.resolveByQuarter).toEqual([
      expect.objectContaining({ quarter: '2028-Q2', overall: { n: 0, median: null, p90: null, mean: null } }),
    ]);
    expect(empty.topCategories).toEqual([]);
    expect(empty.resolveHistogram.medianPosition).toBeNull();
    expect(empty.authorConcentration).toBeNull();
    expect(empty.ownerConcentration).toBeNull();
  });

  it('has no axis at all for an empty archive', () => {
    const none = buildReport(dataset([]), { range: 'all', service: null });
    expect(none.perMonth).toEqual([]);
    expect(none.resolveByQuarter).toEqual([]);
    expect(none.actionsByQuarter).toEqual([]);
  });
});

describe('the JSON export', () => {
  it('holds a report per range and the incident rows', () => {
    const pm = postmortem({ date: '2026-03-14', started_at: '2026-03-14T09:00:00Z', resolved_at: '2026-03-14T10:00:00Z' });
    const body = metricsExport(toMetricsDataset([pm], '2026-11-27'));
    expect(Object.keys(body.ranges)).toEqual(['90d', '12m', 'all']);
    expect(body.ranges.all.overall.resolve.median).toBe(60);
    expect(body.ranges['90d'].n).toBe(0);
    expect(body.incidents).toHaveLength(1);
    expect(body.resolveBuckets.at(-1)).toEqual({ id: 'gt-7d', label: '> 7 d', min: 10080, max: null });
    expect(JSON.parse(JSON.stringify(body))).toEqual(body);
  });
});
