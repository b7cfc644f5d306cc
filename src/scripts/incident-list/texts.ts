/** The incident list's sentences and counts: what it says about the results it shows. */
import { FACET_KEYS } from '../../lib/site/facets.ts';
import type { ListState } from '../../lib/site/list-state.ts';
import type { FacetCounts } from './pagefind-client.ts';

const noun = (count: number) => `${count} post-mortem${count === 1 ? '' : 's'}`;

/** The result count: how many match, and how many of those only some of the words. */
export function countText(shown: number, complete: number, total: number): string {
  if (complete === shown) return `${shown} of ${noun(total)}`;
  if (complete === 0) return `No post-mortem matches every word; ${shown} match some of them`;
  return `${complete} of ${noun(total)} match every word; ${shown - complete} more match some of them`;
}

/** The result count of a first draw: the full matches, while those holding some of the words are still searched for. */
export function pendingCountText(complete: number, total: number): string {
  return `${complete} of ${noun(total)} match every word; looking for more that match some of them…`;
}

/** The sentence under the page title while searching or filtering. */
export function leadText(state: ListState, shown: number, total: number): string {
  const order = state.sort === 'oldest' ? 'oldest first' : state.q && state.sort !== 'newest' ? 'best match first' : 'newest first';
  return `${shown} of ${noun(total)} match, ${order}.`;
}

/** “redis” with SEV-1, service auth — the empty state's description of what was asked. */
export function describe(state: ListState): string {
  const parts = FACET_KEYS.flatMap((key) => (state.filters[key]?.length ? [`${key} ${state.filters[key]!.join(' or ')}`] : []));
  const query = state.q ? `“${state.q}”` : '';
  if (!parts.length) return query || 'these filters';
  return `${query}${query ? ' with ' : ''}${parts.join(', ')}`;
}

/** Writes each option's count and dims options that would show nothing. */
/** The facet options' counts, or null when not known. */
export function updateCounts(form: HTMLFormElement, counts: FacetCounts | null): void {
  for (const span of form.querySelectorAll<HTMLElement>('[data-count]')) {
    // Counts not known (the facet table not fetched while the filters are folded) are hidden, not left stale.
    const holder = span.parentElement!;
    if (holder.hidden !== (counts === null)) holder.hidden = counts === null;
    if (!counts) continue;
    const [key, ...rest] = span.dataset.count!.split(':') as [keyof FacetCounts, ...string[]];
    const count = counts[key]?.[rest.join(':')] ?? 0;
    setText(span, String(count));
    span.closest('label')?.classList.toggle('is-empty', count === 0);
  }
}

/** Sets an element's text only when it differs, so unchanged parts of the page cause no DOM work. */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
