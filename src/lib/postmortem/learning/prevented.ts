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
  /** Follow-ups of earlier, related incidents still open when this one started. */
  openAtTheTime: OpenFollowUp[];
  /** This post-mortem's items that were still open when a later related incident happened. */
  stillOpenWhen: LaterIncident[];
}

const EMPTY: PreventionInfo = { openAtTheTime: [], stillOpenWhen: [] };
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

/** Open follow-ups at the time of every reviewed incident, both ways, by slug; computed once per archive. */
export function preventionIndex(postmortems: readonly Postmortem[]): Map<string, PreventionInfo> {
  const cached = cache.get(postmortems);
  if (cached) return cached;
  const ordered = chronological(reviewedIncidents(postmortems));
  const index = new Map<string, PreventionInfo>(ordered.map((pm) => [pm.slug, { openAtTheTime: [], stillOpenWhen: [] }]));
  ordered.forEach((later, at) => {
    for (const earlier of ordered.slice(0, at)) {
      if (!happenedBefore(earlier, later) || !earlier.actionItems.length) continue;
      const reasons = relevanceReasons(later, earlier);
      if (!reasons.length) continue;
      for (const item of earlier.actionItems) {
        if (wasOpenOn(item, later.meta.date) !== true) continue;
        index.get(later.slug)!.openAtTheTime.push({ item, source: refOf(earlier), reasons });
        index.get(earlier.slug)!.stillOpenWhen.push({ item, incident: refOf(later) });
      }
    }
  });
  cache.set(postmortems, index);
  return index;
}

/** The open follow-ups around one post-mortem (none for a draft). */
export function preventionOf(pm: Postmortem, postmortems: readonly Postmortem[]): PreventionInfo {
  return preventionIndex(postmortems).get(pm.slug) ?? EMPTY;
}
