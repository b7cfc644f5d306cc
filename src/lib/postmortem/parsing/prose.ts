/**
 * Blanks code out of Markdown, keeping every other character at its index,
 * so text checks can ignore code samples and still report exact lines.
 */

import { closesFence, fenceOpening, mayHoldFence } from './fences.ts';
import { linesOf } from './lines.ts';

/** `markdown` with fenced code and code spans turned into spaces (line breaks kept). */
export function blankCode(markdown: string): string {
  // Three rules blank the same body one after another: the last answer is kept.
  if (markdown === lastBlanked.markdown) return lastBlanked.blanked;
  const blanked = blank(markdown);
  lastBlanked = { markdown, blanked };
  return blanked;
}

let lastBlanked = { markdown: '', blanked: '' };

function blank(markdown: string): string {
  if (!markdown.includes('`') && !markdown.includes('~~~')) return markdown;
  if (!mayHoldFence(markdown)) return blankLinesWithSpans(markdown);
  const lines = linesOf(markdown);
  let fence: string | null = null;
  const kept = lines.map((line) => {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      return ' '.repeat(line.length);
    }
    fence = fenceOpening(line);
    return fence ? ' '.repeat(line.length) : line;
  });
  return kept.map(blankCodeSpans).join('\n');
}

/** {@link blank} for text without fences: only the lines holding a backtick change, the rest is copied as it is. */
function blankLinesWithSpans(markdown: string): string {
  let out = '';
  let copied = 0;
  for (let tick = markdown.indexOf('`'); tick !== -1; tick = markdown.indexOf('`', copied)) {
    const start = markdown.lastIndexOf('\n', tick) + 1;
    const newline = markdown.indexOf('\n', tick);
    const end = newline === -1 ? markdown.length : newline;
    out += markdown.slice(copied, start) + blankCodeSpans(markdown.slice(start, end));
    copied = end;
  }
  return out + markdown.slice(copied);
}

/**
 * A line with its code spans blanked: a run of backticks opens a span that the next run of the same
 * length closes. Runs are scanned once and each is paired with the next of its length through a
 * table, so a line of backticks costs linear time (a backtracking pattern was quadratic).
 */
function blankCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs: { start: number; end: number }[] = [];
  for (let at = line.indexOf('`'); at !== -1; at = line.indexOf('`', at)) {
    const start = at;
    while (line[at] === '`') at += 1;
    runs.push({ start, end: at });
  }
  // The index of the next run of the same length, found walking backwards.
  const nextSame: number[] = new Array(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i -= 1) {
    const length = runs[i]!.end - runs[i]!.start;
    nextSame[i] = lastOfLength.get(length) ?? -1;
    lastOfLength.set(length, i);
  }
  let out = '';
  let copied = 0;
  for (let i = 0; i < runs.length; ) {
    const close = nextSame[i]!;
    if (close === -1) {
      i += 1;
      continue;
    }
    out += line.slice(copied, runs[i]!.start) + ' '.repeat(runs[close]!.end - runs[i]!.start);
    copied = runs[close]!.end;
    i = close + 1;
  }
  return out + line.slice(copied);
}

/** 1-based line and column of an index in text. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
