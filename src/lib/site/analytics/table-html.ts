/**
 * The HTML of the parts of the analytics page that change with the view:
 * tables, notes and key figures. One renderer for both the build (Astro's
 * set:html) and the page's script (innerHTML), so the tables a reader sees
 * without JavaScript are exactly the ones the script redraws. Browser-safe.
 */
import type { KeyFigure, TableModel } from './models.ts';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}

/**
 * A table with a caption, column headers and row headers (the first cell of
 * each row); when rows were left out, a line after it says how many (a
 * paragraph, not a footer row, so it wraps on a phone instead of scrolling
 * away with a wide table).
 */
export function tableHtml(table: TableModel): string {
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`;
  const body = table.rows.length
    ? table.rows
        .map(([first = '', ...rest]) => `<tr><th scope="row">${escapeHtml(first)}</th>${rest.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('')
    : `<tr><td class="empty" colspan="${table.columns.length}">${escapeHtml(table.empty)}</td></tr>`;
  const more = table.more ? `<p class="table-more">${escapeHtml(table.more)}</p>` : '';
  return `<table class="data-table" id="${escapeHtml(table.id)}"><caption>${escapeHtml(table.caption)}</caption>${head}<tbody>${body}</tbody></table>${more}`;
}

/** Caveats as paragraphs. */
export function notesHtml(notes: readonly string[]): string {
  return notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('');
}

/** The key figures as a description list's groups. */
export function keyFiguresHtml(figures: readonly KeyFigure[]): string {
  return figures
    .map(
      (figure) =>
        `<div class="key-figure"><dt>${escapeHtml(figure.label)}</dt><dd class="key-figure__value">${escapeHtml(figure.value)}</dd><dd class="key-figure__detail">${escapeHtml(figure.detail)}</dd></div>`,
    )
    .join('');
}
