/** "Edit this file" links: the configured prefix plus the file's path in the repository. */
import path from 'node:path';

/**
 * The edit URL of a post-mortem file (path as the core reports it, relative to the working
 * directory), or null when no edit URL is configured. The path in the URL is relative to
 * `HINDSIGHT_REPO_ROOT`, so Hindsight can build a repository it was checked out beside.
 */
export function editUrlOf(filePath: string, prefix: string, repoRoot: string): string | null {
  if (!prefix) return null;
  const inRepo = path.relative(repoRoot, path.resolve(filePath)).split(path.sep).join('/');
  return `${prefix.replace(/\/?$/, '/')}${inRepo}`;
}
