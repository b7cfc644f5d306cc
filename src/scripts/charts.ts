/**
 * Draws the analytics charts with chart.js, from the chart models of
 * src/lib/site/analytics/ (labels, series, scale). Loaded lazily by analytics.ts
 * after the tables are in place. Only the controllers, elements and scales
 * used are registered, so the bundle stays small. Colours come from the
 * `--chart-*` tokens (tokens.css) and are re-read when the theme changes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
  type PointStyle,
  type TooltipItem,
} from 'chart.js';
import type { ChartModel } from '../lib/site/analytics/models.ts';
import { formatDuration } from '../lib/site/format.ts';
import { labelBox, placeCountLabels, type CountLabel } from './count-labels.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LogarithmicScale, LineController, LineElement, PointElement, Tooltip, Legend);

/** Tick values for time axes: the histogram's bucket edges, so both read alike. */
const DURATION_TICKS = [1, 5, 15, 60, 240, 1440, 10080, 43200];
/** A second cue besides colour for each line. */
const POINT_STYLES: PointStyle[] = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot'];

const drawn = new Map<string, Chart>();
let lastCharts: ChartModel[] = [];

function cssVar(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/**
 * A colour token as the browser resolves it here. Tokens are `light-dark(…)`
 * pairs, which only resolve where they are used, so a probe inside `element` uses it.
 */
function cssColour(element: Element, name: string, fallback: string): string {
  const probe = document.createElement('span');
  probe.hidden = true;
  probe.style.color = `var(${name}, ${fallback})`;
  element.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour || fallback;
}

function formatValue(model: ChartModel, value: number): string {
  if (model.scale === 'minutes') return formatDuration(value);
  if (model.scale === 'percent') return `${value}%`;
  return String(value);
}

/** Median and p90 lines across the histogram, at their position in bucket units. */
const markersPlugin: Plugin<'bar'> = {
  id: 'hindsightMarkers',
  afterDatasetsDraw(chart, _args, options: { markers?: ChartModel['markers']; colours?: Record<string, string>; font?: string }) {
    const markers = options.markers ?? [];
    const x = chart.scales.x;
    if (!markers.length || !x) return;
    const { ctx, chartArea } = chart;
    const band = (chart.chartArea.right - chart.chartArea.left) / Math.max(chart.data.labels?.length ?? 1, 1);
    markers.forEach((marker, index) => {
      const left = chartArea.left + marker.position * band;
      ctx.save();
      ctx.strokeStyle = options.colours?.[marker.key] ?? '#000';
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = 2;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(left, chartArea.top);
      ctx.lineTo(left, chartArea.bottom);
      ctx.stroke();
      ctx.font = options.font ?? '12px sans-serif';
      const width = ctx.measureText(marker.label).width;
      const textX = left + 4 + width > chartArea.right ? left - 4 - width : left + 4;
      ctx.fillText(marker.label, textX, chartArea.top + 12 + index * 16);
      ctx.restore();
    });
  },
};

/**
 * `n` beside every point of a trend line, so a median from one incident reads
 * as one incident; placed by count-labels.ts so that no label covers another
 * or leaves the chart area.
 */
const countsPlugin: Plugin<'line'> = {
  id: 'hindsightCounts',
  afterDatasetsDraw(chart, _args, options: { counts?: (number[] | undefined)[]; colour?: string; font?: string }) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = options.colour ?? '#000';
    ctx.font = options.font ?? '11px sans-serif';
    const labels: CountLabel[] = [];
    chart.data.datasets.forEach((dataset, datasetIndex) => {
      const counts = options.counts?.[datasetIndex];
      const meta = chart.getDatasetMeta(datasetIndex);
      if (!counts || meta.hidden) return;
      meta.data.forEach((point, index) => {
        if (dataset.data[index] === null || !counts[index]) return;
        const text = `n=${counts[index]}`;
        labels.push({ x: point.x, y: point.y, text, width: ctx.measureText(text).width });
      });
    });
    const placed = placeCountLabels(labels, chart.chartArea);
    for (const label of placed) ctx.fillText(label.text, label.x, label.y);
    ctx.restore();
    // What was drawn where, in CSS pixels of the canvas: the browser tests check it stays inside and apart.
    chart.canvas.dataset.countLabels = JSON.stringify(placed.map((label) => ({ text: label.text, ...labelBox(label) })));
  },
};

function durationBounds(model: ChartModel): { min: number; max: number } {
  const values = model.series.flatMap((series) => series.data).filter((value): value is number => value !== null && value > 0);
  const low = Math.min(...values);
  const high = Math.max(...values);
  // One tick below the smallest value, so the shortest bar still has a visible length on the log axis.
  const floor = DURATION_TICKS.findLastIndex((tick) => tick <= low);
  return {
    min: DURATION_TICKS[Math.max(floor - 1, 0)]!,
    max: DURATION_TICKS.find((tick) => tick >= high) ?? high,
  };
}

/** The theme's colours and font as they resolve in one chart's slot. */
interface Palette {
  fg: string;
  muted: string;
  grid: string;
  font: string;
  /** The `--chart-<key>` colour of a series or marker. */
  colour: (key: string) => string;
}

/** Reads the theme for one draw: the tokens resolve per element and per theme, so they are read again on each draw. */
function paletteFor(slot: HTMLElement): Palette {
  const fg = cssColour(slot, '--color-fg', '#181a20');
  return {
    fg,
    muted: cssColour(slot, '--color-muted', '#555b68'),
    grid: cssColour(slot, '--color-border', '#d6d9e0'),
    font: cssVar(slot, '--font-sans', 'sans-serif'),
    colour: (key) => cssColour(slot, `--chart-${key}`, fg),
  };
}

