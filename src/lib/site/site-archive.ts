/** The configured archive, as pages see it (read once per build process). */
import { config } from '../config.ts';
import { loadArchive, type Archive } from '../postmortem/archive.ts';

export function siteArchive(): Archive {
  return loadArchive(config.archiveDir);
}
