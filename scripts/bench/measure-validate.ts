/**
 * `npm run validate` on a generated folder, exactly as CI runs it: through npm
 * (its own start-up included), as a cold process with `--no-cache`, so every
 * file is parsed and checked as on a first run or a fresh CI checkout. Runs on
 * the unchanged archive with validate's result cache filled are measured after them.
 */
import { spawnSync } from 'node:child_process';
import { median } from '../../src/lib/postmortem/stats.ts';
import { REPO_ROOT } from './sites.ts';

export interface ValidateMeasurement {
  /** Post-mortems in the folder. */
  count: number;
  runsMs: number[];
  medianMs: number;
  /** Runs on an unchanged archive with the result cache filled (files read and hashed, not parsed). */
  cachedRunsMs?: number[];
  cachedMedianMs?: number;
  /** `npm run validate -- --help`: npm, process and module start-up alone, included in every run. */
  startupMedianMs: number;
  /** validate exited 0 on every run (the generated archive is valid). */
  valid: boolean;
  failure?: string;
}

/** Runs `npm run validate -- <dir> --no-cache` `runs` times on `dir` (holding `count` post-mortems). */
export function measureValidate(dir: string, count: number, runs: number): ValidateMeasurement {
  const cold: number[] = [];
  const startup: number[] = [];
  let failure: string | undefined;
  const check = (run: ReturnType<typeof timed>) => {
    if (run.status !== 0) failure ??= `validate exited ${run.status}: ${run.output.slice(-500)}`;
    return run.ms;
  };
  // The launcher builds its bundle on the first start after a code change (as once per CI cache): not timed.
  timed(['--help']);
  for (let run = 0; run < runs; run += 1) {
    cold.push(check(timed([dir, '--no-cache'])));
    startup.push(timed(['--help']).ms);
  }
  check(timed([dir]));
  const cached = Array.from({ length: runs }, () => check(timed([dir])));
  return {
    count,
    runsMs: cold,
    medianMs: median(cold)!,
    cachedRunsMs: cached,
    cachedMedianMs: median(cached)!,
    startupMedianMs: median(startup)!,
    valid: failure === undefined,
    ...(failure ? { failure } : {}),
  };
}

function timed(args: string[]): { ms: number; status: number | null; output: string } {
  const started = performance.now();
  const child = spawnSync('npm', ['run', '--silent', 'validate', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { ms: performance.now() - started, status: child.status, output: `${child.stdout}${child.stderr}` };
}
