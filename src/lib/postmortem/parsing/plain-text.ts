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

const commonmark = unified().use(remarkParse).freeze();
const gfm = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * What only GFM reads differently from CommonMark, as far as text goes:
 * strikethrough, tables, footnote references, task-list boxes, literal
 * autolinks (which keep a backslash CommonMark would read as an escape).
 * GFM doubles the parse's cost, so the rest is parsed as CommonMark.
 */
const GFM_ONLY = /~|\||\[\^|\[[ xX]\]|www\.|https?:|@/i;

/**
 * The common summary needs no parse: prose with no markup character, entity
 * or escape, and no line a block construct could start (lists, quotes,
 * headings, setext underlines, tables, indented code), plus single-backtick
 * code spans on one line. Such text reads as written, code spans without
 * their backticks; anything else goes to the parser. A property test holds
 * this shortcut to the parser's reading. It costs microseconds instead of
 * the parse's ~0.4 ms, which adds up over thousands of post-mortems.
 */
const INLINE_MARKUP = /[\\`*_[\]!<>&~|#]/;
const BLOCK_START = /^(?: {4}|\t| {0,3}(?:[-+=]|\d{1,9}[.)]))/m;
const SIMPLE_CODE_SPAN = /(?<!`)`([^`\n]+)`(?!`)/g;

/** The text of `markdown` when the shortcut applies; null when it needs the parse. */
function shortcutText(markdown: string): string | null {
  // A GFM literal autolink (`www.`, `https:`, an address) runs on into a code span right after it.
  if (BLOCK_START.test(markdown) || (markdown.includes('`') && GFM_ONLY.test(markdown))) return null;
  let text = '';
  let from = 0;
  for (const span of markdown.matchAll(SIMPLE_CODE_SPAN)) {
    const prose = markdown.slice(from, span.index);
    if (INLINE_MARKUP.test(prose)) return null;
    text += prose + codeSpanText(span[1]!);
    from = span.index + span[0].length;
  }
  const rest = markdown.slice(from);
  return INLINE_MARKUP.test(rest) ? null : text + rest;
}

/** CommonMark strips one space from each end of a code span that has other characters. */
function codeSpanText(code: string): string {
  return code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() ? code.slice(1, -1) : code;
}

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
