/**
 * Rehype plugin: a visible "#" link after every h2–h4 that has an id, so a
 * reader can link straight to a section. Heading and link sit side by side
 * in a wrapper (as Starlight does) so the heading's accessible name stays
 * its own text. Runs after Astro's `rehypeHeadingIds`, which sets the ids.
 * First it scopes the ids: a heading naming one of the template's sections
 * keeps its id (`#timeline`, `#timeline-utc`, which search results and links use);
 * any other heading's id gets the `section-` prefix, so a body heading such
 * as "Main" or "PM links" can never take an id the page itself uses (`main`,
 * `pm-links`), which no page id starts with.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { sectionKeyOf } from '../postmortem/parsing/sections.ts';

const LEVELS = new Set(['h2', 'h3', 'h4']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** The prefix of every body heading id that is not a template section's. */
export const HEADING_ID_PREFIX = 'section-';
/** A heading that names no template section (Summary … Lessons Learned, as `sections.ts` reads names) gets the prefix. */
function scopeId(heading: Element): void {
  const id = heading.properties?.id;
  if (id === undefined || id === null || id === '') return;
  if (sectionKeyOf(textOf(heading).trim()) === null) heading.properties.id = `${HEADING_ID_PREFIX}${String(id)}`;
}

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function anchorFor(heading: Element): Element {
  const id = String(heading.properties?.id);
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['heading-wrapper', `level-${heading.tagName}`] },
    children: [
      heading,
      {
        type: 'element',
        tagName: 'a',
        properties: { className: ['heading-anchor'], href: `#${id}` },
        children: [
          { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
          { type: 'element', tagName: 'span', properties: { className: ['visually-hidden'] }, children: [{ type: 'text', value: `Section titled “${textOf(heading).trim()}”` }] },
        ],
      },
    ],
  };
}

function wrapHeadings(parent: Root | Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type !== 'element') return child;
    if (HEADINGS.has(child.tagName)) scopeId(child);
    if (LEVELS.has(child.tagName) && child.properties?.id) return anchorFor(child);
    wrapHeadings(child);
    return child;
  }) as typeof parent.children;
}

/** The plugin: `rehypePlugins: [rehypeHeadingIds, rehypeHeadingAnchors]`. */
export function rehypeHeadingAnchors() {
  return (tree: Root) => wrapHeadings(tree);
}
