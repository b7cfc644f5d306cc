/** The trend chart's `n=` labels (src/scripts/count-labels.ts): never one over another. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, placeCountLabels } from '../../src/scripts/count-labels.ts';

describe('placeCountLabels', () => {
  it('draws one label where the median and p90 of a single incident meet', () => {
    const placed = placeCountLabels([
      { x: 100, y: 50, text: 'n=1', width: 20 },
      { x: 100, y: 50, text: 'n=1', width: 20 },
    ]);
    expect(placed).toHaveLength(1);
  });

  it('moves a label that would cover another below its point (the 2026 Q2 "n=1"/"n=3" case)', () => {
    const placed = placeCountLabels([
      { x: 300, y: 80, text: 'n=3', width: 20 },
      { x: 300, y: 84, text: 'n=1', width: 20 },
    ]);
    expect(placed).toHaveLength(2);
    expect(overlaps(placed[0]!, placed[1]!)).toBe(false);
  });

  it('never overlaps the labels of four lines over seven quarters', () => {
    // One entry per quarter: the y of each of the (up to four) severity lines there, and its n.
    const quarter = fc.array(fc.record({ y: fc.integer({ min: 0, max: 300 }), n: fc.integer({ min: 1, max: 40 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(quarter, { minLength: 7, maxLength: 7 }), (quarters) => {
        const labels = quarters.flatMap((points, index) =>
          points.map((point) => ({ x: 60 + index * 150, y: point.y, text: `n=${point.n}`, width: 6 * `n=${point.n}`.length })),
        );
        const placed = placeCountLabels(labels);
        for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!)).toBe(false);
      }),
      { seed: 14, numRuns: 300 },
    );
  });
});
