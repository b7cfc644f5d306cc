/**
 * scripts/run-bundle.mjs: a command's CommonJS bundle run with V8's code cache (the launcher's `codeCache`
 * commands). The bundle sees what a CommonJS module sees; the cache is written after a run, accepted by the
 * next start, replaced when the source changed or a run compiled clearly more, and never trusted blindly.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { compileBundle, entrySource, keepCodeCache } from '../../scripts/run-bundle.mjs';

const RUNNER = path.resolve(import.meta.dirname, '../../scripts/run-bundle.mjs');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-run-bundle-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Probe {
  filename: string;
  dirname: string;
  self: boolean;
  joined: string;
  answer?: number;
}

/** A function large enough that compiling it adds well over 5% to the cache: called only when `globalThis.__runBundleBig` is set. */
const big = `function big() { let n = 0; ${Array.from({ length: 400 }, (_, i) => `n += (n ^ ${i}) % 7;`).join(' ')} return n; }`;
const bundleText = (extra = '') =>
  `${big}\nglobalThis.__runBundleProbe = { filename: __filename, dirname: __dirname, self: this === module.exports, joined: require('node:path').join('a', 'b'), answer: globalThis.__runBundleBig ? big() : undefined };${extra}\n`;

// Each start runs in a fresh isolate, as each command does in its own process: within one isolate V8 answers a
// second compile of the same source from memory and never reads the cache it is given.
const START = `const { parentPort, workerData } = require('node:worker_threads');
if (workerData.big) globalThis.__runBundleBig = true;
import(workerData.runner).then(({ runBundle }) => parentPort.postMessage({ kept: runBundle(workerData.bundle, workerData.cacheFile), probe: globalThis.__runBundleProbe }));`;

/** Starts the bundle as the launcher does, in a thread of its own; resolves once the thread has exited (and so written the cache). */
function start(bundle: string, cacheFile: string, big = false): Promise<{ kept: number; probe: Probe & { changed?: boolean } }> {
  return new Promise((resolve, reject) => {
    let answer: { kept: number; probe: Probe } | undefined;
    const worker = new Worker(START, { eval: true, workerData: { runner: RUNNER, bundle, cacheFile, big } });
    worker.once('message', (message) => (answer = message));
    worker.once('error', reject);
    worker.once('exit', () => (answer ? resolve(answer) : reject(new Error('the bundle did not run'))));
  });
}

describe('runBundle', () => {
  it('runs the bundle as a CommonJS module: __filename, __dirname, require, this', async () => {
    const bundle = path.join(temp, 'module.cjs');
    writeFileSync(bundle, bundleText());
    expect((await start(bundle, `${bundle}.code-cache`)).probe).toEqual({ filename: bundle, dirname: temp, self: true, joined: path.join('a', 'b') });
  });

  it('writes a cache after the first run, which the next start accepts; a changed source is compiled afresh and cached again', async () => {
    const bundle = path.join(temp, 'cached.cjs');
    const cacheFile = `${bundle}.code-cache`;
    writeFileSync(bundle, bundleText());
    expect((await start(bundle, cacheFile)).kept).toBe(0);
    const written = statSync(cacheFile).size;
    expect(written).toBeGreaterThan(0);
    expect((await start(bundle, cacheFile)).kept).toBe(written);

    writeFileSync(bundle, bundleText('\nglobalThis.__runBundleProbe.changed = true;'));
    const changed = await start(bundle, cacheFile);
    expect(changed.kept).toBe(0);
    expect(changed.probe.changed).toBe(true);
    expect((await start(bundle, cacheFile)).kept).toBe(statSync(cacheFile).size);
  });

  it('replaces a cache when a run compiled clearly more (a first run that printed only --help), not when it compiled the same', async () => {
    const bundle = path.join(temp, 'grows.cjs');
    const cacheFile = `${bundle}.code-cache`;
    writeFileSync(bundle, bundleText());
    await start(bundle, cacheFile);
    const small = statSync(cacheFile);

    const more = await start(bundle, cacheFile, true);
    expect(more.kept).toBe(small.size);
    expect(more.probe.answer).toEqual(expect.any(Number));
    const grown = statSync(cacheFile);
    expect(grown.size).toBeGreaterThan(small.size * 1.05);

    expect((await start(bundle, cacheFile, true)).kept).toBe(grown.size);
    // Not written again: the same file (a write replaces it by renaming a new one over it).
    expect(statSync(cacheFile).ino).toBe(grown.ino);
    expect((await start(bundle, cacheFile)).kept).toBe(grown.size);
    expect(statSync(cacheFile).ino).toBe(grown.ino);
  });

  it('runs with a damaged cache as without one, and replaces it', async () => {
    const bundle = path.join(temp, 'damaged.cjs');
    const cacheFile = `${bundle}.code-cache`;
    writeFileSync(bundle, bundleText());
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));
    const damaged = await start(bundle, cacheFile);
    expect(damaged.kept).toBe(0);
    expect(damaged.probe.filename).toBe(bundle);
    expect(readFileSync(cacheFile).equals(Buffer.alloc(4096, 7))).toBe(false);
    expect((await start(bundle, cacheFile)).kept).toBe(statSync(cacheFile).size);
  });

  it('writes an entry file that a worker thread starts from: the bundle runs as the entry, through the same code cache', async () => {
    const bundle = path.join(temp, 'threads.cjs');
    const cacheFile = `${bundle}.code-cache`;
    const entry = path.join(temp, 'threads.start.cjs');
    // Started from the entry (no workerData), the bundle answers itself; started as the launcher does, `start` answers.
    writeFileSync(bundle, bundleText("\nconst t = require('node:worker_threads'); if (!t.workerData) t.parentPort.postMessage(globalThis.__runBundleProbe);"));
    writeFileSync(entry, entrySource(entry, bundle, cacheFile));
    // As parallel-check.ts starts its threads: `new Worker(import.meta.url)`, which in the bundle names the entry.
    const fromEntry = () =>
      new Promise<Probe>((resolve, reject) => {
        let probe: Probe | undefined;
        const worker = new Worker(entry);
        worker.once('message', (message: Probe) => (probe = message));
        worker.once('error', reject);
        worker.once('exit', () => (probe ? resolve(probe) : reject(new Error('the bundle did not run'))));
      });
    expect(await fromEntry()).toEqual({ filename: entry, dirname: temp, self: true, joined: path.join('a', 'b') });
    // The thread wrote the cache the launcher's own start then accepts, and so does the next thread (the same file).
    const written = statSync(cacheFile);
    expect((await start(bundle, cacheFile)).kept).toBe(written.size);
    await fromEntry();
    expect(statSync(cacheFile).ino).toBe(written.ino);
  });

  it('never fails the command when the cache cannot be written', () => {
    const bundle = path.join(temp, 'unwritable.cjs');
    writeFileSync(bundle, bundleText());
    const { script } = compileBundle(bundle, path.join(temp, 'missing', 'cache'));
    expect(() => keepCodeCache(script, path.join(temp, 'missing', 'cache'), 0)).not.toThrow();
  });
});
