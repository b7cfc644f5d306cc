/**
 * The `n=` labels of "Time to resolve by quarter" stay inside the chart and
 * apart, on a phone as on a desktop: the chart records the boxes it drew
 * (`data-count-labels`, in CSS pixels of its canvas) and this checks them.
 */
import { expect, test } from '@playwright/test';

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

for (const width of [390, 1280]) {
  test(`"Time to resolve by quarter" labels are inside the canvas and apart at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('analytics/');
    const canvas = page.locator('[data-chart="resolve-by-quarter"] canvas');
    await expect(canvas).toHaveAttribute('data-count-labels', /n=/);
    const { boxes, size } = await canvas.evaluate((element: HTMLCanvasElement) => ({
      boxes: JSON.parse(element.dataset.countLabels!) as Box[],
      size: { width: element.clientWidth, height: element.clientHeight },
    }));
    expect(boxes.length).toBeGreaterThan(2);
    for (const box of boxes) {
      expect(box.left, box.text).toBeGreaterThanOrEqual(0);
      expect(box.top, box.text).toBeGreaterThanOrEqual(0);
      expect(box.right, box.text).toBeLessThanOrEqual(size.width);
      expect(box.bottom, box.text).toBeLessThanOrEqual(size.height);
    }
    for (const [at, one] of boxes.entries()) {
      for (const other of boxes.slice(at + 1)) {
        const apart = one.right <= other.left || other.right <= one.left || one.bottom <= other.top || other.bottom <= one.top;
        expect(apart, `${one.text} at ${one.left},${one.top} and ${other.text} at ${other.left},${other.top}`).toBe(true);
      }
    }
  });
}
