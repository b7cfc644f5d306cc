/** The incident list's "Learning" facet: repeats, and incidents preceded by an open follow-up. */
import type { Postmortem } from '../model/model.ts';
import { preventionOf } from './prevented.ts';
import { isRepeat } from './repeats.ts';

export const LEARNING_FACET = [
  { value: 'repeat', label: 'Repeat of an earlier incident' },
  { value: 'open-follow-up', label: 'Open follow-up at the time' },
] as const;

/** The facet's values for one post-mortem of `archive`. */
export function learningFacetValues(pm: Postmortem, archive: readonly Postmortem[]): string[] {
  if (!archive.length) return [];
  const values: string[] = [];
  if (isRepeat(pm, archive)) values.push('repeat');
  if (preventionOf(pm, archive).openAtTheTime.length) values.push('open-follow-up');
  return values;
}
