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
  'date of incident': 'date',
  'incident day': 'date',
  'severity level': 'severity',
  'sev level': 'severity',
  'incident severity': 'severity',
  'total duration': 'duration',
  'incident duration': 'duration',
  'outage duration': 'duration',
  'impact duration': 'duration',
  'prepared by': 'authors',
  'report author': 'authors',
  'report authors': 'authors',
  'post-mortem author': 'authors',
  'postmortem author': 'authors',
  'affected systems': 'services',
  'systems affected': 'services',
  'affected components': 'services',
  'components affected': 'services',
  'incident category': 'category',
  'incident status': 'status',
};

/*
 * Each pattern matches only the start of a line, up to the value; the value's
 * end (spaces, closing `#`s) is trimmed by hand. A pattern ending in
 * `(.*?)\s*#*\s*$` costs cubic time on a line with a long run of spaces.
 */
// An emoji may lead the label (`**📅 Date:**`).
const FIELD_START = /^\s{0,3}(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|__)?(?:[^\w\s*_#|:]{1,8}\s*)?([a-z][a-z -]{0,40}?(?:\s*\([a-z ]{1,12}\))?)(?:\*\*|__)?\s*:/i;
// An emoji or symbol may lead (`## 🔥 Post-Mortem: …`).
const TITLE_START = /^\s{0,3}#{1,6}\s+(?:[^\w\s#*]{1,8}\s*)?(?:\*\*|__)?(?:(?:incident\s+)?post[- ]?mortem(?:\s+report)?|incident(?:\s+(?:report|review|retrospective))?|post[- ]incident\s+(?:review|report))(?:\*\*|__)?\s*[:\-–—]/i;
const HEADING_START = /^\s{0,3}(#{1,6})\s+/;

/** The rest of a line after its start: leading emphasis and spaces, and a closing sequence of `#`s, removed. */
function valueAfter(line: string, start: number): string {
  let value = line.slice(start).replace(/^\s*(?:\*\*|__)?/, '').trimEnd();
  let end = value.length;
  while (end > 0 && value[end - 1] === '#') end -= 1;
  if (end < value.length && (end === 0 || /\s/.test(value[end - 1]!))) value = value.slice(0, end).trimEnd();
  return value.trim();
}

/** A metadata line: which field it names and the value as written. */
export function readHeaderField(line: string): { field: HeaderField; value: string } | null {
  const match = FIELD_START.exec(line);
  if (!match) return null;
  // `Author(s):`, `Date (UTC):`: the note in parentheses does not change the field.
  const field = LABELS[match[1]!.replace(/\s*\([^)]*\)/, '').trim().toLowerCase()];
  return field ? { field, value: stripEmphasis(valueAfter(line, match[0].length)) } : null;
}

/** A heading that is only a label (`### Authors`, `## Affected services`): its field, with an empty value (what follows is the list). */
export function readLabelHeading(line: string): { field: HeaderField; value: string } | null {
  const heading = readHeadingLine(line);
  const field = heading ? LABELS[heading.text.replace(/\s*:$/, '').replace(/\s*\([^)]*\)/, '').trim().toLowerCase()] : undefined;
  return field ? { field, value: '' } : null;
}

/** The title a `## Post-Mortem: Title` line names, or null. */
export function readTitleLine(line: string): string | null {
  const match = TITLE_START.exec(line);
  if (!match) return null;
  const title = valueAfter(line, match[0].length);
  return title ? stripEmphasis(title) : null;
}

/** An ATX heading's level and text, or null. */
export function readHeadingLine(line: string): { level: number; text: string } | null {
  const match = HEADING_START.exec(line);
  if (!match) return null;
  const text = valueAfter(line, match[0].length);
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

/** Where the reviewers start: `…, reviewed by Priya`, `… (reviewer: Priya)`, `…; review: Priya`. Each alternative opens with a letter, so the search is linear. */
const REVIEWED = /\b(?:reviewed(?: and approved)? by|reviewers?:|review:|approved by)\s/i;
const SEPARATOR = /^(?:,|;|&|and|\/)$/i;

/** The value cut where its reviewers start. */
function splitReviewers(text: string): { authors: string; reviewers: string } {
  const at = text.search(REVIEWED);
  if (at < 0) return { authors: text, reviewers: '' };
  return { authors: text.slice(0, at).replace(/[\s,;(]+$/, ''), reviewers: text.slice(at).replace(REVIEWED, '').replace(/\)\s*$/, '') };
}

/** Names split on `,` `;` `&` `and` `/` outside parentheses; linear in the text (no regex backtracking over it). */
function splitNames(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const part of text.split(/(,|;|&|\band\b|\/|\(|\))/i)) {
    if (part === '(') depth += 1;
    if (part === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATOR.test(part)) {
      names.push(current);
      current = '';
    } else current += part;
  }
  names.push(current);
  // `…, for the API team`, `… on behalf of SRE`: who the author wrote for, not another author (the line stays in the text).
  return names.map((name) => stripEmphasis(name)).filter((name) => name && !/^\[.*\]$/.test(name) && !/^(?:tbd|n\/?a|none|unknown)$/i.test(name) && !/^(?:for|on behalf of|with|from|via)\s/i.test(name));
}

/** `Claude on behalf of @payments`: the name, without whom it wrote for (searched, not matched: linear on long runs of spaces). */
function withoutOnBehalf(name: string): string {
  const at = name.search(/\son behalf of\s/i);
  return at < 0 ? name : name.slice(0, at).trimEnd();
}

/** A name whose role in parentheses makes it a reviewer: `Jane Doe (reviewer)`, `Lee (approver)`. */
function isReviewerRole(name: string): boolean {
  const role = /\(([^()]*)\)\s*$/.exec(name);
  return role !== null && /\b(?:reviewer|reviewed|review|approver|approved)\b/i.test(role[1]!);
}

/**
 * Names in `Dana Kim, Lee Park and @sre-team`: one per name, a role in
 * parentheses included (`Claude (incident commander & scribe)` is one author).
 * A reviewer (`…, reviewed by Priya`, `Jane Doe (reviewer)`) is not an author:
 * left out here, kept in the text. Template placeholders such as `[Name]` are not names.
 */
export function readNames(text: string): string[] {
  return splitNames(splitReviewers(text).authors).map(withoutOnBehalf).filter((name) => !isReviewerRole(name));
}

/** The reviewers a names value mentions (`…, reviewed by Priya Natarajan`, `Jane Doe (reviewer)`), for the report; they stay in the text. */
export function readReviewers(text: string): string[] {
  const { authors, reviewers } = splitReviewers(text);
  return [...splitNames(authors).filter(isReviewerRole), ...splitNames(reviewers)];
}
