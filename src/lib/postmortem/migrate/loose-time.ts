/**
 * Reads dates, times and durations the way people and agents write them in
 * plain-form post-mortems (`09:12`, `2026-03-15 00:10`, `23:27 (Jan 31)`,
 * `07:38 on Apr 5`, `2 hours 15 minutes`). Everything is UTC: the spec's
 * template says so, and a time with another zone is not read at all.
 */
import { MONTH_ABBREVIATIONS, parseIsoDate } from '../dates.ts';

/** A wall-clock time in UTC, with the day when the text names one. */
export interface LooseMoment {
  /** `YYYY-MM-DD` when the text names a day, else null (the caller decides which day). */
  date: string | null;
  hour: number;
  minute: number;
  second: number;
}

const LOWERCASE_MONTHS = MONTH_ABBREVIATIONS.map((month) => month.toLowerCase());
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'i');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4})\\b)?`, 'i');
const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})(?=\b|T)/;
const CLOCK = /(?:^|[^\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?\b)?(?![\d:])/i;
const OTHER_ZONE = /\b(?:[ECMP][SD]T|CES?T|BST|IST|JST|AEST|GMT[+-]\d+|UTC\s*[+-]\s*\d+)\b|[+-]\d{2}:\d{2}\b/;

/** Two-digit padding. */
const pad = (value: number) => String(value).padStart(2, '0');


/**
 * The day a text names (`2026-03-14`, `March 14, 2026`, `14 Mar`, `Jan 31`), or null.
 * Without a year, the year of `reference` is used, moved by one when that puts
 * the day more than six months from it (a `Jan 2` note on a `Dec 31` incident).
 */
export function readLooseDate(text: string, reference?: string | null): string | null {
  const iso = ISO_DAY.exec(text);
  if (iso) return parseIsoDate(iso[0]) ? iso[0] : null;
  const named = MONTH_DAY.exec(text);
  const reversed = named ? null : DAY_MONTH.exec(text);
  if (!named && !reversed) return null;
  const month = LOWERCASE_MONTHS.indexOf((named ? named[1]! : reversed![2]!).slice(0, 3).toLowerCase()) + 1;
  const day = Number(named ? named[2] : reversed![1]);
  const yearText = named ? named[3] : reversed![3];
  const ref = reference ? parseIsoDate(reference) : null;
  let year = yearText ? Number(yearText) : ref?.year;
  if (year === undefined) return null;
  if (!yearText && ref) {
    if (month - ref.month > 6) year -= 1;
    else if (ref.month - month > 6) year += 1;
  }
  const date = `${year}-${pad(month)}-${pad(day)}`;
  return parseIsoDate(date) ? date : null;
}

/**
 * A time (and day, when written) from text such as `09:12`, `9:12 UTC`,
 * `2026-03-15 00:10`, `2026-03-15T00:10:00Z`, `23:27 (Jan 31)`, `07:38 on Apr 5`,
 * `Jan 31, 11:27 pm`. Null when there is no time, or when it names a zone other than UTC.
 */
export function readLooseMoment(text: string, reference?: string | null): LooseMoment | null {
  if (OTHER_ZONE.test(text.replace(/\d{4}-\d{2}-\d{2}/g, ''))) return null;
  const clockText = text.replace(/\d{4}-\d{2}-\d{2}T?/g, (day) => `${day.replace(/-/g, '/')} `);
  const clock = CLOCK.exec(clockText);
  if (!clock) return null;
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  const second = Number(clock[3] ?? 0);
  const meridiem = clock[4]?.toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  return { date: readLooseDate(text, reference), hour, minute, second };
}

/** An ISO 8601 UTC timestamp, seconds included: `2026-03-14T09:12:00Z`. */
export function isoTimestamp(date: string, moment: Pick<LooseMoment, 'hour' | 'minute' | 'second'>): string {
  return `${date}T${pad(moment.hour)}:${pad(moment.minute)}:${pad(moment.second)}Z`;
}

/** Minutes after midnight, for comparing times of day. */
export function minuteOfDay(moment: Pick<LooseMoment, 'hour' | 'minute' | 'second'>): number {
  return moment.hour * 60 + moment.minute + moment.second / 60;
}

// Only at the start of a number: from inside a long run of digits each position would re-read the rest.
const DURATION_PART = /(?<![\d.])(\d+(?:\.\d+)?)\s*(d(?:ays?)?|h(?:ours?|rs?)?|m(?:in(?:ute)?s?)?)\b/gi;

/** Minutes in `2 hours 15 minutes`, `2h15m`, `45 min`, `1.5 hours`, `1 day 2 hours`; null when none is written. */
export function readDurationMinutes(text: string): number | null {
  let total = 0;
  let found = false;
  for (const match of text.matchAll(DURATION_PART)) {
    const unit = match[2]!.toLowerCase()[0];
    total += Number(match[1]) * (unit === 'd' ? 1440 : unit === 'h' ? 60 : 1);
    found = true;
  }
  return found ? Math.round(total) : null;
}
