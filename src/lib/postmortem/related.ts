/**
 * Related incidents: post-mortems that share a service or a root-cause
 * category with this one, or read alike. Computed at build for each page, so a
 * page looks only at the post-mortems that could make its few (related-top.ts);
 * reasons are written only for those shown.
 */
import { rootCauseCategory } from './model/category.ts';
import type { Postmortem } from './model/model.ts';
import { SIMILAR_TEXT, topRelated, type RelatedWork } from './related-top.ts';

export { MIN_SCORE, SIMILAR_TEXT, WEIGHTS, type RelatedWork } from './related-top.ts';
export { jaccard, significantWords, wordIds, wordsOf } from './related-words.ts';

export interface RelatedIncident {
  postmortem: Postmortem;
  /** Why it is related, for readers: `Also affected redis`, `Same root cause: Data`, `Similar wording`. */
  reasons: string[];
  score: number;
}

/**
 * Up to `limit` post-mortems most like `target`, best first (ties: newest
 * first, then archive order). Shared services, the same main category,
 * overlapping contributing categories and similar wording (Jaccard of
 * significant words) each add to the score. `work`, when given, counts what the search read.
 */
export function relatedIncidents(target: Postmortem, archive: readonly Postmortem[], limit = 4, work?: RelatedWork): RelatedIncident[] {
  if (limit <= 0) return [];
  return topRelated(target, archive, limit, work).map(({ at, score, likeness, sameCategory }) => {
    const pm = archive[at]!;
    const reasons: string[] = [];
    const services = target.meta.services.filter((service) => pm.meta.services.includes(service));
    if (services.length) reasons.push(`Also affected ${services.join(', ')}`);
    if (sameCategory) reasons.push(`Same root cause: ${rootCauseCategory(pm.meta.root_cause_category).label}`);
    if (likeness >= SIMILAR_TEXT) reasons.push('Similar wording');
    return { postmortem: pm, reasons, score };
  });
}
