/**
 * "Might have been prevented": for each incident, the follow-ups of earlier
 * incidents that were still open when it started and are about the same
 * failure. The evidence is the author's word (`prevented_by`), or distinctive
 * words the follow-up shares with the incident's root cause and 5 Whys
 * ({@link followUpEvidence}); a shared service or category is not enough
 * (measured: docs/METRICS.md). `unrelated_to` dismisses computed links; a
 * declared one always stands. Only items whose closing is known count as
 * open: one closed without a date is left out. Drafts are left out on both sides.
 */
import type { Postmortem } from '../model/model.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { addToBucket } from './candidate-buckets.ts';
import { dismissed } from './dismissed.ts';
import { archiveTermStats, coreTerms, followUpEvidence, followUpEvidenceHolds, followUpTerms, isDistinctive, namedTerms, type TermStats } from './evidence.ts';
import { chronological, firstOfTheDay, happenedBeforeIn, refOf, reviewedIncidents, wasOpenOn, type IncidentRef } from './timing.ts';

/** The reason a declared link gives; the first of its reasons. */
export const DECLARED_PREVENTION = 'Declared in prevented_by';

export interface OpenFollowUp {
  item: ActionItem;
  /** The earlier post-mortem the item belongs to. */
  source: IncidentRef;
  /** Named in this post-mortem's `prevented_by`, rather than found. */
  declared: boolean;
  /** Why, in words a reviewer can check: ``Both name `saml` and `signing`; follow-up OPS-1108 was open on 2026-09-22``. */
  reasons: string[];
}

export interface LaterIncident extends IncidentRef {
  declared: boolean;
  reasons: string[];
}

/** One follow-up of this post-mortem with the later incidents it was open for: each follow-up once. */
export interface OpenForLater {
  item: ActionItem;
  /** The first {@link FOLLOW_UPS_KEPT} later incidents (declared ones always), oldest first. */
  incidents: LaterIncident[];
  /** How many later incidents in all. */
  count: number;
}

export interface PreventionInfo {
  /** Follow-ups of earlier incidents about the same failure, still open when this one started: declared ones, then the latest, up to {@link FOLLOW_UPS_KEPT}; oldest first. */
  openAtTheTime: OpenFollowUp[];
  /** This post-mortem's items still open when a later incident about the same failure happened, in table order, each once. */
  stillOpenWhen: OpenForLater[];
  /** How many open follow-ups there were in all (at least `openAtTheTime.length`). */
  openAtTheTimeCount: number;
  /** Of those, how many this post-mortem declares in `prevented_by`. */
  openAtTheTimeDeclared: number;
  /** How many (item, later incident) pairs there are in all. */
  stillOpenWhenCount: number;
}

/**
 * Entries kept per list. Counts stay exact; in an archive of thousands a
 * follow-up can bear on many incidents, and keeping all of them would make
 * pages and the JSON grow with N².
 */
export const FOLLOW_UPS_KEPT = 5;

const EMPTY: PreventionInfo = { openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, openAtTheTimeDeclared: 0, stillOpenWhenCount: 0 };
const cache = new WeakMap<readonly Postmortem[], Map<string, PreventionInfo>>();

/** A follow-up as a reviewer finds it: its ticket, else its row. */
function followUpName(item: ActionItem, earlier: Postmortem): string {
  return item.ticket?.text || `row ${earlier.actionItems.indexOf(item) + 1}`;
}

/** True when `later`'s `prevented_by` names this follow-up of `earlier` (by ticket text, or by row number). */
export function declaresPrevention(later: Postmortem, earlier: Postmortem, item: ActionItem): boolean {
  return (later.meta.prevented_by ?? []).some(
    (entry) =>
      entry.slug === earlier.slug &&
      (entry.followUp.toLowerCase() === item.ticket?.text.toLowerCase() || entry.followUp === String(earlier.actionItems.indexOf(item) + 1)),
  );
}

/**
 * Why `item` of `earlier` bears on `later` (its evidence), or an empty list:
 * declared in `prevented_by` (whatever its status), or open when `later` started
 * and naming the same failure. `stats` are the archive's ({@link archiveTermStats}).
 */
export function preventionReasons(item: ActionItem, earlier: Postmortem, later: Postmortem, stats: TermStats): string[] {
  if (declaresPrevention(later, earlier, item)) return [DECLARED_PREVENTION];
  if (dismissed(later, earlier) || wasOpenOn(item, later.meta.date) !== true) return [];
  const terms = followUpEvidence(item, earlier, later, stats);
  if (!terms.length) return [];
  return [`Both the follow-up and the root cause name ${namedTerms(terms)}; ${followUpName(item, earlier)} was open on ${later.meta.date}`];
}

