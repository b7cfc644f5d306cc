/** The configured archive, as pages see it. */
import { config } from '../settings/load-config.ts';
import { loadArchive, type Archive } from '../postmortem/archive/archive.ts';

let building: Archive | null = null;

/**
 * The archive of this build, read once: a build's files do not change under it, and asking the core (which
 * looks at every file's size again after a second, for `astro dev`) from each of 1,000 pages cost 5 s.
 * `astro dev` asks every time, so an edited post-mortem shows on the next request.
 */
export function siteArchive(): Archive {
  if (import.meta.env.DEV) return loadArchive(config.archiveDir);
  return (building ??= loadArchive(config.archiveDir));
}
