/**
 * The shapes of Markdown its parser cannot take in bounded work, found line
 * by line without parsing. Nesting: Markdown's parsers and renderers recurse
 * once per level, so a 16 KB run of `> ` or `- ` is thousands of levels and
 * overflows the build's stack. Brackets: micromark (in validate and the
 * build alike) looks back over a block's earlier tokens for each `]`, to find
 * the `[` it closes, so a block of thousands of `]` costs quadratic time
 * (128 KiB of `](` took over 20 s).
 */
import { closesFence, fenceOpening, mayHoldFence } from '../parsing/fences.ts';
import { linesOf } from '../parsing/lines.ts';

/** Lists and blockquotes nested deeper than this are refused (docs/FORMAT.md#limits). */
export const MAX_NESTING = 32;

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The first line (0-based in `lines`) whose container depth passes `limit`, and that depth; null when none does.
 * `fenced`: whether a line may open a code fence at all ({@link mayHoldFence} of the text).
 */
export function findDeepNesting(lines: readonly string[], limit = MAX_NESTING, fenced = true): { index: number; depth: number } | null {
  // Content columns of the list items still open: a line indented at least that far is inside the item.
  const open: number[] = [];
  let fence: string | null = null;
  let afterBlank = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    if (!line.trim()) {
      afterBlank = true;
      continue;
    }
    let column = 0;
    let at = 0;
    let quotes = 0;
    let indent = -1;
    // Each marker at the start of the line (`> `, `- `, `1. `), spaces between: one level each. An open item whose
    // content starts right of this line's indent is closed by a marker line, or by any line after a blank one;
    // a text line right after text may be a lazy continuation, which closes nothing (so it is never counted low).
    for (;;) {
      while (line[at] === ' ' || line[at] === '\t') {
        column = line[at] === '\t' ? column + 4 - (column % 4) : column + 1;
        at += 1;
      }
      if (indent === -1) {
        indent = column;
        const isMarker = line[at] === '>' || LIST_MARKER.test(line.slice(at, at + 11));
        if (isMarker || afterBlank) while (open.length && open[open.length - 1]! > indent) open.pop();
      }
      if (line[at] === '>') {
        quotes += 1;
        at += 1;
        column += 1;
      } else {
        const marker = LIST_MARKER.exec(line.slice(at, at + 11));
        if (!marker) break;
        at += marker[0].length;
        column += marker[0].length;
        open.push(column + 1);
      }
      if (open.length + quotes > limit) return { index, depth: open.length + quotes };
    }
    fence = fenced ? fenceOpening(line) : null;
    afterBlank = false;
  }
  return null;
}

/** Brackets closing a label (`]`) allowed in one block of consecutive lines. */
export const MAX_BRACKETS_PER_BLOCK = 1000;

/** The first block (0-based index of its first line) holding more than `limit` `]`, outside fenced code; null when none does. `fenced` as in {@link findDeepNesting}. */
export function findDenseBrackets(lines: readonly string[], limit = MAX_BRACKETS_PER_BLOCK, fenced = true): { index: number } | null {
  let fence: string | null = null;
  let count = 0;
  let blockStart = 0;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    fence = fenced ? fenceOpening(line) : null;
    if (fence || !line.trim()) {
      count = 0;
      blockStart = index + 1;
      continue;
    }
    for (let at = line.indexOf(']'); at !== -1; at = line.indexOf(']', at + 1)) count += 1;
    if (count > limit) return { index: blockStart };
  }
  return null;
}

/** Whether a body is within both bounds, so it may be parsed into a tree. */
export function isParseable(body: string): boolean {
  const lines = linesOf(body);
  const fenced = mayHoldFence(body);
  return findDeepNesting(lines, MAX_NESTING, fenced) === null && (!body.includes(']') || findDenseBrackets(lines, MAX_BRACKETS_PER_BLOCK, fenced) === null);
}
