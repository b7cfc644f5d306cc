/** "Edit this file" links: the configured prefix plus the file's path in the repository. */
import { config } from '../config.ts';

/** The edit URL of a repository file, or null when no edit URL is configured. */
export function editUrlOf(repoPath: string, prefix = config.editUrl): string | null {
  if (!prefix) return null;
  return `${prefix.replace(/\/?$/, '/')}${repoPath.replace(/^\.?\//, '')}`;
}
