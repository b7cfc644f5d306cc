/** Recent commits for a post-mortem's evidence note (spec, step 2: `git log --oneline --since="24 hours ago"`). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The nearest folder that exists at or above `dir` (the target folder may not be created yet). */
function existingAncestor(dir: string): string {
  let current = path.resolve(dir);
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return null;
  }
}

/**
 * `git log --oneline` lines since `since` for the repository holding `dir`;
 * null when `dir` is not inside a git repository (or git is missing).
 * An empty list means the repository had no commits in that window.
 */
export function recentCommits(dir: string, since: Date): string[] | null {
  const cwd = existingAncestor(dir);
  if (git(cwd, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return null;
  const log = git(cwd, ['log', '--oneline', '--no-decorate', `--since=${since.toISOString()}`]);
  if (log === null) return [];
  return log.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** The name git would author commits with, as a default author; null when unset. */
export function gitUserName(dir: string): string | null {
  return git(existingAncestor(dir), ['config', 'user.name'])?.trim() || null;
}
