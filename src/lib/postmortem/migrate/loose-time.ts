/**
 * Reads dates, times and durations the way people and agents write them in
 * plain-form post-mortems (`09:12`, `2026-03-15 00:10`, `23:27 (Jan 31)`,
 * `07:38 on Apr 5`, `2 hours 15 minutes`). Everything is UTC, as the spec's
 * template says: a time in another zone is converted when the zone is known.
 */
import { MONTH_ABBREVIATIONS, parseIsoDate } from '../dates.ts';
import { instantsOf, zoneAtStart, zoneIn, type TimeZone } from './time-zones.ts';

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
// `2027-03-03`, and `2027/03/03` (year first: never ambiguous).
const ISO_DAY = /\b(\d{4})([-/])(\d{2})\2(\d{2})(?=\b|T)/;
const CLOCK = /(?:^|[^\d:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?\b)?(?![\d:])/i;
const OTHER_ZONE = /\b(?:[ECMP][SD]T|CES?T|BST|IST|JST|AEST|GMT[+-]\d+|UTC\s*[+-]\s*\d+)\b|[+-]\d{2}:\d{2}\b/;

/** Two-digit padding. */
const pad = (value: number) => String(value).padStart(2, '0');


/**
 * `15/03/2027` or `03/15/2027`: read only when one number is over 12, so the
 * order (day first or month first) is not a guess; `03/04/2027` is no date.
 */
function numericDate(text: string): string | null {
  const match = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(text);
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  if ((first > 12) === (second > 12)) return null;
  const [day, month] = first > 12 ? [first, second] : [second, first];
  const date = `${match[3]}-${pad(month)}-${pad(day)}`;
  return parseIsoDate(date) ? date : null;
}

/**
 * The day a text names (`2026-03-14`, `March 14, 2026`, `14 Mar`, `Jan 31`), or null.
 * Without a year, the year of `reference` is used, moved by one when that puts
 * the day more than six months from it (a `Jan 2` note on a `Dec 31` incident).
 */
export function readLooseDate(text: string, reference?: string | null): string | null {
  const iso = ISO_DAY.exec(text);
  if (iso) {
    const day = `${iso[1]}-${iso[3]}-${iso[4]}`;
    return parseIsoDate(day) ? day : null;
  }
  const named = MONTH_DAY.exec(text);
  const reversed = named ? null : DAY_MONTH.exec(text);
  if (!named && !reversed) return numericDate(text);
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
 * A zone other than UTC that a heading or column name gives for every time
 * under it (`Time (CEST)`, `Timeline (all times PT)`, `Time (UTC+2)`,
 * `Timeline (America/New_York)`), or null.
 */
export function zoneNamedIn(text: string): TimeZone | null {
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    const zone = zoneIn(group[1]!);
    if (zone && !('offset' in zone && zone.offset === 0)) return zone;
  }
  return null;
}

/**
 * Other ways agents write a time, in the `HH:MM` form the readers share:
 * `14h05`, `14.05`, `1405Z` / `1405 UTC`. The dot form only where nothing
 * follows that makes it a number (`1.50 hours`, `99.95%`).
 */
export function withColonTimes(text: string): string {
  return text
    .replace(/\b([01]?\d|2[0-3])h([0-5]\d)\b/g, '$1:$2')
    .replace(/(?<![\d.:])([01]\d|2[0-3])\.([0-5]\d)(?![\d.%]|\s*(?:h(?:ours?|rs?)?|m(?:in|inutes?)?|s(?:ec)?|%|percent)\b)/gi, '$1:$2')
    .replace(/(?<![\d:.-])([01]\d|2[0-3])([0-5]\d)(?=\s?(?:Z|UTC|GMT)\b|\s?hrs?\b)/g, '$1:$2');
}

interface ClockIn { hour: number; minute: number; second: number; zone: TimeZone | null }

/** The first clock in `text` and the zone written right after it (null zone: none written). */
function clockIn(text: string): ClockIn | 'unknown-zone' | null {
  const clock = CLOCK.exec(text);
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
  const zone = zoneAtStart(text.slice(clock.index + clock[0].length));
  if (zone === 'unknown' || (!zone && OTHER_ZONE.test(text.slice(clock.index, clock.index + clock[0].length + 14)))) return 'unknown-zone';
  return { hour, minute, second, zone: zone?.zone ?? null };
}

const isUtc = (zone: TimeZone | null) => zone !== null && 'offset' in zone && zone.offset === 0;

/** A wall-clock time as written, with the zone it is in (null: none written, so UTC as the template says). */
export interface LooseClock extends LooseMoment {
  zone: TimeZone | null;
}

/**
 * The time (and day, when written) a text states, before any conversion:
 * `09:12`, `9:12 UTC`, `2026-03-15 00:10`, `2026-03-15T00:10:00Z`, `23:27 (Jan 31)`,
 * `07:38 on Apr 5`, `Jan 31, 11:27 pm`, `14h05`, `1405Z`, `14:05 (16:05 CEST)`,
 * `16:05 CEST (14:05 UTC)`, `9:05 AM ET`. The UTC value is the value: a time
 * marked UTC wins, then the time written first without a zone (a local time
 * beside it in parentheses is a note), then a time in a known zone. Null when
 * there is no time, or only one in a zone it does not know.
 */
export function readLooseClock(text: string, reference?: string | null): LooseClock | null {
  const clockText = withColonTimes(text).replace(/\d{4}-\d{2}-\d{2}T?/g, (day) => `${day.replace(/-/g, '/')} `);
  const outside = clockText.replace(/\([^()]*\)/g, (group) => ' '.repeat(group.length));
  const inside = [...clockText.matchAll(/\(([^()]*)\)/g)].map((group) => group[1]!);
  const candidates = [outside, ...inside].map((part, index) => ({ clock: clockIn(part), first: index === 0 }));
  const clocks = candidates.filter((candidate): candidate is { clock: ClockIn; first: boolean } => candidate.clock !== null && candidate.clock !== 'unknown-zone');
  const chosen = clocks.find((candidate) => isUtc(candidate.clock.zone)) ?? clocks.find((candidate) => candidate.first && candidate.clock.zone === null) ?? clocks.find((candidate) => candidate.clock.zone !== null);
  if (!chosen) return null;
  const { hour, minute, second, zone } = chosen.clock;
  return { date: readLooseDate(text, reference), hour, minute, second, zone: isUtc(zone) ? null : zone };
}

/**
 * A time (and day, when written) in UTC, from the forms `readLooseClock` reads;
 * a time in another zone is converted on its day (the one written, else
 * `reference`). Null when there is no time, or one in a zone that cannot be
 * converted without a day.
 */
export function readLooseMoment(text: string, reference?: string | null): LooseMoment | null {
  const clock = readLooseClock(text, reference);
  if (!clock) return null;
  const { date, hour, minute, second, zone } = clock;
  if (!zone) return { date, hour, minute, second };
  const day = date ?? reference;
  if (!day) {
    // No day to convert on: only a fixed offset that keeps the time on the same day can be read.
    const minutes = hour * 60 + minute - ('offset' in zone ? zone.offset : NaN);
    return minutes >= 0 && minutes < 1440 ? { date: null, hour: Math.floor(minutes / 60), minute: minutes % 60, second } : null;
  }
  const at = new Date(instantsOf(zone, day, hour, minute, second)[0]!);
  const utcDay = at.toISOString().slice(0, 10);
  return { date: date || utcDay !== day ? utcDay : null, hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds() };
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
