/**
 * Evidence that two records are about the same failure: the distinctive
 * words they share. A word is distinctive when few incidents of the archive
 * use it in their account of the failure (title, root cause with its 5 Whys,
 * contributing factors, tags), so `pgbouncer` or `cron` counts and `database`,
 * `customers` or a service both incidents list do not. A shared service or
 * category alone is never evidence: measured on the labelled pairs
 * (tests/fixtures/learning-labels.json, docs/METRICS.md) it links mostly
 * unrelated failures.
 */
import type { Postmortem } from '../model/model.ts';
import { significantWords } from '../related.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { reviewedIncidents } from './timing.ts';

/**
 * A word is distinctive when at most this share of the archive's incidents
 * use it in their failure account (and never when more than half do, in tiny archives).
 * Measured on the labelled pairs (docs/METRICS.md): at 20% the computed links' precision falls to 60% (repeats)
 * and 50% (follow-ups); at 5% and 10% the labelled archives (24 and 5 incidents) get the same bound, 2 incidents.
 */
export const DISTINCTIVE_SHARE = 0.1;
/** In small archives every word is rare; a word used by this many incidents is still allowed. */
export const DISTINCTIVE_MIN_INCIDENTS = 2;
/** Shared distinctive words a follow-up and a later incident need to be linked ("might have been prevented"). */
export const FOLLOW_UP_MIN_TERMS = 2;
/** Shared distinctive words two incidents' failure accounts need to be linked as a repeat. */
export const REPEAT_MIN_TERMS = 3;

/**
 * Words that say an incident happened but not what failed: frequent in any
 * archive, so they never count even where the archive is too small for
 * document frequency to rule them out.
 */
const GENERIC = new Set(
  (
    'incident incidents issue issues problem problems error errors failure failures failed fail fails outage customer customers user users tenant tenants ' +
    'service services team teams alert alerts alerting monitoring deploy deployed deployment release released change changes changed ' +
    'production prod time times minute minutes hour hours day days week weeks because why root cause caused causes contributing factor factors ' +
    'no not one two three new old more less than also only would could should can will about where what who how add added adding make made ' +
    'test tests tested check checks checked run runs running data system systems code config configuration update updated process request requests ' +
    'before after until every each some other same both first last next per without within across while into onto upon its their there them'
  ).split(' '),
);

