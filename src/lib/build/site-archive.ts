/** The configured archive, as pages see it. */
import { loadArchive, type Archive } from '../postmortem/archive/archive.ts';
import type { HindsightConfig } from '../settings/load-config.ts';

let building: Archive | null = null;

/**
 * The archive of this build, read once: a build's files do not change under it, and asking the core (which
 * looks at every file's size again after a second, for `astro dev`) from each of 1,000 pages cost 5 s.
 * `astro dev` asks every time, so an edited post-mortem shows on the next request.
 */
export function siteArchive(settings: HindsightConfig): Archive {
  if (import.meta.env.DEV) return loadArchive(settings.archiveDir, settings);
  return (building ??= loadArchive(settings.archiveDir, settings));
}
