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

const FIELD_LINE = /^\s{0,3}(?:#{1,6}\s+|[-*+]\s+)?(?:\*\*|__)?([a-z][a-z -]*?(?:\s*\([a-z ]{1,12}\))?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*#*\s*$/i;
const TITLE_LINE = /^\s{0,3}#{1,6}\s+(?:\*\*|__)?(?:incident\s+)?post[- ]?mortem(?:\*\*|__)?\s*[:\-–—]\s*(.+?)\s*#*\s*$/i;
const HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;

/** A metadata line: which field it names and the value as written. */
export function readHeaderField(line: string): { field: HeaderField; value: string } | null {
  const match = FIELD_LINE.exec(line);
  if (!match) return null;
  // `Author(s):`, `Date (UTC):`: the note in parentheses does not change the field.
  const field = LABELS[match[1]!.replace(/\s*\([^)]*\)/, '').trim().toLowerCase()];
  return field ? { field, value: stripEmphasis(match[2]!) } : null;
}

/** The title a `## Post-Mortem: Title` line names, or null. */
export function readTitleLine(line: string): string | null {
  const match = TITLE_LINE.exec(line);
  return match ? stripEmphasis(match[1]!) : null;
}

/** An ATX heading's level and text, or null. */
export function readHeadingLine(line: string): { level: number; text: string } | null {
  const match = HEADING.exec(line);
  return match ? { level: match[1]!.length, text: stripEmphasis(match[2]!) } : null;
}

/** Text without Markdown emphasis marks around or inside it. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/^[*_`]+|[*_`]+$/g, '').trim();
}

/** Where the reviewers start: `…, reviewed by Priya`, `… (reviewer: Priya)`, `…; review: Priya`. */
const REVIEWED = /[,;]?\s*\(?\s*\b(?:reviewed(?:\s+and\s+approved)?\s+by|reviewers?\s*:|review\s*:|approved\s+by)\s.*$/i;

/**
 * Names in `Dana Kim, Lee Park and @sre-team`: one per name, a role in
 * parentheses included (`Claude (incident commander & scribe)` is one author).
 * A reviewer (`…, reviewed by Priya`) is not an author: left out here, kept in
 * the text. Template placeholders such as `[Name]` are not names.
 */
export function readNames(text: string): string[] {
  const authors = text.replace(REVIEWED, '');
  const names: string[] = [];
  let depth = 0;
  let current = '';
  // Split on separators outside parentheses only.
  for (const part of authors.split(/(\s*(?:,|;|&|\band\b|\/)\s*|[()])/)) {
    if (part === '(') depth += 1;
    if (part === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && part !== ')' && /^\s*(?:,|;|&|\band\b|\/)\s*$/.test(part)) {
      names.push(current);
      current = '';
    } else current += part;
  }
  names.push(current);
  return names
    .map((name) => stripEmphasis(name))
    .filter((name) => name && !REVIEWER_ROLE.test(name) && !/^\[.*\]$/.test(name) && !/^(?:tbd|n\/?a|none|unknown)$/i.test(name));
}

/** A name whose role in parentheses makes it a reviewer: `Jane Doe (reviewer)`, `Lee (approver)`. */
const REVIEWER_ROLE = /\((?:[^()]*\b)?(?:reviewer|reviewed|review|approver|approved)\b[^()]*\)\s*$/i;

/** The reviewers a names value mentions (`…, reviewed by Priya Natarajan`), for the report; they stay in the text. */
export function readReviewers(text: string): string[] {
  const match = REVIEWED.exec(text);
  const after = match ? readNames(match[0].replace(/^[,;]?\s*\(?\s*\b(?:reviewed(?:\s+and\s+approved)?\s+by|reviewers?\s*:|review\s*:|approved\s+by)\s*/i, '').replace(/\)\s*$/, '')) : [];
  const byRole = text.replace(REVIEWED, '').split(/\s*(?:,|;|&|\band\b)\s*(?![^()]*\))/).map((name) => stripEmphasis(name)).filter((name) => REVIEWER_ROLE.test(name));
  return [...byRole, ...after];
}
