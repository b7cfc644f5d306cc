/**
 * validate's result cache on disk: each file's problems (and the spellings the
 * archive rule `spelling-variants` compares) by a hash of its path
 * and text, so neither `validate` nor the build gate parses and checks files
 * that have not changed since the last run (on a pull request, nearly all of
 * them). Both open the same cache in the same folder. Results depend on nothing
 * else but the code that checks them, so one cache file is kept per version of
 * that code, the hash of its contents (a CI checkout changes file times, not
 * contents, so the cache survives it); a new version starts empty. Any trouble
 * reading or writing means checking everything, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeRoot } from '../../code-root.ts';
import type { CachedCheck, ValidationCache } from './validate.ts';

/** Entries kept beyond those of the current run, so checking one file does not forget the rest of the archive. */
const KEEP_AT_LEAST = 20_000;
const PREFIX = 'validate-results-';

interface CacheFile {
  version: string;
  entries: Record<string, CachedCheck>;
}

/** A {@link ValidationCache} in one JSON file of `dir`, for one code `version`. */
export class FileValidationCache implements ValidationCache {
  private readonly previous: Record<string, CachedCheck>;
  private readonly used = new Map<string, CachedCheck>();
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly version: string,
  ) {
    this.file = path.join(dir, `${PREFIX}${version}.json`);
    this.previous = readEntries(this.file, version);
  }

  get(key: string): CachedCheck | undefined {
    const check = Object.hasOwn(this.previous, key) ? this.previous[key] : undefined;
    // An entry of another shape (hand-edited, or written by older code of the same version) is not used.
    if (!check || !Array.isArray(check.problems)) return undefined;
    this.used.set(key, check);
    return check;
  }

  set(key: string, check: CachedCheck): void {
    this.used.set(key, check);
  }

  /** Writes this run's results (and older ones, up to a limit) in one rename; removes caches of other versions. */
  save(): void {
    try {
      const entries: Record<string, CachedCheck> = Object.fromEntries(this.used);
      let room = Math.max(0, KEEP_AT_LEAST - this.used.size);
      for (const [key, check] of Object.entries(this.previous)) {
        if (room === 0) break;
        if (entries[key]) continue;
        entries[key] = check;
        room -= 1;
      }
      mkdirSync(this.dir, { recursive: true });
      // A run that stops half-way must not leave half a file for the next one: write aside, then rename.
      const partial = `${this.file}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify({ version: this.version, entries } satisfies CacheFile));
      renameSync(partial, this.file);
      for (const name of readdirSync(this.dir)) {
        if (name.startsWith(PREFIX) && name !== path.basename(this.file) && !name.endsWith('.tmp')) unlinkSync(path.join(this.dir, name));
      }
    } catch {
      // A read-only or full disk only costs the next run its head start.
    }
  }
}

function readEntries(file: string, version: string): Record<string, CachedCheck> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    return parsed.version === version && parsed.entries && typeof parsed.entries === 'object' ? parsed.entries : {};
  } catch {
    return {};
  }
}

/**
 * The version of the checking code: a hash of the contents of src/lib (every
 * rule, the parser, the settings) and of the lockfile (the YAML and Markdown
 * libraries). Contents, not file times, so a fresh checkout keeps it.
 */
export function checkerVersion(root = codeRoot()): string {
  const hash = createHash('sha1');
  const visit = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) visit(full);
      else if (/\.(ts|json)$/.test(item.name)) hash.update(`${path.relative(root, full)}\n`).update(readFileSync(full)).update('\n');
    }
  };
  try {
    visit(path.join(root, 'src', 'lib'));
    // An installed package has no lockfile (npm never packs it); its package.json pins every dependency exactly.
    hash.update(readFileSync(path.join(root, existsSync(path.join(root, 'package-lock.json')) ? 'package-lock.json' : 'package.json')));
  } catch {
    // Without the sources there is no version to trust: a unique one means nothing stale is ever read.
    hash.update(`${process.pid}:${Date.now()}:${Math.random()}`);
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * Where the CLI and the build gate keep the cache: beside Astro's and Vite's, in node_modules/.cache of the
 * repository the command runs in (never the installed package's folder, which may be read-only).
 */
export function defaultCacheDir(root = process.cwd()): string {
  return path.join(root, 'node_modules', '.cache', 'hindsight');
}

/** The cache `validate` and the build gate share. */
export function openValidationCache(dir = defaultCacheDir(), version = checkerVersion()): FileValidationCache {
  return new FileValidationCache(dir, version);
}
