/**
 * Checks many files on several threads: each thread reads, parses and runs the
 * file rules on its share; the caller adds the archive rules. A thread has to
 * load every module again before it checks anything, so on this 2-core machine
 * one thread wins up to about 2,000 files (measured in docs/PERFORMANCE.md):
 * by default a thread is added per 1,250 files, up to the number of cores.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { recurrenceReferences } from '../../src/lib/postmortem/learning/recurrence-references.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parse.ts';
import { readSource, type Source } from '../../src/lib/postmortem/source.ts';
import type { ArchiveEntry, Problem } from '../../src/lib/postmortem/rules/all-rules.ts';
import { checkFile } from '../../src/lib/postmortem/validate.ts';

export type CheckedFile = ArchiveEntry & { problems: Problem[] };

const MIN_FILES_PER_THREAD = 1250;
const JOB = 'hindsight:check-files';

interface Job {
  kind: typeof JOB;
  files: string[];
  cwd: string;
}

/** How many threads check `fileCount` files when the caller does not say. */
export function defaultThreads(fileCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/** Reads, parses and checks `files` (paths relative to `cwd` or absolute), in the given order, on `threads` threads. */
export async function checkFiles(files: readonly string[], cwd: string, threads = defaultThreads(files.length)): Promise<CheckedFile[]> {
  threads = Math.min(threads, files.length);
  if (threads < 2) return checkShare(files, cwd);
  const size = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, index) => files.slice(index * size, (index + 1) * size));
  const [own, ...others] = shares;
  const results = await Promise.all([...others.map((share) => inWorker(share, cwd)), Promise.resolve(checkShare(own!, cwd))]);
  return [...results.at(-1)!, ...results.slice(0, -1).flat()].sort(byOrder(files));
}

function checkShare(files: readonly string[], cwd: string): CheckedFile[] {
  return files.map((file) => checkText(file, readSource(path.resolve(cwd, file))));
}

/** Parses and checks one file's text (`file` as it is to be reported), as read from disk or given. */
export function checkText(file: string, source: string | Source): CheckedFile {
  const parsed = typeof source === 'string' ? parsePostmortem(file, source) : parsePostmortem(file, source.text, source);
  return { path: parsed.path, slug: parsed.slug, references: recurrenceReferences(parsed), problems: checkFile(parsed) };
}

/** One share in a worker thread; if the thread cannot start (no TypeScript loader there, say), the share runs here. */
function inWorker(files: string[], cwd: string): Promise<CheckedFile[]> {
  return new Promise((resolve) => {
    const job: Job = { kind: JOB, files, cwd };
    let settled = false;
    const settle = (result: () => CheckedFile[]) => {
      // The worker exits after answering: only check here if it never answered.
      if (!settled) resolve(result());
      settled = true;
    };
    const here = () => checkShare(files, cwd);
    try {
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      worker.once('message', (result: CheckedFile[]) => settle(() => result));
      worker.once('error', () => settle(here));
      worker.once('exit', () => settle(here));
    } catch {
      settle(here);
    }
  });
}

function byOrder(files: readonly string[]) {
  const position = new Map(files.map((file, index) => [file, index]));
  return (a: CheckedFile, b: CheckedFile) => position.get(a.path)! - position.get(b.path)!;
}

if (!isMainThread && (workerData as Job | undefined)?.kind === JOB) {
  const job = workerData as Job;
  parentPort!.postMessage(checkShare(job.files, job.cwd));
}
