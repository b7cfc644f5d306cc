/**
 * Repeats: incidents that happened before. An incident is a repeat of an
 * earlier one when its post-mortem says so (`recurrence_of`), or when the
 * two name the same failure: their one-line accounts (title, `Root Cause:`
 * line, tags) share `REPEAT_MIN_TERMS` (evidence.ts) distinctive words, or they read
 * alike as a whole. A shared service or category is not enough (measured:
 * docs/METRICS.md). `unrelated_to` on either side dismisses a computed link;
 * a declared one always stands. Drafts are left out on both sides.
 */
import type { Postmortem } from '../model/model.ts';
import { jaccard, wordsOf } from '../related.ts';
import { addToBucket } from './candidate-buckets.ts';
import { archiveTermStats, coreTerms, isDistinctive, namedTerms, REPEAT_MIN_TERMS, repeatEvidence, serviceTerms, type TermStats } from './evidence.ts';
import { dismissed } from './dismissed.ts';
import { similarSets } from './similar-wording.ts';
import { chronological, firstOfTheDay, happenedBeforeIn, refOf, reviewedIncidents, type IncidentRef } from './timing.ts';

/** Word likeness (Jaccard of significant words) from which two post-mortems are taken to describe the same failure. */
export const REPEAT_SIMILARITY = 0.3;

/** The reason a declared repeat gives; the first of its reasons. */
export const DECLARED_REPEAT = 'Declared in recurrence_of';

export interface RepeatLink extends IncidentRef {
  /** Named in `recurrence_of`, rather than found. */
  declared: boolean;
  /** Why, in words a reviewer can check: `Declared in recurrence_of`, ``Both name `noisy`, `neighbour` and `queue` ``, `Similar wording (34%)`. */
  reasons: string[];
}

export interface RepeatInfo {
  /** The nearest earlier incidents this one repeats (declared ones always, then the latest, up to {@link LINKS_KEPT}), oldest first. */
  repeatOf: RepeatLink[];
  /** The nearest later incidents that repeat this one (declared ones always, then the first, up to {@link LINKS_KEPT}), oldest first. */
  happenedAgain: RepeatLink[];
  /** How many earlier incidents this one repeats in all (at least `repeatOf.length`). */
  repeatOfCount: number;
  /** Of those, how many the post-mortem declares in `recurrence_of`. */
  repeatOfDeclared: number;
  /** How many later incidents repeat this one in all. */
  happenedAgainCount: number;
}

/**
 * Links kept per list. An archive of thousands holds incidents that match
 * many others; every count stays exact, but only the nearest links are kept,
 * so pages and the JSON do not grow with N².
 */
export const LINKS_KEPT = 5;

const EMPTY: RepeatInfo = { repeatOf: [], happenedAgain: [], repeatOfCount: 0, repeatOfDeclared: 0, happenedAgainCount: 0 };
const cache = new WeakMap<readonly Postmortem[], Map<string, RepeatInfo>>();

/** Why `later` repeats `earlier` (its evidence), or an empty list when it does not; `stats` are the archive's ({@link archiveTermStats}). */
export function repeatReasons(later: Postmortem, earlier: Postmortem, stats: TermStats): string[] {
  if ((later.meta.recurrence_of ?? []).includes(earlier.slug)) return [DECLARED_REPEAT];
  if (dismissed(later, earlier)) return [];
  const reasons: string[] = [];
  const terms = repeatEvidence(later, earlier, stats);
  if (terms.length) reasons.push(`Both name ${namedTerms(terms)}`);
  const likeness = jaccard(wordsOf(later), wordsOf(earlier));
  if (likeness >= REPEAT_SIMILARITY) reasons.push(`Similar wording (${Math.round(likeness * 100)}%)`);
  return reasons;
}

/** True when `later` declares `earlier` in `recurrence_of`: the link stands whatever else is said. */
function declares(later: Postmortem, earlier: Postmortem): boolean {
  return (later.meta.recurrence_of ?? []).includes(earlier.slug);
}

/**
 * Every earlier incident (index into `ordered`) that `ordered[at]` repeats,
 * nearest first, found through candidates instead of every pair: declared
 * slugs, incidents sharing enough distinctive words of the one-line account, and
 * incidents whose words are alike. Each is confirmed as {@link repeatReasons} would,
 * without writing the reasons: archives hold far more links than pages show.
 */
