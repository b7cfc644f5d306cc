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
import { readSource } from '../../src/lib/postmortem/source.ts';
import { checkOne, type CheckedFile, type CheckMany } from '../../src/lib/postmortem/validate.ts';

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

/**
 * Checks the files validation hands it (those the cache did not answer) on
 * `threads` threads, or as many as {@link defaultThreads} says for their number.
 * On one thread the texts already read are checked as they are; threads read their share again.
 */
export function parallelChecker(cwd: string, threads?: number): CheckMany {
  return async (files) => {
    const count = Math.min(threads ?? defaultThreads(files.length), files.length);
    if (count < 2) return files.map(checkOne);
    return checkFiles(files.map((file) => file.path), cwd, count);
  };
}

/** Reads, parses and checks `files` (paths relative to `cwd` or absolute), in the given order, on `threads` threads. */
export async function checkFiles(files: readonly string[], cwd: string, threads = defaultThreads(files.length)): Promise<CheckedFile[]> {
  threads = Math.min(threads, files.length);
  if (threads < 2) return checkShare(files, cwd);
  const size = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, index) => files.slice(index * size, (index + 1) * size));
  const [own, ...others] = shares;
  const threadShares = others.map((share) => inWorker(share, cwd));
  // The shares are in file order. Every share runs to its end; a file that cannot be read fails the run as the first such file in order would.
  const settled = await Promise.allSettled([here(() => checkShare(own!, cwd)), ...threadShares]);
  const failed = settled.find((share) => share.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.flatMap((share) => (share.status === 'fulfilled' ? share.value : []));
}

function checkShare(files: readonly string[], cwd: string): CheckedFile[] {
  return files.map((file) => checkOne({ path: file, source: readSource(path.resolve(cwd, file)) }));
}

/** `run` as a promise: its throw becomes a rejection. */
function here<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One share in a worker thread; if the thread cannot start (no TypeScript loader there, say), the share runs here. */
function inWorker(files: string[], cwd: string): Promise<CheckedFile[]> {
  return new Promise((resolve, reject) => {
    const job: Job = { kind: JOB, files, cwd };
    let settled = false;
    const settle = (result: () => CheckedFile[]) => {
      // The worker exits after answering: only check here if it never answered.
      if (!settled) here(result).then(resolve, reject);
      settled = true;
    };
    const checkHere = () => checkShare(files, cwd);
    try {
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      worker.once('message', (result: CheckedFile[]) => settle(() => result));
      worker.once('error', () => settle(checkHere));
      worker.once('exit', () => settle(checkHere));
    } catch {
      settle(checkHere);
    }
  });
}

if (!isMainThread && (workerData as Job | undefined)?.kind === JOB) {
  const job = workerData as Job;
  parentPort!.postMessage(checkShare(job.files, job.cwd));
}
