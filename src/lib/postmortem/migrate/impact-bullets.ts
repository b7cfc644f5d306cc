/**
 * Figures from the Impact section's bullets: tenants affected (counts, or a
 * share when only a share is written), and the impact window from
 * `Duration: HH:MM to HH:MM UTC` in every form the template invites.
 */
import { isoTimestamp, minuteOfDay, readLooseDate, withColonTimes, type LooseMoment } from './loose-time.ts';
import { instantsOf, namesUnknownZone, zoneIn, type TimeZone } from './time-zones.ts';
import { addDays } from '../dates.ts';
import { stripEmphasis } from './plain-header.ts';

/** A label without a closing note in parentheses (`Start (UTC)` → `Start`); cut by index, not a pattern, so linear on long runs of spaces. */
function withoutNote(label: string): string {
  const text = label.trim();
  const open = text.endsWith(')') ? text.lastIndexOf('(') : -1;
  return (open > 0 ? text.slice(0, open) : text).trim();
}

/** The value of a `- **Label**: value` bullet (or a `| Label | value |` row) whose label matches, with its 0-based line index. */
export function bulletValue(lines: readonly string[], label: RegExp): { value: string; index: number } | null {
  for (let index = 0; index < lines.length; index += 1) {
    // Cut at the first colon, not matched by one pattern: a pattern costs quadratic time on a line with a long run of spaces and no colon.
    const line = lines[index]!;
    const colon = line.indexOf(':');
    const value = colon > 0 ? stripEmphasis(line.slice(colon + 1).replace(/^\s*(?:\*\*|__)?/, '')) : '';
    // `Start (UTC):`: a note in parentheses does not change the label.
    if (value && label.test(withoutNote(stripEmphasis(line.slice(0, colon).replace(/^\s*[-*+]\s+/, ''))))) return { value, index };
    // An Impact written as a two-column table: `| **Tenants affected** | 120 (15% of total) |`.
    const cells = lines[index]!.includes('|') ? lines[index]!.split('|').map((cell) => cell.trim()).filter(Boolean) : [];
    if (cells.length === 2 && label.test(stripEmphasis(cells[0]!))) return { value: stripEmphasis(cells[1]!), index };
  }
  return null;
}

export interface TenantFigures {
  affected?: number;
  total?: number;
  /** Percent of tenants affected, when the text states a share (`100% of total`, `All customers`). */
  percent?: number;
  /** Why a figure written could not be used, for the report. */
  problem?: string;
}

