/**
 * Reads a plain-form Timeline: every row's time becomes an instant, and rows
 * the validator would read differently (past midnight, `07:38 on Apr 5`) are
 * rewritten in the canonical form — `HH:MM` on the incident date,
 * `YYYY-MM-DD HH:MM` on another day.
 */
import type { TableSection } from '../parse.ts';
import { resolveTimelineTime } from '../parse.ts';
import type { TimelineEvent } from '../schema/timeline-event.ts';
import { addDays, isoTimestamp, minuteOfDay, readLooseMoment } from './loose-time.ts';

export interface ResolvedRow {
  /** 0-based line index in the text. */
  index: number;
  time: string;
  event: string;
  /** ISO timestamp, or null when the time could not be read. */
  at: string | null;
  /** The canonical time to write in place of `time`, when the validator would read `time` differently. */
  rewrite: string | null;
}

/**
 * Resolves rows in order. A row without a day of its own is on the day of the
 * row before it, or the next day when its time is earlier (past midnight).
 */
export function resolveTimeline(timeline: TableSection<TimelineEvent> | null, date: string): ResolvedRow[] {
  let day = date;
  let previous: number | null = null;
  return (timeline?.rows ?? []).map((row) => {
    const moment = readLooseMoment(row.time, day);
    if (!moment) return { index: row.line - 1, time: row.time, event: row.event, at: null, rewrite: null };
    const minute = minuteOfDay(moment);
    if (moment.date) day = moment.date;
    else if (previous !== null && minute < previous) day = addDays(day, 1);
    previous = minute;
    const at = isoTimestamp(day, moment);
    const clock = at.slice(11, moment.second ? 19 : 16);
    const canonical = day === date ? clock : `${day} ${clock}`;
    const readAs = resolveTimelineTime(row.time, date);
    return { index: row.line - 1, time: row.time, event: row.event, at, rewrite: readAs === Date.parse(at) ? null : canonical };
  });
}
