/**
 * "Might have been prevented": for each incident, the action items of earlier
 * incidents on the same service or with the same root-cause category that
 * were still open when it started. Only items whose closing is known count:
 * one closed without a date is left out either way. Drafts are left out on
 * both sides.
 */
import { rootCauseCategory, UNKNOWN_CATEGORY } from '../category.ts';
import type { Postmortem } from '../model.ts';
import type { ActionItem } from '../schema/action-item.ts';
import { addToBucket } from './candidate-buckets.ts';
import { chronological, happenedBefore, refOf, reviewedIncidents, wasOpenOn, type IncidentRef } from './timing.ts';

export interface OpenFollowUp {
  item: ActionItem;
  /** The earlier post-mortem the item belongs to. */
  source: IncidentRef;
  /** Why it is relevant: `Same service: redis`, `Same root cause: Configuration`. */
  reasons: string[];
}

export interface LaterIncident {
  item: ActionItem;
  /** The later incident that happened while the item was open. */
  incident: IncidentRef;
}

export interface PreventionInfo {
  /** Follow-ups of earlier, related incidents still open when this one started: the latest {@link FOLLOW_UPS_KEPT}, oldest first. */
  openAtTheTime: OpenFollowUp[];
  /** This post-mortem's items still open when a later related incident happened: the first {@link FOLLOW_UPS_KEPT}, oldest first. */
  stillOpenWhen: LaterIncident[];
  /** How many open follow-ups there were in all (at least `openAtTheTime.length`). */
  openAtTheTimeCount: number;
  /** How many (item, later incident) pairs there are in all. */
  stillOpenWhenCount: number;
}

/**
 * Entries kept per list. Counts stay exact; in an archive of thousands an
 * incident can have hundreds of related open follow-ups, and keeping all of
 * them would make pages and the JSON grow with N².
 */
export const FOLLOW_UPS_KEPT = 5;

const EMPTY: PreventionInfo = { openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, stillOpenWhenCount: 0 };
const cache = new WeakMap<readonly Postmortem[], Map<string, PreventionInfo>>();

/** Why an earlier incident's follow-ups bear on a later one: shared services, the same (known) root-cause category. */
export function relevanceReasons(later: Postmortem, earlier: Postmortem): string[] {
  const reasons: string[] = [];
  const services = later.meta.services.filter((service) => earlier.meta.services.includes(service));
  if (services.length) reasons.push(`Same service: ${services.join(', ')}`);
  const category = later.meta.root_cause_category;
  if (category !== UNKNOWN_CATEGORY.id && category === earlier.meta.root_cause_category) reasons.push(`Same root cause: ${rootCauseCategory(category).label}`);
  return reasons;
}

/** Earlier incidents (indexes, ascending) sharing a service or the known category with `ordered[at]`, from buckets filled as the scan moves forward. */
function relatedEarlier(ordered: readonly Postmortem[], at: number, buckets: Map<string, number[]>, seen: Int32Array): Int32Array {
  const later = ordered[at]!;
  const keys = [...new Set(later.meta.services)].map((service) => `s\u0000${service}`);
  if (later.meta.root_cause_category !== UNKNOWN_CATEGORY.id) keys.push(`c\u0000${later.meta.root_cause_category}`);
  const found: number[] = [];
  for (const key of keys) {
    for (const earlier of buckets.get(key) ?? []) {
      if (seen[earlier] === at) continue;
      seen[earlier] = at;
      if (happenedBefore(ordered[earlier]!, later)) found.push(earlier);
    }
  }
  // A typed array sorts numbers natively, without a comparator call per step.
  return Int32Array.from(found).sort();
}

/** Open follow-ups at the time of every reviewed incident, both ways, by slug; computed once per archive. */
export function preventionIndex(postmortems: readonly Postmortem[]): Map<string, PreventionInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const infos: PreventionInfo[] = ordered.map(() => ({ openAtTheTime: [], stillOpenWhen: [], openAtTheTimeCount: 0, stillOpenWhenCount: 0 }));
  const buckets = new Map<string, number[]>();
  const seen = new Int32Array(ordered.length).fill(-1);
  // Items open to this day are open on every later day; only items closed with a date need a look per pair.
  const openNow = ordered.map((pm) => pm.actionItems.filter((item) => wasOpenOn(item, '9999-12-31') === true).length);
  const closedWithDate = ordered.map((pm) => pm.actionItems.filter((item) => wasOpenOn(item, '9999-12-31') === false).map((item) => item.closed!));
  const openOn = (earlier: number, day: string) => openNow[earlier]! + closedWithDate[earlier]!.filter((closed) => closed > day).length;
  ordered.forEach((later, at) => {
    const related = relatedEarlier(ordered, at, buckets, seen);
    // The pairs grow with N², so they are counted; items are looked at only for the few lists keep.
    let count = 0;
    for (const earlier of related) {
      const open = openOn(earlier, later.meta.date);
      if (!open) continue;
      count += open;
      const source = infos[earlier]!;
      source.stillOpenWhenCount += open;
      for (const item of ordered[earlier]!.actionItems) {
        if (source.stillOpenWhen.length >= FOLLOW_UPS_KEPT) break;
        // Later incidents arrive in order, so the first ones kept are the nearest.
        if (wasOpenOn(item, later.meta.date) === true) source.stillOpenWhen.push({ item, incident: refOf(later) });
      }
    }
    infos[at]!.openAtTheTimeCount = count;
    infos[at]!.openAtTheTime = latestOpen(ordered, related, later).map(({ earlier, item }) => ({
      item,
      source: refOf(ordered[earlier]!),
      reasons: relevanceReasons(later, ordered[earlier]!),
    }));
    if (!later.actionItems.length) return;
    for (const service of new Set(later.meta.services)) addToBucket(buckets, `s\u0000${service}`, at);
    if (later.meta.root_cause_category !== UNKNOWN_CATEGORY.id) addToBucket(buckets, `c\u0000${later.meta.root_cause_category}`, at);
  });
  const index = new Map(ordered.map((pm, at) => [pm.slug, infos[at]!]));
  cache.set(postmortems, index);
  return index;
}

/** The last {@link FOLLOW_UPS_KEPT} open follow-ups in (earlier incident, item) order: read from the end. */
function latestOpen(ordered: readonly Postmortem[], related: Int32Array, later: Postmortem): { earlier: number; item: ActionItem }[] {
  const latest: { earlier: number; item: ActionItem }[] = [];
  for (let at = related.length - 1; at >= 0 && latest.length < FOLLOW_UPS_KEPT; at--) {
    const items = ordered[related[at]!]!.actionItems;
    for (let index = items.length - 1; index >= 0 && latest.length < FOLLOW_UPS_KEPT; index--) {
      if (wasOpenOn(items[index]!, later.meta.date) === true) latest.push({ earlier: related[at]!, item: items[index]! });
    }
  }
  return latest.reverse();
}

/** The open follow-ups around one post-mortem (none for a draft). */
export function preventionOf(pm: Postmortem, postmortems: readonly Postmortem[]): PreventionInfo {
  return preventionIndex(postmortems).get(pm.slug) ?? EMPTY;
}
