/**
 * A Timeline written as a list (`- 14:05 — First error logged`,
 * `* **14:05 UTC**: Alert fired`) or as one paragraph per time instead of the template's table. The
 * validator reads a Time / Event table, so the list becomes one: a header row,
 * then one row per item with the time and the event as written. No word changes.
 */
import type { ParsedPostmortem } from '../parsing/parse.ts';

/**
 * A list item, or a paragraph of its own (`**16:20** — …`), that starts with a time
 * (`14:05`, `2:05 PM`, `14h05`, `1405Z`, with a zone), then a dash, colon or pipe, then the event.
 */
const TIME_ITEM = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?((?:\d{4}-\d{2}-\d{2}[ T])?(?:\d{1,2}[:h.]\d{2}(?::\d{2})?|\d{4}Z)(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC(?:[+-]\d{1,2})?|Z|[ECMP]T|[A-Z]{2,4}T))?(?:\s*\([^()|]*\))?)(?:\*\*|__)?\s*(?:[—–]|-{1,2}|:|\|)\s*(?:\*\*|__)?(.+)$/i;

export interface ListToTable {
  /** 0-based line index of the first item. */
  first: number;
  /** 0-based line index after the last item. */
  end: number;
  /** The table: header, delimiter, one row per item. */
  lines: string[];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').trim();

/** The Timeline's list, as a table to put in its place; null when the Timeline has a table, or no such list. */
export function timelineListAsTable(parsed: ParsedPostmortem, lines: readonly string[]): ListToTable | null {
  const section = parsed.sections.find((candidate) => candidate.key === 'timeline');
  if (!section || parsed.timeline?.table) return null;
  const sectionLines = section.text.split('\n').length;
  let first = -1;
  let end = -1;
  const rows: string[] = [];
  for (let index = section.line; index < Math.min(lines.length, section.line + sectionLines); index += 1) {
    // A list item is short; a long line is not one (and is not handed to a pattern with several optional spaces).
    const item = lines[index]!.length <= 500 ? TIME_ITEM.exec(lines[index]!) : null;
    if (item) {
      if (first < 0) first = index;
      end = index + 1;
      rows.push(`| ${cell(item[1]!)} | ${cell(item[2]!.replace(/(?:\*\*|__)\s*$/, ''))} |`);
    } else if (first >= 0 && lines[index]!.trim()) break;
  }
  if (rows.length < 2) return null;
  return { first, end, lines: ['| Time | Event |', '|------|-------|', ...rows] };
}
