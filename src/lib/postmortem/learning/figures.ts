/**
 * The cross-incident figures of the analytics page and /api/learning.json:
 * how many incidents repeat an earlier one, how many were preceded by an
 * open follow-up, and the follow-up health. Definitions: docs/METRICS.md.
 */
import { CATEGORIES } from '../model/category.ts';
import { quarterOf } from '../metrics/range.ts';
import type { Postmortem } from '../model/model.ts';
import { backlogTrend, completionTargets, followUpsOf, outcomes, timeToClose, type BacklogMonth, type Outcomes, type TimeToClose } from './follow-up-health.ts';
import { precededKind, repeatKind } from './link-kinds.ts';
import { share, type Share } from './share.ts';
import { preventionIndex } from './prevented.ts';
import { repeatIndex } from './repeats.ts';
import { reviewedIncidents } from './timing.ts';

export type { Share };

export interface LearningFigures {
  asOf: string;
  /** Reviewed incidents (drafts left out). */
  incidents: number;
  repeats: { overall: Share; byService: Share[]; byCategory: Share[]; byQuarter: Share[] };
  prevented: { overall: Share; byQuarter: Share[] };
  followUps: {
    targets: { severity: string; weeks: number }[];
    outcomes: Outcomes;
    timeToClose: TimeToClose[];
    backlog: BacklogMonth[];
  };
}

function grouped(incidents: readonly Postmortem[], keysOf: (pm: Postmortem) => readonly string[]): Map<string, Postmortem[]> {
  const groups = new Map<string, Postmortem[]>();
  for (const pm of incidents) for (const key of new Set(keysOf(pm))) groups.set(key, [...(groups.get(key) ?? []), pm]);
  return groups;
}

const cache = new WeakMap<readonly Postmortem[], Map<string, LearningFigures>>();

/**
 * Every learning figure for the archive as of `asOf` (`YYYY-MM-DD`); made once per
 * archive and day (the analytics page and /api/learning.json both ask), so callers must not change it.
 */
export function learningFigures(postmortems: readonly Postmortem[], asOf: string): LearningFigures {
  let byDay = cache.get(postmortems);
  if (!byDay) cache.set(postmortems, (byDay = new Map()));
  let figures = byDay.get(asOf);
  if (!figures) byDay.set(asOf, (figures = figuresOf(postmortems, asOf)));
  return figures;
}

function figuresOf(postmortems: readonly Postmortem[], asOf: string): LearningFigures {
  const incidents = reviewedIncidents(postmortems);
  const repeats = repeatIndex(postmortems);
  const prevention = preventionIndex(postmortems);
  const isRepeat = (pm: Postmortem) => repeatKind(repeats.get(pm.slug));
  const wasPreceded = (pm: Postmortem) => precededKind(prevention.get(pm.slug));
  const byQuarter = grouped(incidents, (pm) => [quarterOf(pm.meta.date)]);
  const quarters = [...byQuarter.keys()].sort();
  const byService = [...grouped(incidents, (pm) => pm.meta.services)]
    .map(([service, group]) => share(service, group, isRepeat))
    .sort((a, b) => b.count - a.count || b.incidents - a.incidents || a.label.localeCompare(b.label));
  const byCategory = CATEGORIES.map((category) => share(category.label, incidents.filter((pm) => pm.meta.root_cause_category === category.id), isRepeat)).filter(
    (row) => row.incidents > 0,
  );
  const items = followUpsOf(postmortems);
  return {
    asOf,
    incidents: incidents.length,
    repeats: {
      overall: share('All', incidents, isRepeat),
      byService,
      byCategory,
      byQuarter: quarters.map((quarter) => share(quarter, byQuarter.get(quarter)!, isRepeat)),
    },
    prevented: {
      overall: share('All', incidents, wasPreceded),
      byQuarter: quarters.map((quarter) => share(quarter, byQuarter.get(quarter)!, wasPreceded)),
    },
    followUps: {
      targets: completionTargets(),
      outcomes: outcomes(items, asOf),
      timeToClose: timeToClose(items),
      backlog: backlogTrend(items, asOf),
    },
  };
}

