/**
 * Remembers each file's problems by a hash of its path and text, so `validate`
 * does not parse and check files that have not changed since the last run
 * (on a pull request, nearly all of them). Results depend on nothing else but
 * the code that checks them, so one cache file is kept per build of that code
 * (`version`); a new version starts empty. The cache is an optimisation only:
 * any trouble reading or writing it means checking everything, never an error.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../src/lib/postmortem/rules/all-rules.ts';
import { replaceFileAtomically } from './atomic-write.ts';

/** Entries kept beyond those of the current run, so checking one file does not forget the rest of the archive. */
const KEEP_AT_LEAST = 20_000;
const PREFIX = 'validate-results-';

interface CacheFile {
  version: string;
  entries: Record<string, Problem[]>;
}

export class ResultCache {
  private readonly previous: Record<string, Problem[]>;
  private readonly used = new Map<string, Problem[]>();
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {
    this.file = path.join(dir, `${PREFIX}${version}.json`);
    this.previous = readEntries(this.file, version);
  }

  /** The key of a file's result: its path as reported and its text. */
  keyOf(file: string, text: string): string {
    return createHash('sha1').update(file).update('\0').update(text).digest('base64');
  }

  get(key: string): Problem[] | undefined {
    const problems = this.previous[key];
    if (problems) this.used.set(key, problems);
    return problems;
  }

  set(key: string, problems: Problem[]): void {
    this.used.set(key, problems);
  }

  /** Writes this run's results (and older ones, up to a limit) in one rename; removes caches of other versions. */
  save(): void {
    try {
      const entries: Record<string, Problem[]> = Object.fromEntries(this.used);
      let room = Math.max(0, KEEP_AT_LEAST - this.used.size);
      for (const [key, problems] of Object.entries(this.previous)) {
        if (room === 0) break;
        if (entries[key]) continue;
        entries[key] = problems;
        room -= 1;
      }
      mkdirSync(this.dir, { recursive: true });
      replaceFileAtomically(this.file, JSON.stringify({ version: this.version, entries } satisfies CacheFile));
      for (const name of readdirSync(this.dir)) {
        if (name.startsWith(PREFIX) && name !== path.basename(this.file)) unlinkSync(path.join(this.dir, name));
      }
    } catch {
      // A read-only or full disk only costs the next run its head start.
    }
  }
}

function readEntries(file: string, version: string): Record<string, Problem[]> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return parsed.version === version && parsed.entries && typeof parsed.entries === 'object' ? parsed.entries : {};
  } catch {
    return {};
  }
}

/**
 * The cache of this process, when the launcher says which build of the code runs
 * (`HINDSIGHT_CODE_VERSION`) and where caches go (`HINDSIGHT_CACHE_DIR`); else none.
 */
export function resultCacheFromEnv(env: NodeJS.ProcessEnv): ResultCache | null {
  const version = env.HINDSIGHT_CODE_VERSION;
  const dir = env.HINDSIGHT_CACHE_DIR;
  return version && dir && /^[\w-]+$/.test(version) ? new ResultCache(dir, version) : null;
}
