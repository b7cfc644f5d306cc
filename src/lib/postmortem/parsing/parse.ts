/**
 * text -> ParsedPostmortem: the one parse every feature reads through.
 * It records what it finds (and where) without judging it; the rules judge.
 */
import type { ActionStatus } from '../model/action-status.ts';
import { parseStatusCell } from '../model/action-status.ts';
import { closesFence, fenceOpening } from './fences.ts';
import { readerDisagreement, splitFrontmatter, type FrontmatterBlock, type ReaderDisagreement } from './frontmatter.ts';
import { slugOf } from '../model/file-naming.ts';
import { frontmatterSchema, type Frontmatter } from '../schema/frontmatter-schema.ts';
import { parseIsoDate } from '../dates.ts';
import type { TimelineEvent } from '../schema/timeline-event.ts';
import { blockLines } from './block-lines.ts';
import { sectionKeyOf, type SectionKey } from './sections.ts';
import type { SourceProblem } from './source.ts';
import { columnIndex, firstTable, type ParsedTable } from './tables.ts';
import type { ZodIssue } from 'astro/zod';

export interface Section {
  /** The template section the heading names, or null for another heading. */
  key: SectionKey | null;
  heading: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** The section's text below its heading, up to the next heading of the same or a higher level or the next template section. */
  text: string;
}

export interface ParsedActionItem {
  action: string;
  owner: string;
  /** The due date as written. */
  dueText: string;
  /** The due date when it is a real `YYYY-MM-DD`. */
  due: string | null;
  statusText: string;
  status: ActionStatus | null;
  /** The closing date as written after the status (`DONE 2026-03-02`), or null. */
  closedText: string | null;
  /** The closing date when it is a real `YYYY-MM-DD`. */
  closed: string | null;
  ticket: { text: string; url: string | null } | null;
  line: number;
}

export interface TableSection<Row> {
  section: Section;
  table: ParsedTable | null;
  /** Column names the table lacks. */
  missingColumns: string[];
  rows: Row[];
}

export interface ParsedPostmortem {
  /** The path as given (relative or absolute). */
  path: string;
  slug: string;
  /** The file's text with BOM removed and line endings normalised to LF. */
  text: string;
  /** Size of the original file in bytes. */
  bytes: number;
  /** The file holds binary data (NUL bytes or undecodable runs), not text. */
  binary: boolean;
  /** What reading the file from disk found wrong (a link, too large, not UTF-8); null when read cleanly or given as text. */
  source: SourceProblem | null;
  frontmatter: FrontmatterBlock;
  /** Validated frontmatter, or null when it is missing or invalid. */
  meta: Frontmatter | null;
  /** Each frontmatter field that is valid on its own, so cross-field rules still run when another field is wrong. */
  fields: Partial<Frontmatter>;
  /** What the schema found wrong with the frontmatter. */
  schemaIssues: ZodIssue[];
  body: string;
  bodyStartLine: number;
  /** Where the site's frontmatter reader would read this file differently (see frontmatter.ts), or null. */
  readerDisagreement: ReaderDisagreement | null;
  sections: Section[];
  timeline: TableSection<TimelineEvent> | null;
  actionItems: TableSection<ParsedActionItem> | null;
}

/**
 * Parses one post-mortem. Never throws on content; `text` may be anything.
 * `read` is what {@link readSource} found when the text came from disk.
 */
export function parsePostmortem(path: string, raw: string, read?: { bytes: number; problem: SourceProblem | null }): ParsedPostmortem {
  const unmarked = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  const split = splitFrontmatter(text);
  const data = split.frontmatter.kind === 'parsed' ? split.frontmatter.data : undefined;
  const isMapData = typeof data === 'object' && data !== null && !Array.isArray(data);
  const result = isMapData ? frontmatterSchema.safeParse(data) : null;
  const meta = result?.success ? result.data : null;
  const fields = meta ?? (isMapData ? validFields(data as Record<string, unknown>) : {});
  const sections = readSections(split.body, split.bodyStartLine);

  return {
    path,
    slug: slugOf(path),
    text,
    bytes: read?.bytes ?? Buffer.byteLength(raw),
    binary: text.includes('\u0000') || /\uFFFD{3,}/.test(text),
    source: read?.problem ?? null,
    frontmatter: split.frontmatter,
    meta,
    fields,
    schemaIssues: result && !result.success ? result.error.issues : [],
    body: split.body,
    bodyStartLine: split.bodyStartLine,
    readerDisagreement: readerDisagreement(unmarked),
    sections,
    timeline: readTimeline(sections, fields.date ?? null),
    actionItems: readActionItems(sections),
  };
}

function validFields(data: Record<string, unknown>): Partial<Frontmatter> {
  const fields: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(frontmatterSchema.shape)) {
    const result = fieldSchema.safeParse(data[key]);
    if (result.success && result.data !== undefined) fields[key] = result.data;
  }
  return fields as Partial<Frontmatter>;
}

/** Finds ATX headings outside code fences and cuts the body into sections (as slices of the body, not copies). */
function readSections(body: string, firstLine: number): Section[] {
  const headings: { line: number; start: number; end: number; level: number; heading: string; key: SectionKey | null }[] = [];
  let fence: string | null = null;
  for (const { line, index, text } of blockLines(body)) {
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      continue;
    }
    fence = fenceOpening(text);
    if (fence) continue;
    const heading = readHeading(text);
    if (heading) headings.push({ line, start: index, end: index + text.length, ...heading, key: sectionKeyOf(heading.heading) });
  }

  return headings.map((current, position) => {
    const next = headings
      .slice(position + 1)
      .find((other) => other.level <= current.level || (current.key !== null && other.key !== null));
    const textStart = Math.min(current.end + 1, body.length);
    return {
      key: current.key,
      heading: current.heading,
      level: current.level,
      line: current.line + firstLine,
      text: body.slice(textStart, next ? Math.max(textStart, next.start - 1) : body.length),
    };
  });
}

