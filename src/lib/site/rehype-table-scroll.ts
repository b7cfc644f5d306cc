/**
 * Rehype plugin: every table of a post-mortem or guide page goes into the
 * same scroll box as the site's other tables (src/components/TableScroll.astro),
 * labelled after the section it is in ("Action Items table"), so a wide table
 * scrolls inside its column with a visible hint instead of being cut off.
 * It also prepares two layouts CSS cannot work out alone:
 * - every body cell carries its column's header as `data-label`, so tables of
 *   four or more columns can show each row as a card on phones (prose.css);
 * - cells holding a single short token (a date, a ticket id, an owner handle)
 *   are marked `cell-token`, so they never break mid-token (`2025-/12-17`).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Tables with this many columns become one card per row on narrow screens. */
const CARD_COLUMNS = 4;
/** Longest single-word cell that is kept on one line. */
const TOKEN_LENGTH = 24;
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function childElements(node: Element, tagName: string): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

/** The heading text of a heading, or of the heading inside rehype-heading-anchors' wrapper. */
function headingText(node: RootContent | ElementContent): string | null {
  if (node.type !== 'element') return null;
  if (HEADINGS.has(node.tagName)) return textOf(node).trim();
  const inner = node.children.find((child) => child.type === 'element' && HEADINGS.has(child.tagName));
  return inner && String(node.properties?.className ?? '').includes('heading-wrapper') ? textOf(inner).trim() : null;
}

function prepareCells(table: Element): number {
  const head = childElements(table, 'thead')[0];
  const headerRow = head ? childElements(head, 'tr')[0] : undefined;
  const labels = headerRow ? [...childElements(headerRow, 'th'), ...childElements(headerRow, 'td')].map((cell) => textOf(cell).trim()) : [];
  for (const section of [...childElements(table, 'thead'), ...childElements(table, 'tbody')]) {
    for (const row of childElements(section, 'tr')) {
      row.children
        .filter((cell): cell is Element => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'))
        .forEach((cell, column) => {
          const properties = (cell.properties ??= {});
          if (cell.tagName === 'td' && labels[column]) properties.dataLabel = labels[column];
          const text = textOf(cell).trim();
          if (text && text.length <= TOKEN_LENGTH && !/\s/.test(text)) {
            const classes = Array.isArray(properties.className) ? properties.className : [];
            properties.className = [...classes, 'cell-token'];
          }
        });
    }
  }
  return labels.length;
}

function wrap(table: Element, section: string | null): Element {
  const columns = prepareCells(table);
  const label = section ? `${section} table` : 'Table';
  return element('div', { className: ['table-scroll', ...(columns >= CARD_COLUMNS ? ['table-scroll--cards'] : [])], dataTableScroll: '' }, [
    element('p', { className: ['table-scroll__hint'], ariaHidden: 'true' }, [{ type: 'text', value: 'Scroll sideways →' }]),
    element('div', { className: ['table-scroll__region'], role: 'region', tabIndex: 0, ariaLabel: label }, [table]),
  ]);
}

function visit(parent: Root | Element, section: string | null): void {
  let current = section;
  parent.children = parent.children.map((child) => {
    current = headingText(child) ?? current;
    if (child.type !== 'element') return child;
    if (child.tagName === 'table') return wrap(child, current);
    visit(child, current);
    return child;
  }) as typeof parent.children;
}

/** The plugin: `rehypePlugins: [..., rehypeHeadingAnchors, rehypeTableScroll]`. */
export function rehypeTableScroll() {
  return (tree: Root) => visit(tree, null);
}
