/** The analytics sections about causes and follow-ups: root-cause categories (overall and per service) and action items. */
import type { ActionTally } from '../../postmortem/metrics/action-tally.ts';
import type { MetricsReport } from '../../postmortem/metrics/metrics-report.ts';
import { formatDate, formatQuarter } from '../format.ts';
import type { PanelModel, SectionModel } from './models.ts';
import { categoryLabel, plural, smallSampleNote } from './phrases.ts';
import { moreLine, topRows } from './top-rows.ts';

function categoriesPanel(report: MetricsReport): PanelModel {
  const top = report.topCategories.map((entry) => categoryLabel(entry.category)).join(', ') || 'none';
  return {
    chart: {
      id: 'root-causes',
      type: 'bar',
      horizontal: true,
      ariaLabel: `Bar chart: incidents per root-cause category, as the main cause and as a contributing cause. Most common main cause: ${top}. The table beside it has the counts.`,
      labels: report.categories.map((entry) => categoryLabel(entry.category)),
      series: [
        { key: 'primary', label: 'Main cause', data: report.categories.map((entry) => entry.primary) },
        { key: 'contributing', label: 'Contributing', data: report.categories.map((entry) => entry.contributing) },
      ],
      scale: 'count',
      empty: report.n === 0,
    },
    table: {
      id: 'root-causes-table',
      caption: 'Root-cause categories',
      columns: ['Category', 'Main cause', 'Contributing'],
      rows: report.categories.map((entry) => [categoryLabel(entry.category), String(entry.primary), String(entry.contributing)]),
      empty: 'No incidents.',
    },
  };
}

/** The busiest services only: the list of services grows with the archive. */
function categoriesByServicePanel(report: MetricsReport): PanelModel {
  const { shown, left } = topRows(report.categoriesByService);
  const categories = report.categories.map(({ category }) => category);
  return {
    chart: {
      id: 'root-causes-by-service',
      type: 'bar',
      horizontal: true,
      stacked: true,
      ariaLabel: `Stacked bar chart: main root-cause categories per service, the ${plural(shown.length, 'busiest service')} of ${report.categoriesByService.length}. The table beside it also counts contributing causes.`,
      labels: shown.map((entry) => entry.service),
      series: categories.map((category) => ({
        key: `cat-${category}`,
        label: categoryLabel(category),
        data: shown.map((entry) => entry.counts[category]?.primary ?? 0),
      })),
      scale: 'count',
      empty: report.n === 0,
    },
    table: {
      id: 'root-causes-by-service-table',
      caption: 'Main root cause per service (+ contributing), busiest first',
      columns: ['Service', 'Incidents', ...categories.map(categoryLabel)],
      rows: shown.map((entry) => [
        entry.service,
        String(entry.n),
        ...categories.map((category) => {
          const { primary, contributing } = entry.counts[category] ?? { primary: 0, contributing: 0 };
          return contributing ? `${primary} (+${contributing})` : String(primary);
        }),
      ]),
      empty: 'No services in view.',
      more: moreLine(left, 'service', 'services', ', with fewer incidents'),
    },
  };
}

/** Main and contributing root causes, overall and per service. */
export function rootCausesSection(report: MetricsReport): SectionModel {
  return {
    id: 'root-causes',
    title: 'What causes our incidents',
    notes: [
      'Each incident has one main root-cause category and any number of contributing ones; an incident counts once per service it affected.',
      ...smallSampleNote(report.n, 'in view'),
    ],
    panels: [categoriesPanel(report), categoriesByServicePanel(report)],
  };
}

/**
 * What the data says about closing dates, counted from the same tally as the
 * chart: a post-mortem may record the day an item was closed (`DONE 2026-03-02`),
 * so the page never claims none do when some do.
 */
export function closingDatesNote({ done, doneDated }: ActionTally): string {
  const learning = 'time to close is under "Learning across incidents".';
  if (done === 0) return 'No action item in view is done yet.';
  if (done === 1) return doneDated ? `The one done item records the day it was closed: ${learning}` : 'The one done item does not record the day it was closed.';
  if (doneDated === 0) return `None of the ${done} done items records the day it was closed.`;
  return `${doneDated === done ? `All ${done}` : `${doneDated} of ${done}`} done items record the day they were closed: ${learning}`;
}

/** Action items by the quarter that raised them, split by status. */
export function actionItemsSection(report: MetricsReport): SectionModel {
  const quarters = report.actionsByQuarter.filter((entry) => entry.total > 0);
  const totals = report.actionTotals;
  return {
    id: 'action-items',
    title: 'Action items',
    notes: [
      `Grouped by the quarter of the incident that raised them, with their status as of ${formatDate(report.asOf)}: how each quarter's follow-ups stand now, not when they were closed. ${closingDatesNote(totals)} Overdue means open with a due date before that day; "Open" counts the rest of TODO and IN PROGRESS.`,
      `${plural(totals.total, 'action item')}: ${totals.done} done, ${totals.open} open, ${totals.overdue} overdue, ${totals.wontDo} won't do.`,
    ],
    panels: [
      {
        chart: {
          id: 'actions-by-quarter',
          type: 'bar',
          stacked: true,
          ariaLabel: `Stacked bar chart: action items by quarter raised, split into done, open, overdue and won't do. ${totals.overdue} overdue in all. The table beside it has the counts.`,
          labels: quarters.map((entry) => formatQuarter(entry.quarter)),
          series: [
            { key: 'done', label: 'Done', data: quarters.map((entry) => entry.done) },
            { key: 'open', label: 'Open', data: quarters.map((entry) => entry.open) },
            { key: 'overdue', label: 'Overdue', data: quarters.map((entry) => entry.overdue) },
            { key: 'wont-do', label: "Won't do", data: quarters.map((entry) => entry.wontDo) },
          ],
          scale: 'count',
          empty: quarters.length === 0,
        },
        table: {
          id: 'actions-by-quarter-table',
          caption: 'Action items by quarter raised',
          columns: ['Quarter raised', 'Done', 'Open', 'Overdue', "Won't do", 'Total'],
          rows: quarters.map((entry) => [formatQuarter(entry.quarter), ...[entry.done, entry.open, entry.overdue, entry.wontDo, entry.total].map(String)]),
          empty: 'No action items in view.',
        },
      },
    ],
  };
}