/** An ATX heading (`## Title ##`), read without regex backtracking on long lines. */
function readHeading(line: string): { level: number; heading: string } | null {
  let start = 0;
  while (start < 3 && line[start] === ' ') start += 1;
  let level = 0;
  while (line[start + level] === '#') level += 1;
  if (level < 1 || level > 6) return null;
  const after = line[start + level];
  if (after !== undefined && after !== ' ' && after !== '\t') return null;
  let heading = line.slice(start + level).trim();
  let end = heading.length;
  while (end > 0 && heading[end - 1] === '#') end -= 1;
  if (end < heading.length && (end === 0 || heading[end - 1] === ' ' || heading[end - 1] === '\t')) heading = heading.slice(0, end).trim();
  return { level, heading };
}

function sectionNamed(sections: Section[], key: SectionKey): Section | undefined {
  return sections.find((section) => section.key === key);
}

function readTable(section: Section, required: Record<string, readonly string[]>) {
  const table = firstTable(section.text, section.line + 1);
  const indexes: Record<string, number> = {};
  const missingColumns: string[] = [];
  for (const [name, aliases] of Object.entries(required)) {
    indexes[name] = table ? columnIndex(table, aliases) : -1;
    if (table && indexes[name] === -1 && !name.endsWith('?')) missingColumns.push(name);
  }
  return { table, indexes, missingColumns };
}

/** The UTC time first; a note in parentheses after it (the local time, `14:05 (16:05 CEST)`, or the time as first written) is the author's, not read. */
const TIME_CELL = /^(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(?:UTC|Z))?(?:\s*\(.*\))?$/i;

/** Resolves a Timeline time (`09:12`, `2026-03-15 00:10`, `14:05 (16:05 CEST)`) to epoch ms; `HH:MM` is on the incident date. */
export function resolveTimelineTime(time: string, incidentDate: string | null): number | null {
  const match = TIME_CELL.exec(time.trim());
  if (!match) return null;
  const day = match[1] ?? incidentDate;
  const date = day ? parseIsoDate(day) : null;
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = Number(match[4] ?? 0);
  if (!date || hour > 23 || minute > 59 || second > 59) return null;
  return Date.UTC(date.year, date.month - 1, date.day, hour, minute, second);
}

/** The Timeline's columns and the header names read as each (lower case; a note in parentheses, `Time (UTC)`, is ignored). */
export const TIMELINE_COLUMNS = {
  Time: ['time', 'when', 'timestamp', 'datetime', 'date/time', 'date & time', 'date and time', 'time utc'],
  Event: ['event', 'what happened', 'description', 'details', 'event description'],
};

/** The Action Items table's columns and the header names read as each; `?` marks an optional one. */
export const ACTION_ITEM_COLUMNS = {
  Action: ['action', 'action item', 'item', 'task'],
  Owner: ['owner', 'owners', 'assignee', 'assigned to', 'responsible'],
  'Due Date': ['due date', 'due', 'target date', 'deadline', 'due by', 'target'],
  Status: ['status', 'state'],
  'Ticket?': ['ticket', 'issue', 'link'],
};

function readTimeline(sections: Section[], incidentDate: string | null): TableSection<TimelineEvent> | null {
  const section = sectionNamed(sections, 'timeline');
  if (!section) return null;
  const { table, indexes, missingColumns } = readTable(section, TIMELINE_COLUMNS);
  const rows = (missingColumns.length ? [] : (table?.rows ?? [])).map((row) => {
    const time = row.cells[indexes.Time!]?.text ?? '';
    return { time, at: resolveTimelineTime(time, incidentDate), event: row.cells[indexes.Event!]?.text ?? '', line: row.line };
  });
  return { section, table, missingColumns, rows };
}

function readActionItems(sections: Section[]): TableSection<ParsedActionItem> | null {
  const section = sectionNamed(sections, 'action-items');
  if (!section) return null;
  const { table, indexes, missingColumns } = readTable(section, ACTION_ITEM_COLUMNS);
  const cell = (cells: { text: string; url: string | null }[], name: string) => (indexes[name]! >= 0 ? cells[indexes[name]!] : undefined);
  const rows = (missingColumns.length ? [] : (table?.rows ?? [])).map((row): ParsedActionItem => {
    const dueText = cell(row.cells, 'Due Date')?.text ?? '';
    const statusText = cell(row.cells, 'Status')?.text ?? '';
    const ticket = cell(row.cells, 'Ticket?');
    const statusCell = parseStatusCell(statusText);
    return {
      action: cell(row.cells, 'Action')?.text ?? '',
      owner: cell(row.cells, 'Owner')?.text ?? '',
      dueText,
      // `2027-03-10 (Mar 10, 2027)`: a note after the date, such as the date as first written, is not read.
      due: /^\d{4}-\d{2}-\d{2}(?:\s*\(.*\))?$/.test(dueText) && parseIsoDate(dueText.slice(0, 10)) ? dueText.slice(0, 10) : null,
      statusText,
      status: statusCell.status,
      closedText: statusCell.closedText,
      closed: statusCell.closedText && /^\d{4}-\d{2}-\d{2}$/.test(statusCell.closedText) && parseIsoDate(statusCell.closedText) ? statusCell.closedText : null,
      ticket: ticket && ticket.text ? { text: ticket.text, url: ticket.url } : null,
      line: row.line,
    };
  });
  return { section, table, missingColumns, rows };
}
