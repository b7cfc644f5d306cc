/**
 * How each reviewed incident is linked to earlier ones, as the analytics
 * page counts it: a repeat, and preceded by an open follow-up, each declared
 * by the author, computed only, or not at all. One definition for the
 * learning figures and for the page's range and service controls, which
 * re-count these per selection in the browser (analytics/dataset.json).
 */
import type { Postmortem } from '../model/model.ts';
import type { PreventionInfo } from './prevented.ts';
import { preventionIndex } from './prevented.ts';
import type { RepeatInfo } from './repeats.ts';
import { repeatIndex } from './repeats.ts';
import { reviewedIncidents } from './timing.ts';

/** Declared by the author (`recurrence_of`, `prevented_by`), computed only, or not linked. */
export type LinkKind = 'declared' | 'computed' | null;

/** Per reviewed incident's slug: [repeat, preceded by an open follow-up]. */
export type LinkKinds = Record<string, [LinkKind, LinkKind]>;

export function repeatKind(info: RepeatInfo | undefined): LinkKind {
  return !info?.repeatOfCount ? null : info.repeatOfDeclared ? 'declared' : 'computed';
}

export function precededKind(info: PreventionInfo | undefined): LinkKind {
  return !info?.openAtTheTimeCount ? null : info.openAtTheTimeDeclared ? 'declared' : 'computed';
}

/** The kinds of every reviewed incident (drafts are never linked). */
export function linkKinds(postmortems: readonly Postmortem[]): LinkKinds {
  const repeats = repeatIndex(postmortems);
  const prevention = preventionIndex(postmortems);
  return Object.fromEntries(reviewedIncidents(postmortems).map((pm) => [pm.slug, [repeatKind(repeats.get(pm.slug)), precededKind(prevention.get(pm.slug))]]));
}
