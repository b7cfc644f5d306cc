/**
 * `checkFiles` with a result cache: files whose path and text are unchanged
 * since an earlier run take their problems from the cache; only the others
 * are parsed and checked (on several threads when there are many).
 */
import path from 'node:path';
import { config, mdxMode } from '../../src/lib/config.ts';
import { mayReferenceImages } from '../../src/lib/postmortem/assets.ts';
import { slugOf } from '../../src/lib/postmortem/file-naming.ts';
import { readSource, type Source } from '../../src/lib/postmortem/source.ts';
import { recurrenceReferencesInText } from '../../src/lib/postmortem/learning/recurrence-references.ts';
import { checkFiles, checkText, defaultThreads, type CheckedFile } from './parallel-check.ts';
import type { ResultCache } from './result-cache.ts';

export interface CheckRun {
  checked: CheckedFile[];
  /** How many files came from the cache. */
  cached: number;
}

/** Checks `files` (paths relative to `cwd` or absolute), in the given order; `threads` as for {@link checkFiles}. */
export async function checkFilesWithCache(files: readonly string[], cwd: string, cache: ResultCache | null, threads?: number): Promise<CheckRun> {
  if (!cache) return { checked: await checkFiles(files, cwd, threads), cached: 0 };
  const known = new Map<string, CheckedFile>();
  const pending: { file: string; source: Source; key: string }[] = [];
  // Results also depend on the size limits (set in the environment) and on what reading found (a link has no text).
  const settings = JSON.stringify(config.limits);
  for (const file of files) {
    const source = readSource(path.resolve(cwd, file));
    // MDX files are judged by the MDX mode; files with images by the image files too, which the key cannot see.
    const key = cache.keyOf(file, `${settings}\0${mdxMode()}\0${JSON.stringify(source.problem)}\0${source.text}`);
    const problems = mayReferenceImages(source.text) ? undefined : cache.get(key);
    if (problems) known.set(file, { path: file, slug: slugOf(file), references: recurrenceReferencesInText(source.text), problems });
    else pending.push({ file, source, key });
  }
  const cached = known.size;
  const threadCount = threads ?? defaultThreads(pending.length);
  // On one thread the texts already read are checked as they are; threads read their share again.
  const fresh = threadCount >= 2 ? await checkFiles(pending.map(({ file }) => file), cwd, threadCount) : pending.map(({ file, source }) => checkText(file, source));
  fresh.forEach((result, index) => {
    known.set(result.path, result);
    cache.set(pending[index]!.key, result.problems);
  });
  cache.save();
  return { checked: files.map((file) => known.get(file)!), cached };
}
