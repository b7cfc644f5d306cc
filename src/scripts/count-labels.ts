/**
 * Where the `n=` labels of the trend chart go, so none covers another and none
 * runs past the chart's area (on a phone the last quarter's point is a few
 * pixels from the right edge, and quarters are a label's width apart).
 * Pure (no canvas): the chart plugin measures and draws, this only places.
 */

/** Height of one label line, in canvas pixels. */
export const COUNT_LINE = 13;
/** Text above and below the baseline at the labels' 11 px font. */
const ASCENT = 10;
const DESCENT = 3;
/** Gap kept between a label and its point, and between two labels. */
const POINT_GAP = 7;
const LABEL_GAP = 2;
/** Lines tried above and below a point before a label is left out. */
const MAX_STEPS = 3;

export interface CountLabel {
  /** The point the label belongs to. */
  x: number;
  y: number;
  text: string;
  width: number;
}

export interface PlacedLabel {
  x: number;
  /** Baseline of the text. */
  y: number;
  text: string;
  width: number;
}

/** The rectangle labels must stay in (chart.js's chartArea). */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box a placed label's text covers. */
export function labelBox(label: PlacedLabel): Area {
  return { left: label.x, top: label.y - ASCENT, right: label.x + label.width, bottom: label.y + DESCENT };
}

function inside(box: Area, area: Area): boolean {
  return box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom;
}

/** Whether two placed labels overlap, with the gap kept between labels. */
export function overlaps(a: PlacedLabel, b: PlacedLabel, gap = 0): boolean {
  const one = labelBox(a);
  const other = labelBox(b);
  return one.left < other.right + gap && other.left < one.right + gap && one.top < other.bottom + gap && other.top < one.bottom + gap;
}

/**
 * Places each label beside its point: right and above first, then left (near
 * the right edge), then below, then a line further each way. A label equal to
 * one already at the same spot (the median and p90 of a single incident are
 * one point) is left out: one "n=1" says it. A label with no free spot inside
 * `area` is left out too: the tooltip and the table beside the chart give every n.
 */
export function placeCountLabels(labels: readonly CountLabel[], area: Area): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  for (const { x: pointX, y: pointY, text, width } of labels) {
    const right = pointX + POINT_GAP;
    const left = pointX - POINT_GAP - width;
    const above = pointY - 6;
    if (placed.some((label) => label.text === text && Math.abs(label.x - right) < 4 && Math.abs(label.y - above) < 4)) continue;
    const rows = [above, pointY + 14];
    for (let step = 1; step <= MAX_STEPS; step++) rows.push(above - step * COUNT_LINE, pointY + 14 + step * COUNT_LINE);
    const spot = rows
      .flatMap((y) => [right, left].map((x) => ({ x, y, text, width })))
      .find((candidate) => inside(labelBox(candidate), area) && !placed.some((label) => overlaps(label, candidate, LABEL_GAP)));
    if (spot) placed.push(spot);
  }
  return placed;
}
