/**
 * Plain text without a Markdown parse, for the common shapes: blocks separated
 * by blank lines, each either prose lines or one-line list items of one marker
 * kind, with no markup but single-backtick code spans and simple bold spans. Such text reads as
 * written, list markers and code spans' backticks dropped; anything else gives
 * null and goes to the parser, whole. It costs microseconds instead of the
 * parse's ~0.4 ms a section, which adds up over thousands of post-mortems.
 * Property and differential tests (tests/unit/plain-text*.test.ts) hold it to
 * the full GFM parse's reading.
 */

/**
 * What only GFM reads differently from CommonMark, as far as text goes:
 * strikethrough, tables, footnote references, task-list boxes, literal
 * autolinks (which keep a backslash CommonMark would read as an escape).
 * An `@` after a space or at a line start cannot end an address's local part.
 */
export const GFM_ONLY = /~|\||\[\^|\[[ xX]\]|www\.|https?:|(?<=[^\s])@/i;

// NUL: the parser reads it as U+FFFD. A `>` means something only after `<` or at a line's start (a quote), as in `->`.
const INLINE_MARKUP = /[\\`*_[\]!<&~|#\0]/;
/** A prose line a block construct could start: lists, setext underlines, quotes, indented code (a tab reaches column 4); the rest is inline markup. */
const BLOCK_START = /^(?: {4}| {0,3}(?:\t|[-+=>]|\d{1,9}[.)]))/;
/**
 * A list item's first line at the margin: the marker (`-`, `+`, `*`, `N.`, `N)`), then 1–4 spaces and content.
 * Five spaces would make the content indented code; a tab counts to the next tab stop, so it is left to the parser.
 */
const LIST_ITEM = /^(?:([-+*])|\d{1,9}([.)])) {1,4}(?=[^\s])/;
/** List item content that would itself start a block: a nested list, a thematic break, a setext underline, a quote. */
const ITEM_BLOCK_START = /^(?:[-+=>]|\d{1,9}[.)])/;
const BLANK = /^[ \t]*$/;
const SIMPLE_CODE_SPAN = /(?<!`)`([^`\n]+)`(?!`)/g;

/** The text of `markdown` when the shortcut applies (whitespace not yet collapsed); null when it needs the parse. */
export function shortcutText(markdown: string): string | null {
  // A GFM literal autolink (`www.`, `https:`, an address) runs on into a code span right after it. A lone CR ends a line.
  if (markdown.includes('\r') || (markdown.includes('`') && GFM_ONLY.test(markdown))) return null;
  const lines: string[] = [];
  // The block being read: undefined between blocks, null for prose, else its list marker kind.
  let block: string | null | undefined;
  for (const line of markdown.split('\n')) {
    if (BLANK.test(line)) {
      block = undefined;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    const kind = item ? (item[1] ?? item[2]!) : null;
    // An item may not interrupt prose (`2.`, an empty item: a lazy continuation); one kind a block keeps the reading plain.
    if (block !== undefined && block !== kind) return null;
    block = kind;
    const content = item ? line.slice(item[0].length) : line;
    if (item ? ITEM_BLOCK_START.test(content) : BLOCK_START.test(line)) return null;
    const text = inlineText(content);
    if (text === null) return null;
    lines.push(text);
  }
  return lines.join('\n');
}

/** One line's text: prose with no markup character, entity or escape, plus single-backtick code spans and bold spans. */
function inlineText(line: string): string | null {
  let text = '';
  let from = 0;
  for (const span of line.matchAll(SIMPLE_CODE_SPAN)) {
    const prose = proseText(line.slice(from, span.index), from === 0, false);
    if (prose === null) return null;
    text += prose + codeSpanText(span[1]!);
    from = span.index + span[0].length;
  }
  const rest = proseText(line.slice(from), from === 0, true);
  return rest === null ? null : text + rest;
}

/**
 * `**bold**` opened after a space (or at the line's start) and closed before a space or punctuation: by CommonMark's
 * flanking rules the first run can open (after a letter, `w**.b**` could not) and the second can close, and with no
 * other delimiter between them they pair (`- **Impact**: …`, `**Root Cause:** …`). A prose piece's end that meets a
 * code span is padded with NUL, which neither lookaround accepts: bold beside a code span goes to the parser.
 */
const STRONG = /(?<=[ \t])\*\*([^\s*](?:[^*]*[^\s*])?)\*\*(?=[ \t.,:;!?)])/g;

function proseText(prose: string, atLineStart: boolean, atLineEnd: boolean): string | null {
  const read = prose.includes('**') ? `${atLineStart ? ' ' : '\0'}${prose}${atLineEnd ? ' ' : '\0'}`.replace(STRONG, '$1').slice(1, -1) : prose;
  return INLINE_MARKUP.test(read) ? null : read;
}

/** CommonMark strips one space from each end of a code span that has other characters. */
function codeSpanText(code: string): string {
  return code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() ? code.slice(1, -1) : code;
}
