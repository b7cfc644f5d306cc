/** The configured archive, as pages see it. */
import type { Archive } from '../postmortem/archive/archive.ts';
import { readArchive } from './archive-reader.ts';
import type { HindsightConfig } from '../settings/load-config.ts';
import type { Postmortem } from '../postmortem/model/model.ts';
import { toMetricsDataset, type MetricsDataset } from '../postmortem/metrics/record.ts';
import { buildDate } from './build-date.ts';

let building: Archive | null = null;

/**
 * The archive of this build, read once: a build's files do not change under it, and asking the core (which
 * looks at every file's size again after a second, for `astro dev`) from each of 1,000 pages cost 5 s.
 * `astro dev` asks every time, so an edited post-mortem shows on the next request.
 */
export function siteArchive(settings: HindsightConfig): Archive {
  if (import.meta.env.DEV) return readArchive(settings.archiveDir, settings);
  return (building ??= readArchive(settings.archiveDir, settings));
}

const datasets = new WeakMap<readonly Postmortem[], MetricsDataset>();

/**
 * The metrics dataset of this build's archive as of the build date, made once and shared by
 * `/analytics/`, `/analytics/dataset.json` and `/api/metrics.json` (each made it again: 0.2 s at 10,000).
 */
export function siteMetricsDataset(settings: HindsightConfig): MetricsDataset {
  const { postmortems } = siteArchive(settings);
  const asOf = buildDate(settings.today);
  let dataset = datasets.get(postmortems);
  if (!dataset || dataset.asOf !== asOf) datasets.set(postmortems, (dataset = toMetricsDataset(postmortems, asOf)));
  return dataset;
}
