/**
 * Checks many files on several threads: each thread reads, parses and runs the
 * file rules on the files it takes; the caller adds the archive rules. A thread
 * has to load every module again before it checks anything, so on this 2-core
 * machine one thread wins up to about 2,000 files (measured in docs/PERFORMANCE.md):
 * by default a thread is added per 1,250 files, up to the number of cores.
 * The files are cut into chunks that the threads take in turn from a shared
 * counter, so a thread that starts late or is slowed down by other work on
 * the machine takes fewer of them, and all finish together.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import type { CheckSettings } from '../../src/lib/postmortem/safety/limits.ts';
import { checkOne, type CheckedFile, type CheckMany } from '../../src/lib/postmortem/validation/validate.ts';

const MIN_FILES_PER_THREAD = 1250;
/** Files per chunk: small enough to even out the threads' ends, large enough that taking one costs nothing. */
const CHUNK = 50;
const JOB = 'hindsight:check-files';

interface Job {
  kind: typeof JOB;
  files: readonly string[];
  cwd: string;
  /** The entry point's settings: a thread judges under them (it reads no environment of its own). */
  settings: CheckSettings;
  /** One Int32: the next chunk to take. */
  next: SharedArrayBuffer;
}

/** Chunks the threads checked, by index. A thread stops at a chunk it cannot check (a file it cannot read). */
type Done = Map<number, CheckedFile[]>;

/** One chunk's results, posted by a worker thread as soon as it has checked it. */
interface Chunk {
  index: number;
  results: CheckedFile[];
}
/** A worker thread's last message: it took every chunk it could. */
const FINISHED = 'finished';

/** How many threads check `fileCount` files when the caller does not say. */
export function defaultThreads(fileCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(fileCount / MIN_FILES_PER_THREAD)));
}

/**
 * Checks the files validation hands it (those the cache did not answer) on
 * `threads` threads, or as many as {@link defaultThreads} says for their number.
 * On one thread the texts already read are checked as they are; threads read the files they take.
 */
export function parallelChecker(cwd: string, settings: CheckSettings, threads?: number): CheckMany {
  return async (files) => {
    const count = Math.min(threads ?? defaultThreads(files.length), files.length);
    if (count < 2) return files.map((file) => checkOne(file, settings));
    return checkFiles(files.map((file) => file.path), cwd, settings, count);
  };
}

/** Reads, parses and checks `files` (paths relative to `cwd` or absolute), in the given order, on `threads` threads. */
export async function checkFiles(files: readonly string[], cwd: string, settings: CheckSettings, threads = defaultThreads(files.length)): Promise<CheckedFile[]> {
  threads = Math.min(threads, files.length);
  if (threads < 2) return checkShare(files, cwd, settings);
  const job: Job = { kind: JOB, files, cwd, settings, next: new SharedArrayBuffer(4) };
  const done: Done = new Map();
  const others = Array.from({ length: threads - 1 }, () => inWorker(job, done));
  await takeChunks(job, (index, results) => done.set(index, results));
  await Promise.all(others);
  // Chunks no thread finished (a worker that did not start, a file that cannot be read) are checked here, in
  // order: a file that cannot be read fails the run as the first such file in order would.
  const results: CheckedFile[] = [];
  for (let index = 0; index * CHUNK < files.length; index += 1) results.push(...(done.get(index) ?? checkShare(chunkOf(files, index), cwd, settings)));
  return results;
}

function chunkOf(files: readonly string[], index: number): readonly string[] {
  return files.slice(index * CHUNK, (index + 1) * CHUNK);
}

/**
 * Takes chunks from the shared counter and checks them until none is left or one fails, handing each chunk's
 * results to `keep` as it is checked. It gives way to the event loop between chunks: the main thread takes in the
 * other threads' chunks (posted as each is finished; copying them into this thread is ~0.2 s of its time at 10,000
 * files) while it still has chunks to check, not after every check, and so checks fewer itself.
 */
async function takeChunks(job: Job, keep: (index: number, results: CheckedFile[]) => void): Promise<void> {
  const next = new Int32Array(job.next);
  for (let index = Atomics.add(next, 0, 1); index * CHUNK < job.files.length; index = Atomics.add(next, 0, 1)) {
    try {
      keep(index, checkShare(chunkOf(job.files, index), job.cwd, job.settings));
    } catch {
      return; // Checked again in order by the caller, which reports the error.
    }
    await new Promise(setImmediate);
  }
}

function checkShare(files: readonly string[], cwd: string, settings: CheckSettings): CheckedFile[] {
  return files.map((file) => checkOne({ path: file, source: readSource(path.resolve(cwd, file), settings.limits.fileBytes.value) }, settings));
}

/**
 * A worker thread taking chunks, each put in `done` as it arrives; settles when the thread has finished. If it
 * cannot start (no TypeScript loader there, say), or stops, the chunks it did not send are the caller's to check.
 */
function inWorker(job: Job, done: Done): Promise<void> {
  return new Promise((resolve) => {
    try {
      const worker = new Worker(new URL(import.meta.url), { workerData: job });
      worker.on('message', (chunk: Chunk | typeof FINISHED) => {
        if (chunk === FINISHED) resolve();
        else done.set(chunk.index, chunk.results);
      });
      worker.once('error', () => resolve());
      worker.once('exit', () => resolve());
    } catch {
      resolve();
    }
  });
}

if (!isMainThread && (workerData as Job | undefined)?.kind === JOB) {
  void takeChunks(workerData as Job, (index, results) => parentPort!.postMessage({ index, results } satisfies Chunk)).then(() => parentPort!.postMessage(FINISHED));
}
