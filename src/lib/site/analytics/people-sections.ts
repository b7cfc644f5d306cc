/** The analytics sections about people and the long tables: who carries the load, and every interval per group. */
import type { IntervalKey } from '../../postmortem/model/durations.ts';
import type { MetricsReport, PersonShare } from '../../postmortem/metrics/metrics-report.ts';
import { formatPercent } from '../format.ts';
import type { ChartModel, SectionModel, TableModel } from './models.ts';
import { categoryLabel, plural, summaryCells } from './phrases.ts';
import { moreLine, topRows } from './top-rows.ts';

function personTable(id: string, caption: string, who: [one: string, many: string], what: string, people: PersonShare[]): TableModel {
  const { shown, left } = topRows(people);
  return {
    id,
    caption,
    columns: [who[0], what, 'Share'],
    rows: shown.map((person) => [person.name, String(person.count), formatPercent(person.share)]),
    empty: `No ${what.toLowerCase()} in view.`,
    more: moreLine(left, who[0].toLowerCase(), who[1].toLowerCase(), ` with fewer ${what.toLowerCase()}`),
  };
}

function personChart(id: string, label: string, people: PersonShare[]): ChartModel {
  const { shown } = topRows(people);
  return {
    id,
    type: 'bar',
    horizontal: true,
    ariaLabel: `Bar chart: ${label}, ${shown.length} most frequent. The table beside it has the figures.`,
    labels: shown.map((person) => person.name),
    series: [{ key: 'share', label: 'Share', data: shown.map((person) => Math.round(person.share * 1000) / 10) }],
    scale: 'percent',
    empty: shown.length === 0,
  };
}

/** How concentrated authorship and action-item ownership are. */
export function respondersSection(report: MetricsReport): SectionModel {
  const { authorConcentration: authors, ownerConcentration: owners } = report;
  return {
    id: 'responders',
    title: 'Who carries the load',
    notes: [
      ...(authors ? [`${plural(authors.people, 'author')} of ${authors.of} wrote ${formatPercent(authors.share)} of the post-mortems.`] : []),
      ...(owners ? [`${plural(owners.people, 'owner')} of ${owners.of} hold ${formatPercent(owners.share)} of the action items.`] : []),
      'When a few names carry most incidents, knowledge and on-call load are concentrated: a fragility signal.',
    ],
    panels: [
      {
        chart: personChart('authors', 'share of post-mortems per author', report.authors),
        table: personTable('authors-table', 'Post-mortems per author', ['Author', 'Authors'], 'Post-mortems', report.authors),
      },
      {
        chart: personChart('owners', 'share of action items per owner', report.owners),
        table: personTable('owners-table', 'Action items per owner', ['Owner', 'Owners'], 'Action items', report.owners),
      },
    ],
  };
}

/** One table per interval: every severity and category, and the busiest services. */
export function allIntervalsSection(report: MetricsReport, intervals: readonly { key: IntervalKey; label: string }[]): SectionModel {
  const { shown: services, left } = topRows(report.byService);
  return {
    id: 'all-intervals',
    title: 'Every interval, every group',
    notes: ['n counts incidents with both timestamps; an incident missing one is left out of that interval, never counted as zero.'],
    panels: intervals.map(({ key, label }) => ({
      chart: null,
      table: {
        id: `interval-${key}-table`,
        caption: label,
        columns: ['Group', 'n', 'Median', 'p90', 'Mean'],
        rows: [
          ['All incidents', ...summaryCells(report.overall[key])],
          ...report.bySeverity.filter((group) => group.n).map((group) => [group.key, ...summaryCells(group.intervals[key])]),
          ...report.byCategory.filter((group) => group.n).map((group) => [categoryLabel(group.key), ...summaryCells(group.intervals[key])]),
          ...services.map((group) => [`Service ${group.key}`, ...summaryCells(group.intervals[key])]),
        ],
        empty: 'No incidents.',
        more: moreLine(left, 'service', 'services', ', with fewer incidents'),
      },
    })),
  };
}