interface Scan {
  ordered: readonly Postmortem[];
  position: Map<string, number>;
  firstOfDay: Int32Array;
  stats: TermStats;
  /** Distinctive follow-up word → earlier incidents with a follow-up using it, filled as the scan moves forward. */
  byTerm: Map<string, number[]>;
}

interface Found {
  earlier: number;
  item: ActionItem;
  declared: boolean;
}

/** True when {@link preventionReasons} would give reasons, without writing them: archives hold far more links than pages show. */
function bears(item: ActionItem, earlier: Postmortem, later: Postmortem, stats: TermStats): boolean {
  if (dismissed(later, earlier) || wasOpenOn(item, later.meta.date) !== true) return false;
  return followUpEvidenceHolds(item, later, stats) ?? followUpEvidence(item, earlier, later, stats).length > 0;
}

/** The follow-ups of earlier incidents that bear on `ordered[at]`, in (earlier incident, item) order. */
function followUpsFor(scan: Scan, at: number): Found[] {
  const { ordered, stats } = scan;
  const later = ordered[at]!;
  const candidates = new Set<number>();
  for (const entry of later.meta.prevented_by ?? []) {
    const earlier = scan.position.get(entry.slug);
    if (earlier !== undefined && earlier < at) candidates.add(earlier);
  }
  for (const term of coreTerms(later)) {
    if (isDistinctive(stats.failure.get(term) ?? 0, stats.incidents)) for (const earlier of scan.byTerm.get(term) ?? []) candidates.add(earlier);
  }
  const found: Found[] = [];
  for (const earlier of [...candidates].sort((a, b) => a - b)) {
    if (!happenedBeforeIn(ordered, scan.firstOfDay, earlier, at)) continue;
    for (const item of ordered[earlier]!.actionItems) {
      const declared = declaresPrevention(later, ordered[earlier]!, item);
      if (declared || bears(item, ordered[earlier]!, later, stats)) found.push({ earlier, item, declared });
    }
  }
  return found;
}

/** Open follow-ups at the time of every reviewed incident, both ways, by slug; computed once per archive. */
export function preventionIndex(postmortems: readonly Postmortem[]): Map<string, PreventionInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const stats = archiveTermStats(postmortems);
  const infos: PreventionInfo[] = ordered.map(() => ({ openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, openAtTheTimeDeclared: 0, stillOpenWhenCount: 0 }));
  const scan: Scan = { ordered, position: new Map(ordered.map((pm, at) => [pm.slug, at])), firstOfDay: firstOfTheDay(ordered), stats, byTerm: new Map() };
  ordered.forEach((later, at) => {
    const found = followUpsFor(scan, at);
    const info = infos[at]!;
    info.openAtTheTimeCount = found.length;
    info.openAtTheTimeDeclared = found.filter((entry) => entry.declared).length;
    const declared = found.filter((entry) => entry.declared);
    const latest = found.filter((entry) => !entry.declared).slice(-Math.max(FOLLOW_UPS_KEPT - declared.length, 0));
    info.openAtTheTime = found
      .filter((entry) => entry.declared || latest.includes(entry))
      .map(({ earlier, item, declared: isDeclared }) => ({ item, source: refOf(ordered[earlier]!), declared: isDeclared, reasons: preventionReasons(item, ordered[earlier]!, later, stats) }));
    for (const { earlier, item, declared: isDeclared } of found) {
      const source = infos[earlier]!;
      source.stillOpenWhenCount++;
      let entry = source.stillOpenWhen.find((candidate) => candidate.item === item);
      if (!entry) source.stillOpenWhen.push((entry = { item, incidents: [], count: 0 }));
      entry.count++;
      // Later incidents arrive in order, so the first ones kept are the nearest.
      if (entry.incidents.length < FOLLOW_UPS_KEPT || isDeclared) entry.incidents.push({ ...refOf(later), declared: isDeclared, reasons: preventionReasons(item, ordered[earlier]!, later, stats) });
    }
    const terms = new Set<string>();
    for (const item of later.actionItems) for (const term of followUpTerms(item)) if (isDistinctive(stats.failure.get(term) ?? 0, stats.incidents)) terms.add(term);
    for (const term of terms) addToBucket(scan.byTerm, term, at);
  });
  for (const info of infos) info.stillOpenWhen.sort((a, b) => a.item.line - b.item.line);
  const index = new Map(ordered.map((pm, at) => [pm.slug, infos[at]!]));
  cache.set(postmortems, index);
  return index;
}

/** The open follow-ups around one post-mortem (none for a draft). */
export function preventionOf(pm: Postmortem, postmortems: readonly Postmortem[]): PreventionInfo {
  return preventionIndex(postmortems).get(pm.slug) ?? EMPTY;
}
