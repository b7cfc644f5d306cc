/** Reads a folder of post-mortems from disk. */
import { lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { listPostmortemFiles } from './archive-files.ts';
import { displayPath } from './display-path.ts';
import { isSafeSlug } from '../model/file-naming.ts';
import { toPostmortem, type Postmortem } from '../model/model.ts';
import { parsePostmortem, type ParsedPostmortem } from '../parsing/parse.ts';
import { readSource } from '../parsing/source.ts';
import { DEFAULT_CHECK_SETTINGS, DEFAULT_SIZE_LIMITS, type CheckSettings } from '../safety/limits.ts';
import { validateFiles, type ValidationCache, type ValidationResult } from '../validation/validate.ts';

export { listPostmortemFiles };

/**
 * Expands files and folders into post-mortem files, in the order given.
 * Paths are kept as the user wrote them (folder entries are joined onto them).
 */
export function expandPaths(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const given of paths) {
    let stats;
    try {
      stats = statSync(given);
    } catch {
      missing.push(given);
      continue;
    }
    if (stats.isDirectory()) files.push(...listPostmortemFiles(given));
    else files.push(given);
  }
  return { files: [...new Set(files)], missing };
}

/**
 * Reads and parses each file, never through a link (see source.ts) nor over `maxBytes`;
 * `files` may be relative to `cwd` and are reported as given.
 */
export function readPostmortems(files: readonly string[], cwd = process.cwd(), maxBytes = DEFAULT_SIZE_LIMITS.fileBytes.value): ParsedPostmortem[] {
  return files.map((file) => readPostmortem(file, cwd, maxBytes));
}

export function readPostmortem(file: string, cwd = process.cwd(), maxBytes = DEFAULT_SIZE_LIMITS.fileBytes.value): ParsedPostmortem {
  const source = readSource(path.resolve(cwd, file), maxBytes);
  return parsePostmortem(file, source.text, source);
}


export { displayPath };

export interface Archive {
  result: ValidationResult;
  /** Post-mortems whose frontmatter is valid, newest first. */
  postmortems: Postmortem[];
}

/**
 * Archives already read, by folder. Kept on globalThis because Astro runs the
 * build gate (loaded by Node) and the pages (bundled by Vite) in one process
 * as two module instances: sharing the cache means the archive is parsed once per build.
 */
const loaded: Map<string, { signature: string; archive: Archive; checkedAt: number }> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('hindsight.archives')
] ??= new Map()) as never;

/**
 * How long a reading is trusted without looking at the files again. Every page of a build asks for the
 * archive; re-reading a thousand file sizes per page would make a build quadratic. `astro dev` still sees
 * an edit on the next request after this.
 */
const TRUST_MS = 1000;

/**
 * Reads, validates and models every post-mortem in `dir` under `settings` (the entry point's); reuses the last
 * reading while no file changed. `cache`: validation's (the build gate passes the CLI's).
 */
export function loadArchive(dir: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, cache?: ValidationCache): Archive {
  // Settings are part of the key: the same folder judged under other limits is another reading.
  const key = `${dir}\0${JSON.stringify(settings)}`;
  const cached = loaded.get(key);
  if (cached && Date.now() - cached.checkedAt < TRUST_MS) return cached.archive;
  const files = listPostmortemFiles(dir);
  const signature = files.map((file) => {
    const stats = lstatSync(file);
    return `${file}:${stats.size}:${stats.mtimeMs}:${stats.mode}`;
  }).join('|');
  if (cached?.signature === signature) {
    cached.checkedAt = Date.now();
    return cached.archive;
  }
  const read = files.map((file) => ({ path: displayPath(file), source: readSource(file, settings.limits.fileBytes.value) }));
  const parsed = read.map(({ path, source }) => parsePostmortem(path, source.text, source));
  const result = validateFiles(read.map((file, at) => ({ ...file, parsed: parsed[at] })), { cache, settings });
  const postmortems = parsed
    .map((pm) => toPostmortem(pm))
    // A slug off the convention (`file-name` refuses it) never becomes a page, even in a build that bypasses validation.
    .filter((pm): pm is Postmortem => pm !== null && isSafeSlug(pm.slug))
    .sort(newestFirst);
  const archive = { result, postmortems };
  loaded.set(key, { signature, archive, checkedAt: Date.now() });
  return archive;
}

/** Newest incident first; ties broken by start time, then slug, so the order is stable. */
export function newestFirst(a: Postmortem, b: Postmortem): number {
  return b.meta.date.localeCompare(a.meta.date) || (b.meta.started_at ?? '').localeCompare(a.meta.started_at ?? '') || a.slug.localeCompare(b.slug);
}