const toNumber = (text: string) => Number(text.replace(/,/g, ''));
/** Words that make the number after them a bound or an estimate, not a count. */
const APPROXIMATE = /(?:~|≈|\babout|\bapprox(?:imately|\.)?|\baround|\broughly|\bestimated|\best\.|\bover|\bmore than|\bat least|\bup to|\bunder|\bless than|\bfewer than|\bnearly|\balmost|\bsome|\bapproximately|\bupwards of)\s*$/i;
/** A count: digits (with thousands commas), not part of a decimal or a percentage, not followed by million/billion (rounded). */
const COUNT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]*\d)(?!\s*%)(?!\s*\+)(?!\s*(?:k\b|thousand|million|billion|m\b|bn\b))/gi;
const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s*%/;
/** What a percentage must be of to be a share of tenants: `(14%)`, `14% of total`, `0.4% of customers`; not `50% of total requests` nor `6% of one platform's users` (a narrower population). */
const SHARE_OF = /^\s*(?:[),;]|$|of\s+(?:the\s+|our\s+|all\s+)?(?:total(?!\s+(?!tenants?\b|customers?\b|users?\b|accounts?\b)[a-z])|((?:[\w.,~'’]+\s+){0,3}?)(?:tenants?|customers?|users?|accounts?|organi[sz]ations?|sites?|workspaces?|projects?|players?|merchants?|sellers?)\b))/i;
/** Words before the population that narrow it to a part (`one platform's users`, `Android users`, `some customers`): then it is not a share of all tenants. */
const NARROWING = /(?:^|\s)(?:one|a|an|some|certain|that|those|these|this|only|its|their|each|[A-Z][\w-]*|\S*['’]s?)(?=\s|$)/;
/** Bounds are not shares: `less than 1%` says little about the share. */
const PERCENT_BOUND = /(?:<|>|≤|≥|\bless than|\bunder|\bover|\bmore than|\bup to|\bat least|\bat most|\bbelow|\babove)\s*$/i;

/**
 * Counts only from counts, a share only from a share:
 * `42 (14% of total)` → 42 and 14%; `42 of 310` → 42 of 310; `All users (100% of total)` → 100%;
 * `All Acme customers` → 100%; `775 customers (about 0.4% of over 200,000)` → 775 and 0.4%
 * (the total is a bound, so it is left out); `~400` → nothing. Shares are never turned into counts.
 */
export function readTenants(value: string): TenantFigures {
  const text = stripEmphasis(value).trim();
  if (/^(?:none|0|no (?:tenants?|customers?|users?))\b/i.test(text)) return { affected: 0 };
  // `N/A (about 6% of one platform's users)`, `Unknown`: the text says there is no tenant figure.
  if (/^(?:n\/?a|unknown|unclear|tbd|not (?:known|measured|applicable))\b/i.test(text)) return { problem: `\`${value}\` gives no tenant figure` };
  const figures: TenantFigures = {};
  const percent = PERCENT.exec(text);
  const shareOf = percent ? SHARE_OF.exec(text.slice(percent.index + percent[0].length)) : null;
  if (percent && shareOf && !NARROWING.test(` ${(shareOf[1] ?? '').trim()}`) && !PERCENT_BOUND.test(text.slice(0, percent.index)) && Number(percent[1]) <= 100) {
    figures.percent = Number(percent[1]);
  }
  if (/^all\b/i.test(text) && !/^all\s+but\b/i.test(text)) {
    // `All 310 tenants`: a count of all; `All customers`: a share.
    const all = /^all\s+(?:of\s+(?:the\s+|our\s+)?)?(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[a-z-]+\s+)?(?:tenants?|customers?|users?|accounts?|organi[sz]ations?|workspaces?|merchants?|sellers?|sites?)\b/.exec(text.replace(/^All/, 'all'));
    // `All 120 tenants in one region`: 120 affected, but all of a group, not the total.
    if (all) return /^\s*(?:[),;.]|$)/.test(text.slice(all.index + all[0].length).replace(/^\s*\((?:\d|100)[\d.]*\s*%[^)]*\)/, '')) ? { affected: toNumber(all[1]!), total: toNumber(all[1]!) } : { affected: toNumber(all[1]!), ...(figures.percent !== undefined ? { percent: figures.percent } : {}) };
    // `All customers`, `All Acme users (…)`: everyone. `All customers in us-east-1`: a subset, not a share of all tenants.
    if (/^all\s+(?:of\s+)?(?:[\w.&'-]+\s+){0,3}?(?:tenants?|customers?|users?|accounts?|organi[sz]ations?|workspaces?|players?|merchants?|sellers?|sites?|subscribers?|members?)\b(?!\s+(?:in|on|of|using|with|who|that|whose|served|behind|within|from|at|running|hosted|across some)\b)/i.test(text)) {
      figures.percent = 100;
    } else if (figures.percent === undefined) figures.problem = `\`${value}\` is a group, not a count or a share of all tenants`;
    return figures;
  }
  const withoutPercent = percent ? text.slice(0, percent.index) + ' '.repeat(percent[0].length) + text.slice(percent.index + percent[0].length) : text;
  const counts = [...withoutPercent.matchAll(COUNT)].filter((match) => !/\d{4}-\d{2}-\d{2}/.test(text.slice(Math.max(0, match.index - 5), match.index + 10)));
  const first = counts[0];
  if (first && first.index === withoutPercent.search(/\S/) ) {
    figures.affected = toNumber(first[1]!);
    const rest = withoutPercent.slice(first.index + first[0].length);
    const total = /^\s*(?:[a-z]+\s+){0,2}?(?:\(\s*)?(?:out of|of|\/)\s*(?:the\s+|our\s+|all\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?![\d.]*\d)(?!\s*%)(?!\s*(?:k\b|thousand|million|billion))/i.exec(rest);
    if (total && !APPROXIMATE.test(rest.slice(0, total.index + total[0].length - total[1]!.length))) figures.total = toNumber(total[1]!);
    if (figures.total !== undefined && figures.total < figures.affected) delete figures.total;
  } else if (APPROXIMATE.test(`${text.split(/\d/)[0]}`) || /^\s*(?:~|≈)/.test(text)) {
    figures.problem = `\`${value}\` is an estimate, not a count`;
  } else if (figures.percent === undefined) figures.problem = `\`${value}\` gives no count`;
  return figures;
}

interface ClockAt { start: number; end: number; hour: number; minute: number; second: number }

const CLOCK = /(?<![\d:.])(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?m\.?(?![a-z]))?(?![\d:])/gi;
const CONNECTOR = /^\s*(?:[-–—]|->|→)\s*$|\s(?:to|until|till|through|thru|→|->|[-–—])\s/i;
const OTHER_ZONE = /\b(?:[ECMP][SD]T|[ECMP]T|CES?T|BST|IST|JST|AEST|AEDT|SGT|HKT|KST|GMT[+-]\d+|UTC\s*[+-]\s*\d+)\b|\b(?:[Ll]ocal|New York|Pacific|Eastern|Central|Mountain|London|Berlin|Tokyo|Sydney|Seattle|San Francisco) time\b/;

function clocksIn(text: string): ClockAt[] {
  const clocks: ClockAt[] = [];
  for (const match of text.matchAll(CLOCK)) {
    let hour = Number(match[1]);
    const meridiem = match[4]?.toLowerCase();
    if (meridiem) {
      if (hour < 1 || hour > 12) continue;
      hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
    }
    const [minute, second] = [Number(match[2]), Number(match[3] ?? 0)];
    if (hour > 23 || minute > 59 || second > 59) continue;
    clocks.push({ start: match.index, end: match.index + match[0].length, hour, minute, second });
  }
  return clocks;
}

/**
 * The impact window from a range of two times and, where written, their days:
 * `13:30 to 14:15 UTC (09:30 to 10:15 New York time)`, `07:38 on Apr 5 to 02:00 on Apr 18 UTC`,
 * `23:27 (Jan 31) to 18:00 (Feb 1) UTC`, `Apr 5 07:38 – Apr 18 02:00`, `2026-01-31 23:27 - 2026-02-01 18:00`,
 * `04:09 to 05:27 UTC for the faulty content; …`. The first range in UTC wins; a range in
 * one known zone (`9:05 AM to 11:20 AM ET`) is converted on its local days (from `localDay`,
 * the date as written), a range in a zone not known is skipped. A start without a day is on
 * `date`; an end without a day is on the start's day, or the next when it is earlier. Null
 * when no range of times is written.
 */
export function readImpactWindow(written: string, date: string, localDay = date): { started: string; resolved: string } | null {
  const value = withoutLocalNotes(withColonTimes(written));
  const clocks = clocksIn(value);
  for (let index = 0; index + 1 < clocks.length; index += 1) {
    const [from, to] = [clocks[index]!, clocks[index + 1]!];
    const between = value.slice(from.end, to.start);
    const connector = CONNECTOR.exec(between);
    if (!connector) continue;
    const connectorAt = connector.index;
    const previousEnd = index > 0 ? clocks[index - 1]!.end : 0;
    const next = clocks[index + 2]?.start ?? value.length;
    const afterEnd = value.slice(to.end, next).split(/[;(]\s*(?=[^)]*\d{1,2}:\d{2})|;/)[0]!;
    // A zone after the range, or after either time, that is not UTC: converted when it is known, else this range is not read.
    const zoneText = `${between} ${afterEnd}`.replace(/\([^)]*\)/g, ' ');
    const utc = /\b(?:UTC|GMT)\b(?!\s*[+-]\s*\d)/.test(zoneText);
    const zone = utc ? null : zoneIn(zoneText);
    if (!utc && !zone && (OTHER_ZONE.test(zoneText) || namesUnknownZone(zoneText))) continue;
    const beforeStart = value.slice(previousEnd, from.start).split(/[;]/).pop()!;
    const first = zone ? localDay : date;
    const startDay = readLooseDate(`${beforeStart.slice(-24)} ${between.slice(0, connectorAt)}`, first);
    const endDay = readLooseDate(`${between.slice(connectorAt + connector[0].length)} ${afterEnd.slice(0, 24)}`, startDay ?? first);
    const start = moment(from, startDay);
    const end = moment(to, endDay);
    const fromDay = start.date ?? first;
    let toDay = end.date ?? fromDay;
    if (!end.date && minuteOfDay(end) < minuteOfDay(start)) toDay = addDays(fromDay, 1);
    const started = inUtc(fromDay, start, zone);
    const resolved = inUtc(toDay, end, zone);
    if (started <= resolved) return { started, resolved };
  }
  return null;
}

/** The ISO UTC timestamp of a wall-clock time on `day`, in `zone` (null: UTC). */
function inUtc(day: string, clock: LooseMoment, zone: TimeZone | null): string {
  if (!zone) return isoTimestamp(day, clock);
  return new Date(instantsOf(zone, day, clock.hour, clock.minute, clock.second)[0]!).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * `14:05 UTC (16:05 CEST) to 15:15 UTC (17:15 CEST)`: when the text outside
 * parentheses holds the range, a parenthetical time that is not UTC is the
 * local time beside it, a note: blanked (same length) so it is not read as the range.
 */
function withoutLocalNotes(value: string): string {
  const outside = value.replace(/\([^()]*\)/g, (group) => ' '.repeat(group.length));
  if (clocksIn(outside).length < 2) return value;
  return value.replace(/\([^()]*\)/g, (group) => (clocksIn(group).length && !/\b(?:UTC|GMT|Z)\b/.test(group) ? ' '.repeat(group.length) : group));
}

function moment(clock: ClockAt, date: string | null): LooseMoment {
  return { date, hour: clock.hour, minute: clock.minute, second: clock.second };
}
