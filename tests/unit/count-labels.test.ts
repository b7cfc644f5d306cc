/** The trend chart's `n=` labels (src/scripts/count-labels.ts): never one over another, never past the chart's area. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelBox, overlaps, placeCountLabels, type Area, type PlacedLabel } from '../../src/scripts/count-labels.ts';

const WIDE: Area = { left: 40, top: 10, right: 1100, bottom: 330 };

function expectApartAndInside(placed: PlacedLabel[], area: Area) {
  for (const label of placed) {
    const box = labelBox(label);
    expect(box.left >= area.left && box.right <= area.right && box.top >= area.top && box.bottom <= area.bottom, JSON.stringify(label)).toBe(true);
  }
  for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!), `${placed[i]!.text} / ${placed[j]!.text}`).toBe(false);
}

/** One entry per quarter: the y of each of the (up to four) severity lines there, and its n. */
const quarters = (count: number, top: number, bottom: number) =>
  fc.array(fc.array(fc.record({ y: fc.integer({ min: top, max: bottom }), n: fc.integer({ min: 1, max: 40 }) }), { maxLength: 4 }), { minLength: count, maxLength: count });

describe('placeCountLabels', () => {
  it('draws one label where the median and p90 of a single incident meet', () => {
    const placed = placeCountLabels(
      [
        { x: 100, y: 50, text: 'n=1', width: 20 },
        { x: 100, y: 50, text: 'n=1', width: 20 },
      ],
      WIDE,
    );
    expect(placed).toHaveLength(1);
  });

  it('moves a label that would cover another (the 2026 Q2 "n=1"/"n=3" case)', () => {
    const placed = placeCountLabels(
      [
        { x: 300, y: 80, text: 'n=3', width: 20 },
        { x: 300, y: 84, text: 'n=1', width: 20 },
      ],
      WIDE,
    );
    expect(placed).toHaveLength(2);
    expect(overlaps(placed[0]!, placed[1]!)).toBe(false);
  });

  it('puts the label of a point at the right edge on its left, inside the area', () => {
    const area: Area = { left: 30, top: 10, right: 350, bottom: 250 };
    const [label] = placeCountLabels([{ x: 340, y: 100, text: 'n=12', width: 24 }], area);
    expect(label!.x + label!.width).toBeLessThanOrEqual(350);
    expect(label!.x).toBe(340 - 7 - 24);
  });

  it('never overlaps the labels of four lines over seven quarters on a wide screen', () => {
    fc.assert(
      fc.property(quarters(7, 10, 330), (points) => {
        const labels = points.flatMap((at, index) => at.map((point) => ({ x: 60 + index * 150, y: point.y, text: `n=${point.n}`, width: 6 * `n=${point.n}`.length })));
        expectApartAndInside(placeCountLabels(labels, WIDE), WIDE);
      }),
      { seed: 14, numRuns: 300 },
    );
  });

  it('keeps them inside and apart at 390 px, where quarters are 40 px apart and the last point is at the edge', () => {
    // The phone layout: a 340 px wide plot of eight quarters (offset by half a band), 11 px labels about 6 px a character.
    const area: Area = { left: 38, top: 12, right: 358, bottom: 240 };
    fc.assert(
      fc.property(quarters(8, 12, 240), (points) => {
        const band = (area.right - area.left) / 8;
        const labels = points.flatMap((at, index) => at.map((point) => ({ x: area.left + band * (index + 0.5), y: point.y, text: `n=${point.n}`, width: 6 * `n=${point.n}`.length })));
        const placed = placeCountLabels(labels, area);
        expectApartAndInside(placed, area);
        // A lone point always gets its label.
        if (labels.length === 1) expect(placed).toHaveLength(1);
      }),
      { seed: 28, numRuns: 300 },
    );
  });
});
