/**
 * A line reader for the plain shape most Root Cause sections take (paragraphs,
 * one numbered list of `N. Why? -> …` lines, a `**Root Cause:**` line, code spans):
 * it builds the same Markdown tree remark-parse would (positions aside), so rule
 * `five-whys` counts steps without a full parse (validate reads every section).
 * Anything outside that shape — emphasis, links, HTML, escapes, entities,
 * indentation, other lists or blocks — gives null, and the caller parses.
 * tests/unit/why-steps-commonmark.test.ts holds the trees equal on every fixture section.
 */
import type { List, ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';

/** Characters that may start inline syntax (or change text) outside a code span: the reader does not follow them. */
const INLINE_SYNTAX = /[*_[\]<&\\]/;
/** Never read: tabs, carriage returns, NUL (which the parser replaces), and backtick runs longer than one. */
const UNREAD = /[\t\r\0]|``/;
/** A numbered item: digits, a dot, one space, then text. */
const ITEM = /^(\d{1,9})\. (?=[A-Za-z]|\*\*[A-Za-z])/;
/** A line the reader starts a paragraph (or continues one) with: a letter, or a bold label. */
const TEXT_LINE = /^(?:[A-Za-z]|\*\*[A-Za-z])/;
/** A bold label at the start of a line: `**Root Cause:**`, then a space or the line's end. */
const LABEL = /^\*\*([A-Za-z](?:[^*_`[\]<&\\]*[^\s*_`[\]<&\\])?)\*\*(?= |$)/;

/** One line's inline content, or null when it holds syntax the reader does not follow. */
function inlineOf(line: string): PhrasingContent[] | null {
  if (line !== line.trim()) return null;
  const nodes: PhrasingContent[] = [];
  let rest = line;
  const label = LABEL.exec(line);
  if (label) {
    nodes.push({ type: 'strong', children: [{ type: 'text', value: label[1]! }] });
    rest = line.slice(label[0].length);
  }
  if (UNREAD.test(rest)) return null;
  // Single backticks in pairs on one line are code spans, whose text is literal (`run_after`).
  const parts = rest.split('`');
  if (parts.length % 2 === 0 || parts.some((part, at) => at % 2 === 0 && INLINE_SYNTAX.test(part))) return null;
  parts.forEach((part, at) => {
    if (at % 2 === 0) {
      if (part) nodes.push({ type: 'text', value: part });
      return;
    }
    // CommonMark strips one space from each end of a code span that has both (and is not all spaces).
    const value = part.length >= 2 && part.startsWith(' ') && part.endsWith(' ') && part.trim() ? part.slice(1, -1) : part;
    nodes.push({ type: 'inlineCode', value });
  });
  return nodes;
}

/** The lines of one paragraph as its node: a line ending between them, adjacent text merged. */
function paragraphOf(lines: readonly string[]): Paragraph | null {
  const children: PhrasingContent[] = [];
  const push = (node: PhrasingContent) => {
    const last = children.at(-1);
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else children.push(node);
  };
  for (const [at, line] of lines.entries()) {
    const nodes = inlineOf(line);
    if (!nodes) return null;
    if (at > 0) push({ type: 'text', value: '\n' });
    nodes.forEach(push);
  }
  return { type: 'paragraph', children };
}

/** The section's blocks as remark-parse reads them, or null when the section is not in the plain shape. */
export function readPlainBlocks(markdown: string): RootContent[] | null {
  const blocks: RootContent[] = [];
  const open: { paragraph: string[] | null; list: { start: number; items: string[][]; loose: boolean } | null } = { paragraph: null, list: null };
  const close = (): boolean => {
    // Nothing open is `undefined`; an open block the reader cannot build is `null`.
    const built = [open.paragraph ? paragraphOf(open.paragraph) : undefined, open.list ? listOf(open.list) : undefined];
    open.paragraph = null;
    open.list = null;
    if (built.includes(null)) return false;
    for (const block of built) if (block) blocks.push(block);
    return true;
  };
  let blank = false;
  for (const line of markdown.split('\n')) {
    if (line === '') {
      if (open.paragraph && !close()) return null;
      blank = true;
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      // A numbered line right after a paragraph line may continue it or start a list: left to the parser.
      if (open.paragraph) return null;
      if (open.list) open.list.loose ||= blank;
      else open.list = { start: Number(item[1]), items: [], loose: false };
      open.list.items.push([line.slice(item[0].length)]);
    } else if (TEXT_LINE.test(line)) {
      // Right after an item's line, text continues that item (a lazy line); after a blank line it is a paragraph.
      if (open.list && !blank) open.list.items.at(-1)!.push(line);
      else {
        if (open.list && !close()) return null;
        (open.paragraph ??= []).push(line);
      }
    } else return null;
    blank = false;
  }
  return close() ? blocks : null;
}

function listOf({ start, items, loose }: { start: number; items: string[][]; loose: boolean }): List | null {
  const children: ListItem[] = [];
  for (const lines of items) {
    const paragraph = paragraphOf(lines);
    if (!paragraph) return null;
    children.push({ type: 'listItem', spread: false, checked: null, children: [paragraph] });
  }
  return { type: 'list', ordered: true, start, spread: loose, children };
}
