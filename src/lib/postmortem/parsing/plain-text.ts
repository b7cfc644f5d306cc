/**
 * Markdown -> readable plain text, for summaries everywhere they leave the
 * page (search data, feed, JSON API, meta description, cards).
 *
 * The text comes from the Markdown tree, not from deleting characters: a
 * deleter cannot tell emphasis from the `*` and `_` inside inline code, and
 * turned `0 14 * * *` into "0 14 ." (issue 14).
 */
import type { Nodes } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { GFM_ONLY, shortcutText } from './plain-text-shortcut.ts';

const commonmark = unified().use(remarkParse).freeze();
// GFM doubles the parse's cost, so text with nothing only GFM reads differently (GFM_ONLY) is parsed as CommonMark.
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/** Block nodes whose children are separate runs of text: they are joined by a space. */
const SPACED = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** Node kinds a reader does not see as prose: code blocks, raw HTML, YAML, link definitions. */
const SKIPPED = new Set(['code', 'html', 'yaml', 'definition', 'thematicBreak']);

/**
 * mdast-util-to-string's reading, plus the spaces a reader sees: it glues
 * paragraphs, list items and hard-broken lines together ("one.Two") and keeps
 * code blocks and raw HTML, which a summary should not.
 */
function textOf(node: Nodes): string {
  if (SKIPPED.has(node.type)) return ' ';
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(textOf);
  return parts.join(SPACED.has(node.type) ? ' ' : '');
}

/** Markdown reduced to the text a reader sees, whitespace collapsed. Inline code is kept verbatim. */
export function plainText(markdown: string): string {
  if (!markdown.trim()) return '';
  const shortcut = shortcutText(markdown);
  if (shortcut !== null) return collapse(shortcut);
  return collapse(textOf((GFM_ONLY.test(markdown) ? gfm : commonmark).parse(markdown)));
}

/** The same text, always through the full GFM parse (what the shortcuts in {@link plainText} must agree with). */
export function plainTextFromTree(markdown: string): string {
  return collapse(textOf(gfm.parse(markdown)));
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
