/** Recent commits for a post-mortem's evidence note (spec, step 2: `git log --oneline --since="24 hours ago"`), capped. */
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

/** The window of history a responder looks at: the 24 hours before the incident started (spec, step 2). */
export interface EvidenceWindow {
  since: Date;
  /** The incident start; null when it is not known yet (the window then ends now). */
  until: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The 24 hours before `startedAt` (ISO 8601), or before `now` when the start is not known. */
export function evidenceWindow(startedAt: string | undefined, now = new Date()): EvidenceWindow {
  const start = startedAt ? new Date(Date.parse(startedAt)) : null;
  return { since: new Date((start ?? now).getTime() - DAY_MS), until: start };
}

/**
 * `git log --oneline` lines in the window (newest first) for the repository
 * holding `dir`; null when `dir` is not inside a git repository (or git is
 * missing). An empty list means the repository had no commits in that window.
 */
export function recentCommits(dir: string, window: EvidenceWindow): string[] | null {
  const cwd = existingAncestor(dir);
  if (git(cwd, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') return null;
  const log = git(cwd, ['log', '--oneline', '--no-decorate', ...logWindow(window)]);
  if (log === null) return [];
  return log.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Commits pasted into a draft: the newest ones, nearest the incident. The rest is one command away. */
export const EVIDENCE_COMMIT_LIMIT = 15;

/** The Evidence note's lines for `git log` output; null keeps the template's placeholder (not a git repository). */
export function evidenceLines(commits: string[] | null, window: EvidenceWindow, limit = EVIDENCE_COMMIT_LIMIT): string[] | null {
  if (commits === null) return null;
  const command = `\`git log --oneline ${logWindow(window).map((flag) => flag.replace('=', '="') + '"').join(' ')}\``;
  if (!commits.length) return [`- Recent changes: no commits in the 24 h before ${window.until ? 'the incident started' : 'this draft was created'} (${command}).`];
  const shown = commits.slice(0, limit);
  const cut = commits.length - shown.length;
  return [
    `- Recent changes in the 24 h before ${window.until ? 'the incident started' : 'this draft was created'} (${command}):`,
    '',
    '  ```text',
    ...shown.map((commit) => `  ${commit}`),
    '  ```',
    ...(cut ? ['', `  The ${shown.length} newest of ${commits.length} commits; ${cut} older ${cut === 1 ? 'one is' : 'ones are'} not shown (run the command above for all).`] : []),
  ];
}

function logWindow({ since, until }: EvidenceWindow): string[] {
  return [`--since=${utc(since)}`, ...(until ? [`--until=${utc(until)}`] : [])];
}

function utc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The name git would author commits with, as a default author; null when unset. */
export function gitUserName(dir: string): string | null {
  return git(existingAncestor(dir), ['config', 'user.name'])?.trim() || null;
}
