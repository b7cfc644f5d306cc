/**
 * Figures from the Impact section's bullets: tenants affected (and of how
 * many), and the impact window from `Duration: HH:MM to HH:MM UTC`.
 */
import { addDays, isoTimestamp, minuteOfDay, readLooseMoment } from './loose-time.ts';
import { stripEmphasis } from './plain-header.ts';

/** The value of a `- **Label**: value` bullet whose label matches, with its 0-based line index. */
export function bulletValue(lines: readonly string[], label: RegExp): { value: string; index: number } | null {
  for (let index = 0; index < lines.length; index += 1) {
    const match = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([^:*_]+?)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/.exec(lines[index]!);
    if (match && label.test(match[1]!.trim())) return { value: stripEmphasis(match[2]!), index };
  }
  return null;
}

export interface TenantFigures {
  affected?: number;
  total?: number;
  /** Why a figure written could not be used, for the report. */
  problem?: string;
}

const NUMBER = /(\d[\d,]*)/;
const toNumber = (text: string) => Number(text.replace(/,/g, ''));

/**
 * `42 (14% of total)`, `42 of 310`, `42/310`, `All 310 tenants`, `None` → figures.
 * Approximations (`~40`, `about 40`) are not exact counts and are left out.
 */
export function readTenants(value: string): TenantFigures {
  const text = value.trim();
  if (/^(?:none|0|no tenants?)\b/i.test(text)) return { affected: 0 };
  if (/^(?:~|≈|about|approx|approximately|around|roughly|estimated|est\.|over|more than|at least|up to|under|less than)/i.test(text)) {
    return { problem: `\`${value}\` is an approximation, not a count` };
  }
  const all = /^all\b[^\d]*(\d[\d,]*)?/i.exec(text) ?? /^(\d[\d,]*)\s*\(?\s*all\b/i.exec(text);
  if (all) {
    const count = all[1] ? toNumber(all[1]) : undefined;
    return count === undefined ? { problem: `\`${value}\` gives no count` } : { affected: count, total: count };
  }
  const first = NUMBER.exec(text);
  if (!first || first.index !== 0) return { problem: `\`${value}\` does not start with a count` };
  const affected = toNumber(first[1]!);
  const rest = text.slice(first[0].length);
  const total = /^\s*(?:\(\s*)?(?:tenants?\s+)?(?:(?:\d+(?:\.\d+)?%\s+)?of|out of|\/)\s*(?:the\s+)?(?:~\s*)?(\d[\d,]*)/i.exec(rest);
  if (total && /~/.test(total[0])) return { affected };
  return total ? { affected, total: toNumber(total[1]!) } : { affected };
}

/**
 * The impact window from `HH:MM to HH:MM UTC` (and the messy forms agents write:
 * `23:27 (Jan 31) to 18:00 (Feb 1) UTC`, `2026-01-31 23:27 - 2026-02-01 18:00`).
 * The start is on `date` unless it names its own day; an end earlier than the
 * start without a day of its own is on the next day. Null when it is not a range of times.
 */
export function readImpactWindow(value: string, date: string): { started: string; resolved: string } | null {
  const parts = value.split(/\s+(?:to|until|till|through|→|->|-|–|—)\s+|\s*[–—]\s*(?=\d)/i);
  if (parts.length !== 2) return null;
  const start = readLooseMoment(parts[0]!, date);
  const end = readLooseMoment(parts[1]!, date);
  if (!start || !end) return null;
  const startDay = start.date ?? date;
  let endDay = end.date ?? startDay;
  if (!end.date && minuteOfDay(end) < minuteOfDay(start)) endDay = addDays(startDay, 1);
  const started = isoTimestamp(startDay, start);
  const resolved = isoTimestamp(endDay, end);
  return started <= resolved ? { started, resolved } : null;
}
