/**
 * Reads dates, times and durations the way people and agents write them in
 * plain-form post-mortems (`09:12`, `2026-03-15 00:10`, `23:27 (Jan 31)`,
 * `07:38 on Apr 5`, `2 hours 15 minutes`). Everything is UTC, as the spec's
 * template says: a time in another zone is converted when the zone is known.
 */
import { addDays, MONTH_ABBREVIATIONS, parseIsoDate } from '../dates.ts';

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

/** Offsets from UTC in minutes of the zone abbreviations people write beside a time (ambiguous ones such as IST are left out). */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  JST: 540, KST: 540, SGT: 480, HKT: 480, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};
/**
 * A known zone other than UTC that a heading or column name gives for every
 * time under it (`Time (CEST)`, `Timeline (all times PDT)`, `Time (UTC+2)`), or null.
 */
export function zoneNamedIn(text: string): string | null {
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    const zone = /\b([A-Z]{2,5})\b(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?/.exec(group[1]!);
    if (!zone || !(zone[1]! in ZONE_OFFSETS) || (ZONE_OFFSETS[zone[1]!] === 0 && zone[0] === zone[1])) continue;
    return zone[0].replace(/\s+/g, '');
  }
  return null;
}

/** A zone right after a time: `UTC`, `CEST`, `UTC+2`, `+02:00`. */
const ZONE_AFTER = /^\s*(?:([A-Z]{1,5})\b(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?|([+-])(\d{2}):?(\d{2})\b)/;

interface ClockIn { hour: number; minute: number; second: number; offset: number | null; utc: boolean }

/** The first clock in `text` and the zone written right after it (null offset: none written; undefined zone: one not known). */
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
  const zone = ZONE_AFTER.exec(text.slice(clock.index + clock[0].length));
  let offset: number | null = null;
  if (zone?.[1] && (zone[1] in ZONE_OFFSETS || /^(?:UTC|GMT)$/.test(zone[1]))) {
    offset = (ZONE_OFFSETS[zone[1]] ?? 0) + (zone[2] ? (zone[2] === '-' ? -1 : 1) * (Number(zone[3]) * 60 + Number(zone[4] ?? 0)) : 0);
  } else if (zone?.[5]) offset = (zone[5] === '-' ? -1 : 1) * (Number(zone[6]) * 60 + Number(zone[7]));
  else if (zone?.[1] && /^[A-Z]{2,4}T$/.test(zone[1])) return 'unknown-zone';
  else if (OTHER_ZONE.test(text.slice(clock.index, clock.index + clock[0].length + 14))) return 'unknown-zone';
  return { hour, minute, second, offset, utc: offset === 0 };
}

/**
 * A time (and day, when written) from text such as `09:12`, `9:12 UTC`,
 * `2026-03-15 00:10`, `2026-03-15T00:10:00Z`, `23:27 (Jan 31)`, `07:38 on Apr 5`,
 * `Jan 31, 11:27 pm`, `14:05 (16:05 CEST)`, `16:05 CEST (14:05 UTC)`, `16:05 CEST`.
 * The UTC value is the value: a time marked UTC wins, then the time written
 * first without a zone (a local time beside it in parentheses is a note), then a
 * time in a known zone converted to UTC. Null when there is no time, or only one
 * in a zone it cannot convert (or one whose conversion crosses midnight on an unnamed day).
 */
export function readLooseMoment(text: string, reference?: string | null): LooseMoment | null {
  const clockText = text.replace(/\d{4}-\d{2}-\d{2}T?/g, (day) => `${day.replace(/-/g, '/')} `);
  const outside = clockText.replace(/\([^()]*\)/g, (group) => ' '.repeat(group.length));
  const inside = [...clockText.matchAll(/\(([^()]*)\)/g)].map((group) => group[1]!);
  const candidates = [outside, ...inside].map((part, index) => ({ clock: clockIn(part), first: index === 0 }));
  const date = readLooseDate(text, reference);
  const read = (clock: ClockIn) => ({ date, hour: clock.hour, minute: clock.minute, second: clock.second });
  const clocks = candidates.filter((candidate): candidate is { clock: ClockIn; first: boolean } => candidate.clock !== null && candidate.clock !== 'unknown-zone');
  const utc = clocks.find((candidate) => candidate.clock.utc);
  if (utc) return read(utc.clock);
  const unmarked = clocks.find((candidate) => candidate.first && candidate.clock.offset === null);
  if (unmarked) return read(unmarked.clock);
  const zoned = clocks.find((candidate) => candidate.clock.offset !== null);
  if (!zoned) return null;
  const minutes = zoned.clock.hour * 60 + zoned.clock.minute - zoned.clock.offset!;
  const shift = Math.floor(minutes / 1440);
  if (shift !== 0 && !date) return null;
  const inDay = minutes - shift * 1440;
  return { date: date && shift ? addDays(date, shift) : date, hour: Math.floor(inDay / 60), minute: inDay % 60, second: zoned.clock.second };
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
