/**
 * `checkFiles` with a result cache: files whose path and text are unchanged
 * since an earlier run take their problems from the cache; only the others
 * are parsed and checked (on several threads when there are many).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { slugOf } from '../../src/lib/postmortem/file-name.ts';
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
  const pending: { file: string; text: string; key: string }[] = [];
  for (const file of files) {
    const text = readFileSync(path.resolve(cwd, file), 'utf8');
    const key = cache.keyOf(file, text);
    const problems = cache.get(key);
    if (problems) known.set(file, { path: file, slug: slugOf(file), references: recurrenceReferencesInText(text), problems });
    else pending.push({ file, text, key });
  }
  const cached = known.size;
  const threadCount = threads ?? defaultThreads(pending.length);
  // On one thread the texts already read are checked as they are; threads read their share again.
  const fresh = threadCount >= 2 ? await checkFiles(pending.map(({ file }) => file), cwd, threadCount) : pending.map(({ file, text }) => checkText(file, text));
  fresh.forEach((result, index) => {
    known.set(result.path, result);
    cache.set(pending[index]!.key, result.problems);
  });
  cache.save();
  return { checked: files.map((file) => known.get(file)!), cached };
}
