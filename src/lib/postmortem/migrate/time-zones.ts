/**
 * Time zones as post-mortems name them: an abbreviation (`CEST`, `PST`,
 * `IST`), a generic US name (`ET`, `PT`, `Eastern`), an offset (`UTC+2`,
 * `+05:30`) or an IANA name (`America/New_York`). An abbreviation states
 * its offset; a generic or IANA name is converted with the tz database that
 * Node's Intl carries, on the incident's own date, so a daylight-saving day
 * (where a local hour is skipped or repeated) comes out right.
 */

/** A zone: a fixed offset from UTC in minutes, or an IANA zone whose offset depends on the date. */
export type TimeZone = { name: string; offset: number } | { name: string; iana: string };

/**
 * Abbreviations with the one offset they state. Ambiguous ones take their most
 * common meaning in incident reports: `IST` India (UTC+05:30), `CST` US
 * Central (UTC−6), `BST` British Summer Time; `AST` and others are not read.
 */
const FIXED: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, MEZ: 60, MESZ: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
  IST: 330, JST: 540, KST: 540, SGT: 480, HKT: 480, AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660, NZST: 720, NZDT: 780,
};
/** Names whose offset changes with daylight saving: read on the date, in the zone they name. */
const GENERIC: Record<string, string> = {
  ET: 'America/New_York', EASTERN: 'America/New_York', CT: 'America/Chicago', CENTRAL: 'America/Chicago',
  MT: 'America/Denver', MOUNTAIN: 'America/Denver', PT: 'America/Los_Angeles', PACIFIC: 'America/Los_Angeles',
};

/** Where each seasonal abbreviation's clocks are kept: `PST/PDT` together name that zone, and `PST` on a summer day is worth a word. */
const SEASONAL: Record<string, string> = {
  EST: 'America/New_York', EDT: 'America/New_York', CST: 'America/Chicago', CDT: 'America/Chicago', MST: 'America/Denver', MDT: 'America/Denver',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', AKST: 'America/Anchorage', AKDT: 'America/Anchorage', CET: 'Europe/Berlin', CEST: 'Europe/Berlin',
  MEZ: 'Europe/Berlin', MESZ: 'Europe/Berlin', EET: 'Europe/Athens', EEST: 'Europe/Athens', WET: 'Europe/Lisbon', WEST: 'Europe/Lisbon', BST: 'Europe/London',
  AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', NZST: 'Pacific/Auckland', NZDT: 'Pacific/Auckland',
};

