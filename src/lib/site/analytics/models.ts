/**
 * The analytics page as data: sections of notes, charts and tables, every
 * figure already formatted. Built at build for the HTML and again in the
 * browser for another range or service; chart.js draws the chart models.
 */

/** A data table beside a chart, readable without JavaScript. */
export interface TableModel {
  id: string;
  caption: string;
  columns: string[];
  /** First cell of each row is the row header. Bounded: long lists keep their top rows (see top-rows.ts). */
  rows: string[][];
  /** Shown instead of an empty body. */
  empty: string;
  /** `and 12 more services…`: what the rows left out, said under the table; absent when nothing was left out. */
  more?: string;
}

export type ChartScale = 'count' | 'minutes' | 'percent';

export interface ChartSeries {
  /** Colour key: tokens.css defines `--chart-<key>`. */
  key: string;
  label: string;
  data: (number | null)[];
  /** Incidents behind each point, drawn beside it (trend lines only). */
  counts?: number[];
}

export interface ChartModel {
  id: string;
  type: 'bar' | 'line';
  /** What the chart shows, for screen readers; the table beside it has the figures. */
  ariaLabel: string;
  labels: string[];
  series: ChartSeries[];
  scale: ChartScale;
  stacked?: boolean;
  horizontal?: boolean;
  /** Vertical markers along a category axis, in bucket units (see bucketPosition): 0 is the left edge of the first bar's band. */
  markers?: { label: string; position: number; key: string }[];
  /** True when there is nothing to draw. */
  empty: boolean;
}

export interface PanelModel {
  chart: ChartModel | null;
  table: TableModel;
}

export interface SectionModel {
  id: string;
  title: string;
  /** Plain-language caveats: small samples, what a figure does not include. */
  notes: string[];
  panels: PanelModel[];
}

export interface KeyFigure {
  label: string;
  value: string;
  detail: string;
}

export interface AnalyticsView {
  /** `All time, all services, as of 27 Nov 2026`. */
  scope: string;
  keyFigures: KeyFigure[];
  sections: SectionModel[];
}

/** Every chart of a view, in page order. */
export function chartsOf(view: AnalyticsView): ChartModel[] {
  return view.sections.flatMap((section) => section.panels.flatMap((panel) => (panel.chart ? [panel.chart] : [])));
}
