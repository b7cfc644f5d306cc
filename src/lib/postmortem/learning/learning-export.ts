/**
 * /api/learning.json: the learning figures and, per reviewed incident, what it
 * repeats and which follow-ups were open when it started. Documented in docs/METRICS.md.
 */
import type { Postmortem } from '../model/model.ts';
import { learningFigures, type LearningFigures } from './figures.ts';
import { preventionIndex } from './prevented.ts';
import { repeatIndex } from './repeats.ts';
import { reviewQuarters } from './quarterly-review.ts';
import { chronological, reviewedIncidents } from './timing.ts';

export interface LearningExport {
  figures: LearningFigures;
  /** Quarters with a review page (`/learning/<quarter>/`, e.g. `2026-q3`), newest first. */
  quarters: string[];
  incidents: {
    slug: string;
    date: string;
    /** The nearest earlier incidents it repeats (declared ones always), at most five; `repeat_of_count` says how many in all. */
    repeat_of: { slug: string; declared: boolean; reasons: string[] }[];
    repeat_of_count: number;
    /** The nearest later incidents that repeat it (declared ones always), at most five; `happened_again_count` says how many in all. */
    happened_again: { slug: string; declared: boolean; reasons: string[] }[];
    happened_again_count: number;
    /** The follow-ups about the same failure open when it started (declared ones always, then the latest), at most five; `open_follow_ups_at_the_time_count` says how many in all. */
    open_follow_ups_at_the_time: { slug: string; action: string; owner: string; status: string; closed: string | null; declared: boolean; reasons: string[] }[];
    open_follow_ups_at_the_time_count: number;
  }[];
}

export function learningExport(postmortems: readonly Postmortem[], asOf: string): LearningExport {
  const repeats = repeatIndex(postmortems);
  const prevention = preventionIndex(postmortems);
  const link = ({ slug, declared, reasons }: { slug: string; declared: boolean; reasons: string[] }) => ({ slug, declared, reasons });
  return {
    figures: learningFigures(postmortems, asOf),
    quarters: reviewQuarters(postmortems),
    incidents: chronological(reviewedIncidents(postmortems)).map((pm) => ({
      slug: pm.slug,
      date: pm.meta.date,
      repeat_of: repeats.get(pm.slug)!.repeatOf.map(link),
      repeat_of_count: repeats.get(pm.slug)!.repeatOfCount,
      happened_again: repeats.get(pm.slug)!.happenedAgain.map(link),
      happened_again_count: repeats.get(pm.slug)!.happenedAgainCount,
      open_follow_ups_at_the_time: prevention.get(pm.slug)!.openAtTheTime.map(({ item, source, declared, reasons }) => ({
        slug: source.slug,
        action: item.action,
        owner: item.owner,
        status: item.status,
        closed: item.closed,
        declared,
        reasons,
      })),
      open_follow_ups_at_the_time_count: prevention.get(pm.slug)!.openAtTheTimeCount,
    })),
  };
}