/** A zone token at the start of `text` (after a time, in a heading): its zone and length; 'unknown' for a zone-like word not known; null for none. */
export function zoneAtStart(text: string): { zone: TimeZone; length: number } | 'unknown' | null {
  const iana = /^\s*([A-Z][A-Za-z]+(?:\/[A-Z][A-Za-z_-]+){1,2})\b/.exec(text);
  const id = iana ? ianaZone(iana[1]!) : null;
  if (id) return { zone: { name: iana![1]!, iana: id }, length: iana![0].length };
  // `PST/PDT` is two abbreviations, not an IANA name.
  if (iana && !/^[A-Z/]+$/.test(iana[1]!)) return 'unknown';
  const offset = /^\s*([+-])(\d{2}):?(\d{2})\b/.exec(text);
  if (offset) return { zone: { name: offset[0].trim(), offset: (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) }, length: offset[0].length };
  const word = /^\s*([A-Z]{1,5}|Eastern|Pacific|Mountain|Central(?! Europe))\b(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?/.exec(text);
  if (!word) return null;
  const key = word[1]!.toUpperCase();
  const shift = word[2] ? (word[2] === '-' ? -1 : 1) * (Number(word[3]) * 60 + Number(word[4] ?? 0)) : 0;
  // `PST/PDT`, `CET/CEST`: both of one zone's names, so its clocks on the day decide.
  const pair = !word[2] && SEASONAL[key] ? /^\s*\/\s*([A-Z]{3,5})\b/.exec(text.slice(word[0].length)) : null;
  if (pair && SEASONAL[pair[1]!] === SEASONAL[key] && pair[1] !== key) return { zone: { name: `${key}/${pair[1]}`, iana: SEASONAL[key]! }, length: word[0].length + pair[0].length };
  if (key in FIXED) return { zone: { name: word[0].trim().replace(/\s+/g, ''), offset: FIXED[key]! + shift }, length: word[0].length };
  if (key in GENERIC && !word[2]) return { zone: { name: word[1]!, iana: GENERIC[key]! }, length: word[0].length };
  return /^[A-Z]{2,4}T$/.test(word[1]!) ? 'unknown' : null;
}

/** The first known zone anywhere in `text` (`all times America/New_York`, `local, CET`, `Berlin time`), or null. */
export function zoneIn(text: string): TimeZone | null {
  for (const at of text.matchAll(/\b(?=[A-Z]|[+-]\d)/g)) {
    const found = zoneAtStart(text.slice(at.index));
    if (found && found !== 'unknown' && !(found.zone.name === 'Z')) return found.zone;
  }
  return cityZone(text);
}

let cities: Map<string, string> | null = null;
/**
 * A city the tz database names a zone after (`Berlin`, `New York`, `Sao Paulo`),
 * only in text that says it gives a time (`Berlin time`, `local, Berlin`): a
 * city named for another reason is not a zone.
 */
function cityZone(text: string): TimeZone | null {
  if (!/\b(?:local|time)\b/i.test(text)) return null;
  cities ??= new Map(Intl.supportedValuesOf('timeZone').filter((id) => id.includes('/') && !/^(?:Antarctica|Etc)\//.test(id)).map((id) => [id.split('/').pop()!.replace(/_/g, ' ').toLowerCase(), id]));
  for (const run of text.matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\b/g)) {
    const words = run[0].split(' ');
    for (let size = words.length; size > 0; size -= 1) {
      for (let start = 0; start + size <= words.length; start += 1) {
        const name = words.slice(start, start + size).join(' ');
        const id = cities.get(name.toLowerCase());
        // Named by its id: a time written with it (`10:10 America/New_York`) reads back.
        if (id) return { name: id, iana: id };
      }
    }
  }
  return null;
}

/** True when `text` names a zone abbreviation that is not known (`AST`, `WAT`): its times cannot be read as UTC. */
export function namesUnknownZone(text: string): boolean {
  return [...text.matchAll(/\b[A-Z]{2,4}T\b/g)].some((token) => zoneAtStart(token[0]) === 'unknown');
}

const validIana = new Map<string, string | null>();
/** The zone's canonical id when the tz database knows it (`america/new_york` → `America/New_York`), else null. */
function ianaZone(name: string): string | null {
  if (!validIana.has(name)) {
    try {
      validIana.set(name, new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone);
    } catch {
      validIana.set(name, null);
    }
  }
  return validIana.get(name)!;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** The zone's offset from UTC in minutes at an instant. */
function offsetAt(zone: TimeZone, instant: number): number {
  if ('offset' in zone) return zone.offset;
  let format = formatters.get(zone.iana);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone.iana, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(zone.iana, format);
  }
  const part = Object.fromEntries(format.formatToParts(instant).map((piece) => [piece.type, Number(piece.value)]));
  const wall = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instants (ms since the epoch) a wall-clock time on `day` names in `zone`,
 * earliest first: one, two in the hour a fall-back repeats, and for a time the
 * spring-forward skips, the instant the clock reads it an hour late (as
 * Temporal's "compatible" does).
 */
export function instantsOf(zone: TimeZone, day: string, hour: number, minute: number, second: number): number[] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute, second);
  const offsets = [...new Set([offsetAt(zone, wall - 86_400_000 / 2), offsetAt(zone, wall + 86_400_000 / 2)])];
  const fits = offsets.map((offset) => wall - offset * 60_000).filter((instant) => offsetAt(zone, instant) * 60_000 === wall - instant);
  return fits.length ? [...new Set(fits)].sort((a, b) => a - b) : [wall - offsets[0]! * 60_000];
}

/**
 * A word for the reviewer when an abbreviation names the other season than
 * the one its zone keeps on `day` (`PST` on a July day, when Pacific clocks
 * read PDT): the offset written is used, as stated, but it may be a slip.
 */
export function seasonMismatch(zone: TimeZone, day: string): string | null {
  const iana = 'offset' in zone ? SEASONAL[zone.name] : undefined;
  if (!iana || !('offset' in zone)) return null;
  const noon = instantsOf({ name: iana, iana }, day, 12, 0, 0)[0]!;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const actual = Math.round((Date.UTC(year, month - 1, date, 12) - noon) / 60_000);
  if (actual === zone.offset) return null;
  return `${zone.name} (UTC${zone.offset < 0 ? '−' : '+'}${Math.abs(zone.offset / 60)}) is not what ${iana} clocks read on ${day} (UTC${actual < 0 ? '−' : '+'}${Math.abs(actual / 60)}): the times are read as written; check that the zone is right`;
}
