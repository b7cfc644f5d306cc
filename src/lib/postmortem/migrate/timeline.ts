/**
 * Reads a plain-form Timeline: every row's time becomes an instant, and rows
 * the validator would read differently (past midnight, `07:38 on Apr 5`, a
 * day written at the start of the event: `| 12:00 | Apr 8: sites restored |`)
 * are rewritten in the canonical form — `HH:MM` on the incident date,
 * `YYYY-MM-DD HH:MM` on another day.
 */
import type { TableSection } from '../parsing/parse.ts';
import { resolveTimelineTime } from '../parsing/parse.ts';
import type { TimelineEvent } from '../schema/timeline-event.ts';
import { isoTimestamp, readLooseClock, readLooseDate, withColonTimes, zoneNamedIn } from './loose-time.ts';
import { instantsOf, zoneIn, type TimeZone } from './time-zones.ts';
import { addDays } from '../dates.ts';
import { textWords as wordsOf } from '../../search/words.ts';

export interface ResolvedRow {
  /** 0-based line index in the text. */
  index: number;
  time: string;
  event: string;
  /** ISO timestamp, or null when the time could not be read. */
  at: string | null;
  /** The canonical time to write in place of `time`, when the validator would read `time` differently. */
  rewrite: string | null;
  /** True when the row writes its day (in the time cell or at the start of the event); false when it was inferred. */
  dayWritten: boolean;
  /** True when the cell names a day but no time (`May 12`): the row stands at 00:00 and names no milestone. */
  dayOnly: boolean;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
/** A day written first in an event: `Apr 8:`, `**Jan 31** —`, `2026-02-01,`, `(Feb 1)`, `Day of Apr 8 -`. */
const EVENT_DAY = new RegExp(
  `^\\s*(?:\\*\\*|__)?\\(?${WEEKDAY}(\\d{4}-\\d{2}-\\d{2}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+\\d{4})?)\\)?(?:\\*\\*|__)?\\s*(?:[:,)\\]—–-]|\\s)`,
  'i',
);


/** The canonical time, followed by the cell as written in parentheses when the canonical form drops a word of it (`14:05 (2:05 PM)`). */
function keepWords(written: string, canonical: string): string {
  const kept = new Set(wordsOf(canonical));
  return wordsOf(written).every((word) => kept.has(word) || kept.has(word.padStart(2, '0'))) ? canonical : `${canonical} (${written.trim()})`;
}

/** The zone a Timeline's times are in: named (`Time (CET)`, `Timeline (all times ET)`, a stated `Time zone:`), UTC (null), or local in a zone no line names. */
export type TimelineZone = { zone: TimeZone | null } | { unknownLocal: true };

/**
 * Lines that state the zone of the times: a `Time zone:` metadata line, or a
 * sentence about all the times (`All times are Pacific.`, `Times shown in CET`);
 * not a table row, and not prose that only mentions a zone (`customers in the PST time zone`).
 */
const ZONE_STATEMENT = /^(?!\s*\|)(?:\s*(?:[-*+]\s+)?(?:\*\*|__)?(?:[^\w\s*_|]{1,8}\s*)?(?:time\s?zone|tz)\b|(?=.*\b(?:all times|times (?:are|shown))\b))/i;
/** A line that only mentions local time (`times below are local time (CET)`): a statement only for a Timeline that says it is local. */
const LOCAL_STATEMENT = /^(?!\s*\|)(?=.*\blocal time\b)/i;

/**
 * The zone of the Timeline's times. A zone the heading or Time column names
 * wins; a heading or column that says UTC means UTC; else one zone that a line
 * of the text states for the times (`**Time zone:** Europe/Berlin`); else a
 * Timeline that says it is local (`Time (local)`) is in a zone nobody can
 * know, and no time of it may be taken as UTC; else UTC, as the template says.
 */
export function timelineZone(timeline: TableSection<TimelineEvent> | null, lines: readonly string[]): TimelineZone {
  if (!timeline) return { zone: null };
  const timeIndex = timeline.table?.columns.findIndex((column) => /^(?:time|when|timestamp)\b/.test(column)) ?? -1;
  const timeColumn = timeline.table?.columns[timeIndex] ?? '';
  // The Time column's header as written (the parsed names are lower-cased, and `(pt)` names no zone); not another column's (`| Time (UTC) | Time (PT) |`).
  const header = timeline.table && timeIndex >= 0 ? cellOf(lines[timeline.table.line - 1] ?? '', timeIndex) : '';
  const named = zoneNamedIn(header) ?? zoneNamedIn(timeline.section.heading);
  if (named) return { zone: named };
  const said = `${timeColumn} ${timeline.section.heading}`;
  if (/\b(?:utc|gmt)\b/i.test(said)) return { zone: null };
  const local = /\blocal\b|\([^()]*\b[a-z]+\/[a-z_]+\b[^()]*\)/i.test(said);
  const stated = new Map<string, TimeZone>();
  for (const line of lines) {
    if (!ZONE_STATEMENT.test(line) && !(local && LOCAL_STATEMENT.test(line))) continue;
    const zone = zoneIn(line.replace(/^[^:]*\b(?:time\s?zone|all times)\b[^:]*:/i, ' '));
    if (zone) stated.set(zone.name, zone);
  }
  if (stated.size === 1) {
    const zone = [...stated.values()][0]!;
    return { zone: 'offset' in zone && zone.offset === 0 ? null : zone };
  }
  return local ? { unknownLocal: true } : { zone: null };
}

/** The day an event's text starts with, or null. */
export function eventDay(event: string, reference: string): string | null {
  const match = EVENT_DAY.exec(event);
  return match ? readLooseDate(match[1]!, reference) : null;
}

/**
 * Resolves rows in order. A row's day is the one its time cell names, else the
 * one its event text starts with, else the day of the row before it — or the
 * next day when its time is earlier (past midnight). Times in `zone` (or in a
 * zone of their own) are converted to UTC on their local day; where a
 * fall-back repeats an hour, the instant after the row before is the one meant.
 * `localDay` is the day the zone's first row is on (the date as written).
 */
export function resolveTimeline(timeline: TableSection<TimelineEvent> | null, date: string, zone: TimeZone | null = null, localDay = date, lines: readonly string[] = []): ResolvedRow[] {
  const first = zone ? localDay : date;
  let day = first;
  let previous: number | null = null;
  const dayCells = dayColumn(timeline, lines);
  return (timeline?.rows ?? []).map((row) => {
    const own = /\b(?:(?!AM\b|PM\b)[A-Z]{2,5}|UTC[+-]\d+)\b|[+-]\d{2}:?\d{2}\b|\b[A-Z][a-z]+\/[A-Z]/.test(row.time.replace(/\([^()]*\)/g, ''));
    const zoned = zone && !own && /\d:\d\d|\d{4}Z|\dh\d\d|\d\.\d\d/.test(row.time) ? `${row.time} ${zone.name}` : row.time;
    // A day in its own column (`| Date | Time | Event |`) is the row's day, unless the time cell writes one.
    const dayCell = dayCells.get(row.line);
    const clock = readLooseClock(dayCell && !readLooseDate(row.time, day) ? `${dayCell} ${zoned}` : zoned, day);
    const unread = { index: row.line - 1, time: row.time, event: row.event, at: null, rewrite: null, dayWritten: false, dayOnly: false };
    if (!clock) {
      // A day without a time (`May 12`, `2021-05-12`): the validator needs a time, so the day's start stands for it.
      const onlyDay = /\d/.test(row.time) && !/\d:\d/.test(withColonTimes(row.time)) ? readLooseDate(row.time, day) : null;
      if (!onlyDay) return unread;
      // A day before the incident (`May 12: the bug shipped`) is background: the rows after it are back on the incident's days.
      if (onlyDay >= first) {
        day = onlyDay;
        previous = zone ? instantsOf(zone, onlyDay, 0, 0, 0)[0]! : Date.parse(`${onlyDay}T00:00:00Z`);
      }
      return { ...unread, at: `${onlyDay}T00:00:00Z`, rewrite: keepWords(row.time, onlyDay === date ? '00:00' : `${onlyDay} 00:00`), dayWritten: true, dayOnly: true };
    }
    const named = clock.date ?? eventDay(row.event, day);
    // A row dated before the incident is background: it does not move the day of the rows after it.
    const background = named !== null && named < first;
    if (named && !background) day = named;
    const instants = (onDay: string) => (clock.zone ? instantsOf(clock.zone, onDay, clock.hour, clock.minute, clock.second) : [Date.parse(isoTimestamp(onDay, clock))]);
    const after = (found: number[]) => (previous === null || background ? found[0] : found.find((instant) => instant >= previous!));
    let instant = after(instants(background ? named! : day));
    if (instant === undefined && !named) {
      day = addDays(day, 1);
      instant = instants(day)[0]!;
    }
    instant ??= instants(day)[0]!;
    if (!background) previous = instant;
    const at = new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const rowDay = at.slice(0, 10);
    const clockText = at.slice(11, clock.second ? 19 : 16);
    const canonical = keepWords(zoned, rowDay === date ? clockText : `${rowDay} ${clockText}`);
    const readAs = resolveTimelineTime(row.time, date);
    return { ...unread, at, rewrite: readAs === instant ? null : canonical, dayWritten: named !== null };
  });
}

/** The cells of a Timeline's Date (or Day) column, by line, when it has one beside its Time column. */
function dayColumn(timeline: TableSection<TimelineEvent> | null, lines: readonly string[]): Map<number, string> {
  const cells = new Map<number, string>();
  const column = timeline?.table?.columns.findIndex((name) => /^(?:date|day)(?:\s*\(.*\))?$/.test(name)) ?? -1;
  if (column < 0 || !timeline?.table) return cells;
  for (const row of timeline.table.rows) {
    const cell = cellOf(lines[row.line - 1] ?? '', column);
    if (cell) cells.set(row.line, cell);
  }
  return cells;
}

/** Cell `column` (0-based) of a table row as written, trimmed; empty when the row has none. */
function cellOf(line: string, column: number): string {
  // With an outer pipe, cell n is at n + 1.
  return line.split(/(?<!\\)\|/)[column + (line.trimStart().startsWith('|') ? 1 : 0)]?.trim() ?? '';
}