/** A light stem: plural endings off, so `pools` meets `pool` and `batches` meets `batch` (and `pgbouncer` stays itself). */
function stem(word: string): string {
  if (word.length <= 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|ss|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

/** The candidate terms of a text: significant words, stemmed, neither generic nor numbers. */
export function termsOf(text: string): Set<string> {
  const terms = new Set<string>();
  for (const word of significantWords(text)) {
    if (/^\d/.test(word)) continue;
    const term = stem(word);
    if (!GENERIC.has(term) && !GENERIC.has(word)) terms.add(term);
  }
  return terms;
}

const failureCache = new WeakMap<Postmortem, Set<string>>();
const coreCache = new WeakMap<Postmortem, Set<string>>();

/** The terms of an incident's account of what failed: title, the Root Cause section (its 5 Whys included), Contributing Factors, tags. */
export function failureTerms(pm: Postmortem): Set<string> {
  let terms = failureCache.get(pm);
  if (!terms) {
    const sections = pm.sectionMarkdown ? [pm.sectionMarkdown('root-cause') || pm.rootCause || '', pm.sectionMarkdown('contributing-factors')] : [pm.rootCause ?? ''];
    failureCache.set(pm, (terms = termsOf([pm.meta.title, ...sections, pm.meta.tags.join(' ')].join('\n'))));
  }
  return terms;
}

/**
 * The terms of an incident's one-line account: title, the `Root Cause:` line, tags. What two
 * incidents must share to be the same failure; the 5 Whys alone share incidental words (`early`, `stage`, `note`).
 */
export function coreTerms(pm: Postmortem): Set<string> {
  let terms = coreCache.get(pm);
  if (!terms) coreCache.set(pm, (terms = termsOf([pm.meta.title, pm.rootCause ?? '', pm.meta.tags.join(' ')].join('\n'))));
  return terms;
}

const itemCache = new WeakMap<ActionItem, Set<string>>();

/** The terms of a follow-up: its action (the ticket id is a name, not a mechanism). */
export function followUpTerms(item: ActionItem): Set<string> {
  let terms = itemCache.get(item);
  if (!terms) itemCache.set(item, (terms = termsOf(item.action)));
  return terms;
}

/** A service name's terms (what {@link repeatEvidence} leaves out when both incidents list it), once per name: every pair the learning scans confirm asks for them. */
const serviceTermCache = new Map<string, Set<string>>();

export function serviceTerms(service: string): Set<string> {
  let terms = serviceTermCache.get(service);
  if (!terms) serviceTermCache.set(service, (terms = termsOf(service.replace(/[-_.]/g, ' '))));
  return terms;
}

/** Terms that never count for a pair: the words of services both list (a shared service is not evidence on its own). */
function sharedServiceWords(a: Postmortem, b: Postmortem): Set<string> {
  const words = new Set<string>();
  for (const service of a.meta.services) if (b.meta.services.includes(service)) for (const word of serviceTerms(service)) words.add(word);
  return words;
}

/** How many incidents use each term, in their failure account and in their one-line account: the archive's document frequencies. */
export interface TermStats {
  incidents: number;
  failure: Map<string, number>;
  core: Map<string, number>;
}

const statsCache = new WeakMap<readonly Postmortem[], TermStats>();

function frequencies(incidents: readonly Postmortem[], termsOfIncident: (pm: Postmortem) => Set<string>): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const pm of incidents) for (const term of termsOfIncident(pm)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return frequency;
}

/** Document frequencies over `incidents`; made once per archive. */
export function termStats(incidents: readonly Postmortem[]): TermStats {
  let stats = statsCache.get(incidents);
  if (!stats) statsCache.set(incidents, (stats = { incidents: incidents.length, failure: frequencies(incidents, failureTerms), core: frequencies(incidents, coreTerms) }));
  return stats;
}

const archiveStatsCache = new WeakMap<readonly Postmortem[], TermStats>();

/** {@link termStats} over an archive's reviewed incidents (drafts never count), made once per archive. */
export function archiveTermStats(postmortems: readonly Postmortem[]): TermStats {
  let stats = archiveStatsCache.get(postmortems);
  if (!stats) archiveStatsCache.set(postmortems, (stats = termStats(reviewedIncidents(postmortems))));
  return stats;
}

/** True when a term used by `used` incidents of `incidents` is rare enough to tell one failure from another. */
export function isDistinctive(used: number, incidents: number): boolean {
  const bound = Math.max(DISTINCTIVE_MIN_INCIDENTS, Math.floor(DISTINCTIVE_SHARE * incidents));
  return used <= Math.min(bound, Math.max(1, Math.floor(incidents / 2)));
}

/** The terms of `terms` also in `other` and distinctive by `frequency`, leaving out shared services' words; rarest first, then alphabetical. */
function sharedDistinctive(terms: ReadonlySet<string>, other: ReadonlySet<string>, excluded: ReadonlySet<string>, frequency: Map<string, number>, incidents: number): string[] {
  return [...terms]
    .filter((term) => other.has(term) && !excluded.has(term) && isDistinctive(frequency.get(term) ?? 0, incidents))
    .sort((a, b) => (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || a.localeCompare(b));
}

/**
 * The distinctive terms a follow-up of `earlier` shares with `later`'s failure account: the
 * evidence when there are {@link FOLLOW_UP_MIN_TERMS} and one of them is in `later`'s one-line
 * account (what failed, not a word in passing); otherwise none.
 */
export function followUpEvidence(item: ActionItem, earlier: Postmortem, later: Postmortem, stats: TermStats): string[] {
  if (followUpEvidenceHolds(item, later, stats) === false) return [];
  const terms = sharedDistinctive(followUpTerms(item), failureTerms(later), sharedServiceWords(later, earlier), stats.failure, stats.incidents);
  const core = coreTerms(later);
  return terms.length >= FOLLOW_UP_MIN_TERMS && terms.some((term) => core.has(term)) ? terms : [];
}

/**
 * What {@link followUpEvidence} asks, with Set lookups only (the scans ask it of every open follow-up):
 * `false` when the follow-up lacks enough shared distinctive terms (one in the one-line account) even
 * before services' words are left out, `true` when it has them even with every word of `later`'s
 * services left out, `undefined` when only the full reading can tell.
 */
export function followUpEvidenceHolds(item: ActionItem, later: Postmortem, stats: TermStats): boolean | undefined {
  const failure = failureTerms(later);
  const core = coreTerms(later);
  const ownServiceTerms = later.meta.services.map(serviceTerms);
  let shared = 0;
  let inCore = false;
  let clear = 0;
  let clearInCore = false;
  for (const term of followUpTerms(item)) {
    if (!failure.has(term) || !isDistinctive(stats.failure.get(term) ?? 0, stats.incidents)) continue;
    shared += 1;
    inCore ||= core.has(term);
    if (ownServiceTerms.some((terms) => terms.has(term))) continue;
    clear += 1;
    clearInCore ||= core.has(term);
  }
  if (shared < FOLLOW_UP_MIN_TERMS || !inCore) return false;
  return clear >= FOLLOW_UP_MIN_TERMS && clearInCore ? true : undefined;
}

/** The distinctive terms two incidents' one-line accounts share: the evidence when there are {@link REPEAT_MIN_TERMS}; otherwise none. */
export function repeatEvidence(later: Postmortem, earlier: Postmortem, stats: TermStats): string[] {
  const terms = sharedDistinctive(coreTerms(earlier), coreTerms(later), sharedServiceWords(later, earlier), stats.core, stats.incidents);
  return terms.length >= REPEAT_MIN_TERMS ? terms : [];
}

/** Terms as a reviewer reads them: `pgbouncer`, `pool` and `exhaustion`. */
export function namedTerms(terms: readonly string[], shown = 4): string {
  const named = terms.slice(0, shown).map((term) => `\`${term}\``);
  if (named.length < 2) return named.join('');
  return `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
}
