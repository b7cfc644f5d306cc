/**
 * Where the `n=` labels of the trend chart go, so none covers another.
 * Pure (no canvas): the chart plugin measures and draws, this only places.
 */

/** Height of one label line, in canvas pixels. */
export const COUNT_LINE = 13;

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

/**
 * Places each label right of its point, above it; a label that would cover
 * one already placed goes below its point, then a line lower each time. A
 * label equal to one already at the same spot (the median and p90 of a
 * single incident are one point) is left out: one "n=1" says it.
 */
export function placeCountLabels(labels: readonly CountLabel[]): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const covering = (x: number, y: number, width: number) =>
    placed.find((label) => Math.abs(label.y - y) < COUNT_LINE && x < label.x + label.width + 2 && label.x < x + width + 2);
  for (const { x: pointX, y: pointY, text, width } of labels) {
    const x = pointX + 7;
    let y = pointY - 6;
    const first = covering(x, y, width);
    if (first && first.text === text && Math.abs(first.y - y) < 4) continue;
    for (let step = 0; covering(x, y, width) && step < 6; step++) y = pointY + 14 + step * COUNT_LINE;
    placed.push({ x, y, text, width });
  }
  return placed;
}

/** Whether two placed labels overlap (for tests and checks). */
export function overlaps(a: PlacedLabel, b: PlacedLabel): boolean {
  return Math.abs(a.y - b.y) < COUNT_LINE && a.x < b.x + b.width && b.x < a.x + a.width;
}
