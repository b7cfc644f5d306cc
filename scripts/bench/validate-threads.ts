/**
 * `npx tsx scripts/bench/validate-threads.ts <folder> [runs] [jobs…]` (a maintainer's measurement): the CPU time
 * of each thread of a cold `validate <folder> --no-cache`, for each `--jobs` value taking turns (default: 1 and
 * the command's own choice). On a shared machine wall times say little, but a thread's own CPU time still
 * shows the critical path a quiet machine would see: with the files shared out, the run ends when its busiest
 * thread does. Each thread reads its user + system time from /proc/thread-self/stat (Linux, 10 ms ticks)
 * as it exits; figures are printed as they come, then the medians.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from '../../src/lib/postmortem/stats.ts';
import { REPO_ROOT } from './sites.ts';

/** Loaded with `node -r` (worker threads inherit it): prints `thread <main|id> <ms>` on stderr at the thread's exit. */
const PRELOAD = `const { readFileSync, writeSync } = require('node:fs');
const { isMainThread, threadId } = require('node:worker_threads');
process.on('exit', () => {
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
  writeSync(2, \`hindsight-thread \${isMainThread ? 'main' : threadId} \${(Number(fields[11]) + Number(fields[12])) * 10}\\n\`);
});
`;

const [folder, runsArg, ...jobsArgs] = process.argv.slice(2);
if (!folder) {
  console.error('Usage: npx tsx scripts/bench/validate-threads.ts <folder> [runs] [jobs…]  (jobs `auto`: no --jobs flag)');
  process.exit(2);
}
const runs = Number(runsArg ?? 5);
const jobs = jobsArgs.length ? jobsArgs : ['1', 'auto'];
const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-threads-'));
const preload = path.join(temp, 'thread-cpu.cjs');
writeFileSync(preload, PRELOAD);

const launch = (args: string[]) => spawnSync(process.execPath, ['-r', preload, 'scripts/launch.mjs', 'validate', ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
// The first start after a code change builds the bundle and its code cache: not measured.
launch(['--help']);
const busiest = new Map<string, number[]>(jobs.map((value) => [value, []]));
console.log(`${folder}, ${runs} runs per setting; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
for (let run = 0; run < runs; run += 1) {
  for (const value of jobs) {
    const child = launch([path.resolve(folder), '--no-cache', '--format', 'json', ...(value === 'auto' ? [] : ['--jobs', value])]);
    const threads = [...child.stderr.matchAll(/^hindsight-thread (\S+) (\d+)$/gm)].map(([, name, ms]) => ({ name: name!, ms: Number(ms) }));
    busiest.get(value)!.push(Math.max(...threads.map((thread) => thread.ms)));
    console.log(`jobs ${value.padEnd(4)} exit ${child.status}  ${threads.map((thread) => `${thread.name} ${thread.ms} ms`).join(', ')}`);
  }
}
for (const [value, times] of busiest) console.log(`jobs ${value.padEnd(4)} busiest thread, median: ${median(times)} ms CPU`);
console.log(`load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
rmSync(temp, { recursive: true, force: true });
