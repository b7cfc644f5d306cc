/**
 * The metadata lines of the spec's plain form: `## Post-Mortem: Title`, then
 * `### Date:`, `### Severity:`, `### Duration:`, `### Author:` (and the
 * `**Date:** …` or `- Date: …` spellings agents also use).
 */

export const HEADER_FIELDS = ['date', 'severity', 'duration', 'authors', 'services', 'category', 'status'] as const;
export type HeaderField = (typeof HEADER_FIELDS)[number];

const LABELS: Record<string, HeaderField> = {
  date: 'date',
  'incident date': 'date',
  severity: 'severity',
  sev: 'severity',
  duration: 'duration',
  author: 'authors',
  authors: 'authors',
  'written by': 'authors',
  service: 'services',
  services: 'services',
  'affected services': 'services',
  'services affected': 'services',
  category: 'category',
  'root cause category': 'category',
  'root-cause category': 'category',
  status: 'status',
};

// Only the start of a line is matched by a pattern; its end (spaces, closing `#`s) is trimmed by hand:
// adjacent `\s*(.*?)\s*#*\s*$` groups backtrack cubically on a long run of spaces.
const FIELD_START = /^\s{0,3}(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|__)?([a-z][a-z -]{0,40}?)(?:\*\*|__)?\s*:/i;
const TITLE_START = /^\s{0,3}#{1,6}\s+(?:\*\*|__)?(?:incident\s+)?post[- ]?mortem(?:\*\*|__)?\s*[:\-–—]/i;
const HEADING_START = /^\s{0,3}(#{1,6})\s/;

/** `text` without the spaces and closing `#`s at its end (an ATX heading's closing sequence). */
function trimClosing(text: string): string {
  let end = text.trimEnd().length;
  while (end > 0 && text[end - 1] === '#') end -= 1;
  return text.slice(0, end).trimEnd();
}

/** A metadata line: which field it names and the value as written. */
export function readHeaderField(line: string): { field: HeaderField; value: string } | null {
  const match = FIELD_START.exec(line);
  if (!match) return null;
  const field = LABELS[match[1]!.trim().toLowerCase()];
  if (!field) return null;
  let value = line.slice(match[0].length).trimStart();
  if (value.startsWith('**') || value.startsWith('__')) value = value.slice(2);
  return { field, value: stripEmphasis(trimClosing(value)) };
}

/** The title a `## Post-Mortem: Title` line names, or null. */
export function readTitleLine(line: string): string | null {
  const match = TITLE_START.exec(line);
  if (!match) return null;
  const title = trimClosing(line.slice(match[0].length).trimStart());
  return title ? stripEmphasis(title) : null;
}

/** An ATX heading's level and text, or null. */
export function readHeadingLine(line: string): { level: number; text: string } | null {
  const match = HEADING_START.exec(line);
  if (!match) return null;
  const text = trimClosing(line.slice(match[0].length).trimStart());
  return text ? { level: match[1]!.length, text: stripEmphasis(text) } : null;
}

const EMPHASIS_MARK = new Set(['*', '_', '`']);

/** Text without Markdown emphasis marks around or inside it. */
export function stripEmphasis(text: string): string {
  const bare = text.replace(/\*\*|__/g, '');
  let start = 0;
  let end = bare.length;
  while (start < end && EMPHASIS_MARK.has(bare[start]!)) start += 1;
  while (end > start && EMPHASIS_MARK.has(bare[end - 1]!)) end -= 1;
  return bare.slice(start, end).trim();
}

/** Names in `Dana Kim, Lee Park and @sre-team`; template placeholders such as `[Name]` are not names. */
export function readNames(text: string): string[] {
  return text
    .split(/,|;|&|\band\b|\//)
    .map((name) => stripEmphasis(name))
    .filter((name) => name && !/^\[.*\]$/.test(name) && !/^(?:tbd|n\/?a|none|unknown)$/i.test(name));
}
