/**
 * Shows each table scroll box's "Scroll →" hint while its table is wider than
 * the box (base.css hides it otherwise). Boxes are measured when their size
 * changes, so a rotated phone or a redrawn analytics table updates the hint.
 */
const BOX = '[data-table-scroll]';

function mark(box: Element): void {
  const region = box.querySelector<HTMLElement>('.table-scroll__region');
  if (!region) return;
  // One pixel of rounding is not worth a hint.
  box.classList.toggle('is-overflowing', region.scrollWidth > region.clientWidth + 1);
}

let observer: ResizeObserver | undefined;

/** Measures every table scroll box under `root` now and whenever it or its table changes size. */
export function watchTableScroll(root: ParentNode = document): void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const box = entry.target.closest(BOX);
      if (box) mark(box);
    }
  });
  for (const box of root.querySelectorAll(BOX)) {
    const region = box.querySelector('.table-scroll__region');
    if (!region) continue;
    observer.observe(region);
    const table = region.querySelector('table');
    if (table) observer.observe(table);
    mark(box);
  }
}