function configFor(model: ChartModel, slot: HTMLElement): ChartConfiguration {
  const palette = paletteFor(slot);
  const valueAxis = model.horizontal ? 'x' : 'y';
  const categoryAxis = model.horizontal ? 'y' : 'x';
  return {
    type: model.type,
    data: { labels: model.labels, datasets: datasetsFor(model, palette) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: categoryAxis === 'y' ? 'y' : 'x',
      font: { family: palette.font },
      scales: { [valueAxis]: valueScaleFor(model, palette), [categoryAxis]: categoryScaleFor(model, palette) } as never,
      plugins: pluginOptionsFor(model, palette, valueAxis) as never,
    },
    plugins: [markersPlugin as Plugin, countsPlugin as Plugin],
  } as ChartConfiguration;
}

/**
 * The axis the values run along: durations on a log scale ticked at the
 * histogram's bucket edges (so the charts read alike), counts and shares linear from zero.
 */
function valueScaleFor(model: ChartModel, { muted, grid }: Palette) {
  const bounds = model.scale === 'minutes' ? durationBounds(model) : null;
  return {
    type: model.scale === 'minutes' ? 'logarithmic' : 'linear',
    stacked: model.stacked ?? false,
    beginAtZero: model.scale !== 'minutes',
    ...(bounds ?? {}),
    grid: { color: grid },
    title: { display: model.scale === 'minutes', text: 'log scale', color: muted },
    border: { color: grid },
    ticks: {
      color: muted,
      precision: 0,
      callback: (value: number | string) => formatValue(model, Number(value)),
    },
    ...(bounds
      ? {
          afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
            scale.ticks = DURATION_TICKS.filter((tick) => tick >= bounds.min && tick <= bounds.max).map((value) => ({ value }));
          },
        }
      : {}),
  };
}

/** The axis of the labels (quarters, teams, buckets): no grid lines, since the bars and points already mark each. */
function categoryScaleFor(model: ChartModel, { muted, grid }: Palette) {
  return {
    type: 'category',
    stacked: model.stacked ?? false,
    grid: { display: false },
    border: { color: grid },
    // Lines start half a band in, so the `n` beside the last point stays inside the canvas.
    offset: true,
    ticks: { color: muted, autoSkip: !model.horizontal },
  };
}

/** One dataset per series, each with its own colour token and point style, so lines differ by more than colour. */
function datasetsFor(model: ChartModel, { colour }: Palette) {
  return model.series.map((series, index) => ({
    label: series.label,
    data: series.data,
    backgroundColor: colour(series.key),
    borderColor: colour(series.key),
    borderWidth: model.type === 'line' ? 2 : 0,
    pointStyle: POINT_STYLES[index % POINT_STYLES.length],
    pointRadius: model.type === 'line' ? 5 : undefined,
    spanGaps: true,
    // A line across quarters without such incidents is dashed: it joins two medians, it measures nothing in between.
    segment: { borderDash: (segment: { p0: { skip: boolean }; p1: { skip: boolean } }) => (segment.p0.skip || segment.p1.skip ? [5, 5] : undefined) },
    maxBarThickness: 48,
  }));
}

/**
 * Legend, tooltip and our two plugins: the tooltip gives each value in the
 * chart's unit with the incidents behind it, the plugins draw the markers and the `n` labels.
 */
function pluginOptionsFor(model: ChartModel, { fg, font, colour }: Palette, valueAxis: 'x' | 'y') {
  return {
    legend: { display: model.series.length > 1, labels: { color: fg, usePointStyle: model.type === 'line' } },
    tooltip: {
      callbacks: {
        label: (context: TooltipItem<'bar' | 'line'>) => {
          const value = context.parsed[valueAxis];
          if (value === null || value === undefined) return '';
          const count = model.series[context.datasetIndex]?.counts?.[context.dataIndex];
          return `${context.dataset.label}: ${formatValue(model, value)}${count ? ` (n = ${count})` : ''}`;
        },
      },
    },
    hindsightMarkers: { markers: model.markers, colours: Object.fromEntries((model.markers ?? []).map((marker) => [marker.key, colour(marker.key)])), font: `600 12px ${font}` },
    hindsightCounts: { counts: model.series.map((series) => series.counts), colour: fg, font: `11px ${font}` },
  };
}

function draw(model: ChartModel): void {
  const slot = document.querySelector<HTMLElement>(`[data-chart="${model.id}"]`);
  const canvas = slot?.querySelector('canvas');
  if (!slot || !canvas) return;
  drawn.get(model.id)?.destroy();
  drawn.delete(model.id);
  canvas.setAttribute('aria-label', model.ariaLabel);
  slot.hidden = model.empty;
  if (model.empty) return;
  if (model.horizontal) {
    // Horizontal bar charts grow with their rows so labels never overlap.
    slot.dataset.bars = '';
    slot.style.setProperty('--bars', String(Math.max(model.labels.length * (model.stacked ? 1 : model.series.length), 3)));
  }
  drawn.set(model.id, new Chart(canvas, configFor(model, slot)));
}

/** Draws (or redraws) the charts of a view. */
export function drawCharts(charts: ChartModel[]): void {
  lastCharts = charts;
  for (const chart of charts) draw(chart);
}

function redraw(): void {
  drawCharts(lastCharts);
}

// Colours are read from CSS once per draw, so a theme switch redraws with the other palette.
new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