function repeatedBy(ordered: readonly Postmortem[], at: number, scan: Scan): number[] {
  const later = ordered[at]!;
  const found: number[] = [];
  const similar = new Set(scan.similarWording[at]);
  const seen = new Set<number>();
  /** Each candidate once; `sure`: its evidence is already known to hold unless the pair was dismissed. */
  const confirm = (earlier: number, sure: boolean) => {
    if (seen.has(earlier)) return;
    seen.add(earlier);
    const pm = ordered[earlier]!;
    if (!happenedBeforeIn(ordered, scan.firstOfDay, earlier, at)) return;
    if (declares(later, pm) || (!dismissed(later, pm) && (sure || repeatEvidence(later, pm, scan.stats).length > 0))) found.push(earlier);
  };
  for (const slug of later.meta.recurrence_of ?? []) {
    const earlier = scan.position.get(slug);
    if (earlier !== undefined && earlier < at) confirm(earlier, similar.has(earlier));
  }
  // Shared distinctive words counted per earlier incident: only those with enough can have the words' evidence,
  // and those with enough beyond the words of this incident's services have it whichever services they share.
  const { sharedTerms } = scan;
  const met: number[] = [];
  let serviceWords = 0;
  const ownServiceTerms = later.meta.services.map(serviceTerms);
  for (const term of coreTerms(later)) {
    if (!isDistinctive(scan.stats.core.get(term) ?? 0, scan.stats.incidents)) continue;
    if (ownServiceTerms.some((terms) => terms.has(term))) serviceWords += 1;
    for (const earlier of scan.byTerm.get(term) ?? []) if (sharedTerms[earlier]!++ === 0) met.push(earlier);
  }
  for (const earlier of met) {
    const shared = sharedTerms[earlier]!;
    sharedTerms[earlier] = 0;
    if (shared >= REPEAT_MIN_TERMS) confirm(earlier, similar.has(earlier) || shared - serviceWords >= REPEAT_MIN_TERMS);
  }
  for (const earlier of similar) confirm(earlier, true);
  return found.sort((a, b) => b - a);
}

interface Scan {
  position: Map<string, number>;
  firstOfDay: Int32Array;
  stats: TermStats;
  /** Distinctive one-line-account word → earlier incidents, filled as the scan moves forward. */
  byTerm: Map<string, number[]>;
  /** Per incident, the earlier ones whose words are alike ({@link REPEAT_SIMILARITY}). */
  similarWording: Int32Array[];
  /** Scratch: distinctive words each earlier incident shares with the one being scanned (zero between incidents). */
  sharedTerms: Int32Array;
}

/** Repeats for every reviewed post-mortem, by slug; computed once per archive. */
export function repeatIndex(postmortems: readonly Postmortem[]): Map<string, RepeatInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const stats = archiveTermStats(postmortems);
  const infos: RepeatInfo[] = ordered.map(() => ({ repeatOf: [], happenedAgain: [], repeatOfCount: 0, repeatOfDeclared: 0, happenedAgainCount: 0 }));
  const scan: Scan = {
    position: new Map(ordered.map((pm, at) => [pm.slug, at])),
    firstOfDay: firstOfTheDay(ordered),
    stats,
    byTerm: new Map(),
    similarWording: similarSets(ordered.map(wordsOf), REPEAT_SIMILARITY),
    sharedTerms: new Int32Array(ordered.length),
  };
  ordered.forEach((later, at) => {
    const earlierOnes = repeatedBy(ordered, at, scan);
    const declared = earlierOnes.filter((earlier) => declares(later, ordered[earlier]!));
    const info = infos[at]!;
    info.repeatOfCount = earlierOnes.length;
    info.repeatOfDeclared = declared.length;
    // Reasons are written only for the links kept: declared ones always, then the nearest others; shown oldest first.
    const link = (earlier: number, ref: Postmortem): RepeatLink => {
      const reasons = repeatReasons(later, ordered[earlier]!, stats);
      return { ...refOf(ref), declared: reasons[0] === DECLARED_REPEAT, reasons };
    };
    const others = earlierOnes.filter((earlier) => !declares(later, ordered[earlier]!)).slice(0, Math.max(LINKS_KEPT - declared.length, 0));
    info.repeatOf = [...declared, ...others].sort((a, b) => a - b).map((earlier) => link(earlier, ordered[earlier]!));
    // Later incidents arrive in order, so the first ones kept are the nearest.
    for (const earlier of [...earlierOnes].reverse()) {
      const again = infos[earlier]!;
      again.happenedAgainCount++;
      if (again.happenedAgain.length < LINKS_KEPT || declares(later, ordered[earlier]!)) again.happenedAgain.push(link(earlier, later));
    }
    for (const term of coreTerms(later)) if (isDistinctive(stats.core.get(term) ?? 0, stats.incidents)) addToBucket(scan.byTerm, term, at);
  });
  const index = new Map(ordered.map((pm, at) => [pm.slug, infos[at]!]));
  cache.set(postmortems, index);
  return index;
}

/** The repeats of one post-mortem (none for a draft). */
export function repeatsOf(pm: Postmortem, postmortems: readonly Postmortem[]): RepeatInfo {
  return repeatIndex(postmortems).get(pm.slug) ?? EMPTY;
}

/** True when the post-mortem repeats an earlier incident. */
export function isRepeat(pm: Postmortem, postmortems: readonly Postmortem[]): boolean {
  return repeatsOf(pm, postmortems).repeatOfCount > 0;
}
