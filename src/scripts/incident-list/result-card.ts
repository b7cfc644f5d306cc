/**
 * A search result as an incident card: a copy of the page's card template
 * (IncidentCard.astro) filled from the result's Pagefind metadata, with the
 * query's words marked in the title and the best-matching section's
 * sentence, linked to that section, below the summary.
 */
import { highlightRanges, type Range } from '../../lib/search/highlight.ts';
import { statusTone } from '../../lib/site/status-tone.ts';
import type { PagefindFragment } from './pagefind-client.ts';

/**
 * The card for one result; `query` (after spelling correction) is what to mark; `partial`: it holds only
 * some of the query's words (ranked after every full match), which the card says.
 */
export function resultCard(template: HTMLTemplateElement, fragment: PagefindFragment, query: string, partial = false): HTMLElement {
  const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
  const meta = fragment.meta;
  const find = (selector: string) => item.querySelector<HTMLElement>(selector);
  const title = find('[data-search-field="title"]') as HTMLAnchorElement | null;
  if (title) {
    title.href = fragment.url;
    title.replaceChildren(...marked(meta.title ?? '', query ? highlightRanges(meta.title ?? '', query) : []));
  }
  const time = find('time');
  if (time) {
    time.setAttribute('datetime', meta.date ?? '');
    time.textContent = meta.dateText ?? meta.date ?? '';
  }
  setText(find('[data-card="duration"]'), meta.duration);
  setText(find('[data-card="category"]'), meta.category);
  const severity = find('[data-card="severity"] .badge');
  if (severity) {
    severity.className = severity.className.replace(/\bsev-\d\b/, (meta.severity ?? '').toLowerCase());
    severity.textContent = meta.severity ?? '';
    severity.removeAttribute('title');
  }
  const status = find('[data-card="status"] .badge');
  if (status && meta.status) {
    status.className = status.className.replace(/\btone-\w+\b/, `tone-${statusTone(meta.status as Parameters<typeof statusTone>[0])}`);
    status.textContent = meta.status;
  }
  const summary = find('[data-search-field="summary"]');
  if (summary) summary.replaceChildren(...marked(meta.summary ?? '', query ? highlightRanges(meta.summary ?? '', query) : []));
  const services = find('[data-card="services"]');
  if (services) {
    const chip = services.firstElementChild;
    services.replaceChildren(
      ...(meta.services ?? '').split(', ').filter(Boolean).map((name) => {
        const li = (chip?.cloneNode(false) as HTMLElement | undefined) ?? document.createElement('li');
        li.textContent = name;
        return li;
      }),
    );
  }
  const matches = find('[data-search-matches]');
  if (matches) {
    const line = query ? matchLine(fragment) : null;
    const some = partial ? Object.assign(document.createElement('strong'), { className: 'match-partial', textContent: 'Some of the words only' }) : null;
    matches.replaceChildren(...(some ? [some] : []), ...(some && line ? [' · '] : []), ...(line ? [line] : []));
    matches.hidden = !line && !some;
  }
  return item;
}

/**
 * "In Lessons Learned: …the sentence, words marked…", linked to the section:
 * the sub-result (a section of the post-mortem) with the most matches, or the page's own excerpt.
 */
function matchLine(fragment: PagefindFragment): HTMLElement | null {
  const sections = fragment.sub_results.filter((sub) => sub.url.includes('#'));
  // The section whose sentence shows the most different query words, then the one with the most matches.
  const best = sections
    .map((sub) => ({ sub, words: new Set([...sub.excerpt.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => match[1]!.toLowerCase())).size }))
    .sort((a, b) => b.words - a.words || b.sub.locations.length - a.sub.locations.length)[0]?.sub;
  const excerpt = best?.excerpt ?? fragment.excerpt;
  if (!excerpt || !/<mark>/.test(excerpt)) return null;
  const line = document.createElement('span');
  line.className = 'match-line';
  if (best) {
    const link = document.createElement('a');
    link.href = best.url;
    link.textContent = best.title;
    line.append('In ', link, ': ');
  }
  line.append(...excerptNodes(excerpt));
  return line;
}

/** Pagefind's excerpt (escaped text with `<mark>` around matches) as nodes: text and marks only, nothing else is trusted. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstElementChild!;
  return [...parsed.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function setText(element: HTMLElement | null, text: string | undefined): void {
  if (element && text !== undefined) element.textContent = text;
}

/** Text with `<mark>` around each range. */
function marked(value: string, ranges: readonly Range[]): Node[] {
  const nodes: Node[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) nodes.push(document.createTextNode(value.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = value.slice(start, end);
    nodes.push(mark);
    at = end;
  }
  if (at < value.length) nodes.push(document.createTextNode(value.slice(at)));
  return nodes;
}
