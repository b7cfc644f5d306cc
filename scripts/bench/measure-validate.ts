/**
 * `npm run validate` on the generated folder against the naive baseline
 * (naive-validate.ts), each a cold process started the same way
 * (`node --import tsx …`, no npm/npx start-up), alternating run by run so
 * machine noise falls on both alike. The headline runs check every file
 * (`--no-cache`, as a first run or a fresh CI checkout does); runs that find
 * every file unchanged in validate's result cache are measured after them.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from '../../src/lib/postmortem/stats.ts';
import { REPO_ROOT } from './sites.ts';

const NAIVE = fileURLToPath(new URL('./naive-validate.ts', import.meta.url));
/** `npm run validate` is `node scripts/launch.mjs validate`: time exactly that. */
const LAUNCH = fileURLToPath(new URL('../launch.mjs', import.meta.url));

export interface ValidateMeasurement {
  runsMs: number[];
  medianMs: number;
  naiveRunsMs: number[];
  naiveMedianMs: number;
  /** Naive median over validate median. */
  speedup: number;
  /** Runs on an unchanged archive with the result cache filled (files read and hashed, not parsed). */
  cachedRunsMs?: number[];
  cachedMedianMs?: number;
  /** `validate --help`: process and module start-up alone, included in every run. */
  startupMedianMs: number;
  /** validate exited 0 on every run (the generated archive is valid). */
  valid: boolean;
  failure?: string;
}

/** Runs each command `runs` times on `dir`. */
export function measureValidate(dir: string, runs: number): ValidateMeasurement {
  const validate: number[] = [];
  const naive: number[] = [];
  const startup: number[] = [];
  let failure: string | undefined;
  for (let run = 0; run < runs; run += 1) {
    const ours = timed([LAUNCH, 'validate', dir, '--no-cache']);
    validate.push(ours.ms);
    if (ours.status !== 0) failure ??= `validate exited ${ours.status}: ${ours.output.slice(-500)}`;
    const theirs = timed(['--import', 'tsx', NAIVE, dir]);
    naive.push(theirs.ms);
    if (theirs.status !== 0) failure ??= `naive baseline exited ${theirs.status}: ${theirs.output.slice(-500)}`;
    startup.push(timed([LAUNCH, 'validate', '--help']).ms);
  }
  const fill = timed([LAUNCH, 'validate', dir]);
  if (fill.status !== 0) failure ??= `validate exited ${fill.status}: ${fill.output.slice(-500)}`;
  const cached = Array.from({ length: runs }, () => timed([LAUNCH, 'validate', dir]).ms);
  const medianMs = median(validate)!;
  const naiveMedianMs = median(naive)!;
  return {
    runsMs: validate,
    medianMs,
    naiveRunsMs: naive,
    naiveMedianMs,
    speedup: naiveMedianMs / medianMs,
    cachedRunsMs: cached,
    cachedMedianMs: median(cached)!,
    startupMedianMs: median(startup)!,
    valid: failure === undefined,
    ...(failure ? { failure } : {}),
  };
}

function timed(args: string[]): { ms: number; status: number | null; output: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, status: child.status, output: `${child.stdout}${child.stderr}` };
}
