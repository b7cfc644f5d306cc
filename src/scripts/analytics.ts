/**
 * The analytics page's controls. Reads the embedded incident rows, runs the
 * same metrics functions the build ran for the range and service in the URL,
 * rewrites the tables and notes, and hands the charts to the lazily loaded
 * chart module. Imports only browser-safe core modules (no date parser, no zod).
 */
import { parseRange, type RangeId } from '../lib/postmortem/metrics/range.ts';
import type { MetricsDataset } from '../lib/postmortem/metrics/record.ts';
import { buildReport } from '../lib/postmortem/metrics/report.ts';
import { keyFiguresHtml, notesHtml, tableHtml } from '../lib/postmortem/metrics/view-html.ts';
import { analyticsView, type AnalyticsView } from '../lib/postmortem/metrics/view.ts';
import { watchTableScroll } from './table-scroll.ts';

interface Selection {
  range: RangeId;
  service: string | null;
}

function readSelection(dataset: MetricsDataset): Selection {
  const params = new URLSearchParams(location.search);
  const service = params.get('service');
  const known = dataset.records.some((record) => service !== null && record.services.includes(service));
  return { range: parseRange(params.get('range')), service: known ? service : null };
}

function writeSelection(selection: Selection): void {
  const params = new URLSearchParams(location.search);
  params.delete('range');
  params.delete('service');
  params.set('range', selection.range);
  if (selection.service) params.set('service', selection.service);
  history.replaceState(null, '', `${location.pathname}?${params}${location.hash}`);
}

function render(view: AnalyticsView): void {
  const scope = document.querySelector<HTMLElement>('[data-scope]');
  if (scope) scope.textContent = view.scope;
  const figures = document.querySelector<HTMLElement>('[data-key-figures]');
  if (figures) figures.innerHTML = keyFiguresHtml(view.keyFigures);
  for (const section of view.sections) {
    const notes = document.querySelector<HTMLElement>(`[data-notes="${section.id}"]`);
    if (notes) notes.innerHTML = notesHtml(section.notes);
    for (const panel of section.panels) {
      const table = document.querySelector<HTMLElement>(`[data-table="${panel.table.id}"]`);
      if (table) table.innerHTML = tableHtml(panel.table);
    }
  }
  // New tables: measure them for the scroll hint.
  watchTableScroll();
}

/** Wires the controls, renders the view in the URL and loads the charts. */
export function initAnalytics(): void {
  const data = document.getElementById('analytics-data');
  const form = document.querySelector<HTMLFormElement>('[data-controls]');
  if (!data?.textContent || !form) return;
  const dataset = JSON.parse(data.textContent) as MetricsDataset;
  const rangeSelect = form.elements.namedItem('range') as HTMLSelectElement;
  const serviceSelect = form.elements.namedItem('service') as HTMLSelectElement;
  const charts = import('./charts.ts');

  const show = (selection: Selection) => {
    const view = analyticsView(buildReport(dataset, selection), dataset.intervals);
    render(view);
    void charts.then((module) => module.drawCharts(view));
  };

  const selection = readSelection(dataset);
  rangeSelect.value = selection.range;
  serviceSelect.value = selection.service ?? '';
  show(selection);

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const next = { range: parseRange(rangeSelect.value), service: serviceSelect.value || null };
    writeSelection(next);
    show(next);
  });
}
