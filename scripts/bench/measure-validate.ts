/**
 * `npm run validate` on a generated folder, exactly as CI runs it: through npm
 * (its own start-up included), as a cold process with `--no-cache`, so every
 * file is parsed and checked as on a first run or a fresh CI checkout. Runs on
 * the unchanged archive with validate's result cache filled are measured after them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from '../../src/lib/postmortem/stats.ts';
import { GNU_TIME } from './measure-build.ts';
import { REPO_ROOT } from './sites.ts';

export interface ValidateMeasurement {
  /** Post-mortems in the folder. */
  count: number;
  runsMs: number[];
  medianMs: number;
  /** User plus system CPU time of each cold run (npm and its children, GNU time), when GNU time is present. */
  cpuRunsMs?: number[];
  cpuMedianMs?: number;
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
  const cpu: number[] = [];
  const startup: number[] = [];
  let failure: string | undefined;
  const check = (run: ReturnType<typeof timed>) => {
    if (run.status !== 0) failure ??= `validate exited ${run.status}: ${run.output.slice(-500)}`;
    return run.ms;
  };
  // The launcher builds its bundle on the first start after a code change (as once per CI cache): not timed.
  timed(['--help']);
  for (let run = 0; run < runs; run += 1) {
    const run = timed([dir, '--no-cache']);
    cold.push(check(run));
    if (run.cpuMs !== null) cpu.push(run.cpuMs);
    startup.push(timed(['--help']).ms);
  }
  check(timed([dir]));
  const cached = Array.from({ length: runs }, () => check(timed([dir])));
  return {
    count,
    runsMs: cold,
    medianMs: median(cold)!,
    ...(cpu.length ? { cpuRunsMs: cpu, cpuMedianMs: median(cpu)! } : {}),
    cachedRunsMs: cached,
    cachedMedianMs: median(cached)!,
    startupMedianMs: median(startup)!,
    valid: failure === undefined,
    ...(failure ? { failure } : {}),
  };
}

function timed(args: string[]): { ms: number; cpuMs: number | null; status: number | null; output: string } {
  const npm = ['npm', 'run', '--silent', 'validate', '--', ...args];
  const timeFile = path.join(os.tmpdir(), `hindsight-bench-validate-${process.pid}.time`);
  const [command, ...rest] = existsSync(GNU_TIME) ? [GNU_TIME, '-f', '%U %S', '-o', timeFile, ...npm] : npm;
  const started = performance.now();
  const child = spawnSync(command!, rest, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  let cpuMs: number | null = null;
  if (command === GNU_TIME) {
    const [user, system] = readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
    cpuMs = user !== undefined && system !== undefined ? (user + system) * 1000 : null;
    rmSync(timeFile, { force: true });
  }
  return { ms, cpuMs, status: child.status, output: `${child.stdout}${child.stderr}` };
}
