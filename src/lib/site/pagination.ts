/**
 * Which links a pagination nav shows: first, previous, a window of page
 * numbers around the current one, next, last. Bounded (at most
 * 2 × {@link PAGE_WINDOW} + 1 numbers), so the nav does not grow with the
 * archive. The static nav and the page script both draw from this list.
 */

/** Page numbers shown on each side of the current page. */
export const PAGE_WINDOW = 2;

export type PageLink =
  | { kind: 'first' | 'prev' | 'next' | 'last'; page: number }
  | { kind: 'page'; page: number; current: boolean }
  | { kind: 'gap' };

/** The links for page `current` of `last` (both 1-based); first/prev are left out on page 1, next/last on the last page. */
export function pageLinks(current: number, last: number): PageLink[] {
  const links: PageLink[] = [];
  if (current > 1) links.push({ kind: 'first', page: 1 }, { kind: 'prev', page: current - 1 });
  const from = Math.max(1, current - PAGE_WINDOW);
  const to = Math.min(last, current + PAGE_WINDOW);
  if (from > 1) links.push({ kind: 'gap' });
  for (let page = from; page <= to; page++) links.push({ kind: 'page', page, current: page === current });
  if (to < last) links.push({ kind: 'gap' });
  if (current < last) links.push({ kind: 'next', page: current + 1 }, { kind: 'last', page: last });
  return links;
}

/** What each link kind says; numbers say their page. */
export const PAGE_LINK_TEXT = { first: 'First', prev: 'Previous', next: 'Next', last: 'Last' } as const;

/** The accessible name of a link: `Page 3`, `Next page (4)`. */
export function pageLinkLabel(link: Exclude<PageLink, { kind: 'gap' }>): string {
  return link.kind === 'page' ? `Page ${link.page}` : `${PAGE_LINK_TEXT[link.kind]} page (${link.page})`;
}
