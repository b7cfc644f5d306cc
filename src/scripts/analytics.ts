/**
 * The analytics page's controls. The default view's tables are in the HTML
 * and its chart models are embedded; for another range or service the script
 * fetches the incident rows once (analytics/dataset.json), runs the same
 * metrics functions the build ran, rewrites the tables and notes, and hands
 * the charts to the lazily loaded chart module. Imports only browser-safe
 * modules (no date parser, no zod).
 */
import { buildReport } from '../lib/postmortem/metrics/metrics-report.ts';
import { DEFAULT_RANGE, parseRange, type RangeId } from '../lib/postmortem/metrics/range.ts';
import { analyticsView } from '../lib/site/analytics/analytics-view.ts';
import { linkKeyFiguresFor, type LearningDataset } from '../lib/site/analytics/learning-view.ts';
import { chartsOf, type AnalyticsView, type ChartModel } from '../lib/site/analytics/models.ts';
import { keyFiguresHtml, notesHtml, tableHtml } from '../lib/site/analytics/table-html.ts';
import { watchTableScroll } from './table-scroll.ts';

interface Selection {
  range: RangeId;
  service: string | null;
}

function readSelection(serviceSelect: HTMLSelectElement): Selection {
  const params = new URLSearchParams(location.search);
  const service = params.get('service');
  const known = service !== null && [...serviceSelect.options].some((option) => option.value === service);
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

function render(view: AnalyticsView, dataset: LearningDataset, selection: Selection): void {
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
  const learning = document.querySelector<HTMLElement>('[data-learning-figures]');
  if (learning && dataset.learning) learning.innerHTML = keyFiguresHtml(linkKeyFiguresFor(dataset, selection));
  // New tables: measure them for the scroll hint.
  watchTableScroll();
}

/** The incident rows, fetched once on first use. */
function datasetLoader(source: string): () => Promise<LearningDataset> {
  let loading: Promise<LearningDataset> | null = null;
  return () => {
    loading ??= fetch(source).then((response) => {
      if (!response.ok) throw new Error(`${source}: HTTP ${response.status}`);
      return response.json() as Promise<LearningDataset>;
    });
    return loading;
  };
}

/** Wires the controls, renders the view in the URL and loads the charts. */
export function initAnalytics(): void {
  const embedded = document.getElementById('analytics-charts');
  const form = document.querySelector<HTMLFormElement>('[data-controls]');
  if (!embedded?.textContent || !form?.dataset.dataset) return;
  const defaultCharts = JSON.parse(embedded.textContent) as ChartModel[];
  const dataset = datasetLoader(form.dataset.dataset);
  const rangeSelect = form.elements.namedItem('range') as HTMLSelectElement;
  const serviceSelect = form.elements.namedItem('service') as HTMLSelectElement;
  const charts = import('./charts.ts');
  const page = form.closest<HTMLElement>('.analytics') ?? document.body;

  const draw = (models: ChartModel[]) => void charts.then((module) => module.drawCharts(models));
  const show = async (selection: Selection) => {
    page.setAttribute('aria-busy', 'true');
    try {
      const rows = await dataset();
      const view = analyticsView(buildReport(rows, selection), rows.intervals);
      render(view, rows, selection);
      draw(chartsOf(view));
    } finally {
      page.removeAttribute('aria-busy');
    }
  };

  const selection = readSelection(serviceSelect);
  rangeSelect.value = selection.range;
  serviceSelect.value = selection.service ?? '';
  // The build rendered the default view: draw its charts without fetching anything.
  if (selection.range === DEFAULT_RANGE && selection.service === null) draw(defaultCharts);
  else void show(selection);

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => {
    const next = { range: parseRange(rangeSelect.value), service: serviceSelect.value || null };
    writeSelection(next);
    void show(next);
  });
}
