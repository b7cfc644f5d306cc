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
import { isoTimestamp, minuteOfDay, readLooseDate, readLooseMoment, zoneNamedIn } from './loose-time.ts';
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

/**
 * True when the Timeline says its times are local without naming a zone
 * migrate can convert (`| Time (local) |`, `## Timeline (Europe/Berlin)`):
 * then no time of it may be taken as UTC.
 */
export function timelineInUnknownZone(timeline: TableSection<TimelineEvent> | null): boolean {
  if (!timeline) return false;
  const timeColumn = timeline.table?.columns.find((column) => /^(?:time|when|timestamp)\b/.test(column)) ?? '';
  const named = `${timeColumn} ${timeline.section.heading}`;
  if (zoneNamedIn(timeColumn.toUpperCase()) ?? zoneNamedIn(timeline.section.heading)) return false;
  return /\blocal\b|\([^()]*\b[a-z]+\/[a-z_]+\b[^()]*\)/i.test(named) && !/\butc\b/i.test(named);
}

/** The day an event's text starts with, or null. */
export function eventDay(event: string, reference: string): string | null {
  const match = EVENT_DAY.exec(event);
  return match ? readLooseDate(match[1]!, reference) : null;
}

/**
 * Resolves rows in order. A row's day is the one its time cell names, else the
 * one its event text starts with, else the day of the row before it — or the
 * next day when its time is earlier (past midnight).
 */
export function resolveTimeline(timeline: TableSection<TimelineEvent> | null, date: string): ResolvedRow[] {
  let day = date;
  let previous: number | null = null;
  // `| Time (CEST) |` or `## Timeline (all times PDT)`: every time without a zone of its own is in that zone.
  const timeColumn = timeline?.table?.columns.find((column) => /^(?:time|when|timestamp)\b/.test(column)) ?? '';
  const tableZone = zoneNamedIn(timeColumn.toUpperCase()) ?? zoneNamedIn(timeline?.section.heading ?? '');
  return (timeline?.rows ?? []).map((row) => {
    const zoned = tableZone && !/\b(?:(?!AM\b|PM\b)[A-Z]{2,5}|UTC[+-]\d+)\b|[+-]\d{2}:?\d{2}\b/.test(row.time.replace(/\([^()]*\)/g, '')) && /\d:\d\d/.test(row.time) ? `${row.time} ${tableZone}` : row.time;
    const moment = readLooseMoment(zoned, day);
    if (!moment) {
      // A day without a time (`May 12`, `2021-05-12`): the validator needs a time, so the day's start stands for it.
      const onlyDay = /\d/.test(row.time) && !/\d:\d/.test(row.time) ? readLooseDate(row.time, day) : null;
      if (!onlyDay) return { index: row.line - 1, time: row.time, event: row.event, at: null, rewrite: null, dayWritten: false, dayOnly: false };
      // A day before the incident (`May 12: the bug shipped`) is background: the rows after it are back on the incident's days.
      if (onlyDay >= date) {
        day = onlyDay;
        previous = 0;
      }
      return { index: row.line - 1, time: row.time, event: row.event, at: `${onlyDay}T00:00:00Z`, rewrite: keepWords(row.time, onlyDay === date ? '00:00' : `${onlyDay} 00:00`), dayWritten: true, dayOnly: true };
    }
    const minute = minuteOfDay(moment);
    const named = moment.date ?? eventDay(row.event, day);
    // A row dated before the incident is background: it does not move the day of the rows after it.
    const background = named !== null && named < date;
    if (named && !background) day = named;
    else if (!named && previous !== null && minute < previous) day = addDays(day, 1);
    if (!background) previous = minute;
    const rowDay = background ? named! : day;
    const at = isoTimestamp(rowDay, moment);
    const clock = at.slice(11, moment.second ? 19 : 16);
    const canonical = keepWords(zoned, rowDay === date ? clock : `${rowDay} ${clock}`);
    const readAs = resolveTimelineTime(row.time, date);
    return { index: row.line - 1, time: row.time, event: row.event, at, rewrite: readAs === Date.parse(at) ? null : canonical, dayWritten: named !== null, dayOnly: false };
  });
}
