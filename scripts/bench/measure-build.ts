/**
 * Runs a build command and measures its wall time and peak memory.
 * Peak memory comes from GNU time (`/usr/bin/time -v`, Debian package `time`)
 * when present: the largest process's maximum resident set. A poll of
 * /proc adds the whole process tree's resident set (Astro plus the esbuild
 * service it spawns), sampled every 100 ms, so the figure exists even without GNU time.
 */
import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';
import { median } from '../../src/lib/postmortem/stats.ts';

export const GNU_TIME = '/usr/bin/time';

export interface CommandMeasurement {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** Largest single process's peak RSS in MiB (GNU time), or null without it. */
  peakRssMiB: number | null;
  /** User plus system CPU time in ms (GNU time), or null without it. */
  cpuMs?: number | null;
  /** Peak of the summed RSS of the whole process tree in MiB (sampled), or null off Linux. */
  treePeakRssMiB: number | null;
  /** Where the command's output went. */
  logFile: string;
  /** When this is the median of several runs: each run's wall time, in the order run. */
  runsMs?: number[];
}

/**
 * Several runs of one build as one measurement: the median wall time and the
 * median peaks (each median on its own), ok only if every run was. The log is the first failed run's, else the last.
 */
export function medianOfRuns(runs: readonly CommandMeasurement[]): CommandMeasurement {
  if (runs.length === 0) throw new Error('medianOfRuns needs at least one run');
  const failed = runs.find((run) => !run.ok);
  const peaks = (pick: (run: CommandMeasurement) => number | null) => {
    const values = runs.map(pick).filter((value): value is number => value !== null);
    return values.length ? median(values)! : null;
  };
  return {
    ok: !failed,
    exitCode: failed ? failed.exitCode : 0,
    wallMs: median(runs.map((run) => run.wallMs))!,
    peakRssMiB: peaks((run) => run.peakRssMiB),
    cpuMs: peaks((run) => run.cpuMs ?? null),
    treePeakRssMiB: peaks((run) => run.treePeakRssMiB),
    logFile: (failed ?? runs[runs.length - 1]!).logFile,
    runsMs: runs.map((run) => run.wallMs),
  };
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Kill the command after this long. */
  timeoutMs?: number;
}

/** Runs `command args…` to completion, sending its output to `logFile`. */
export async function measureCommand(command: string, args: string[], options: RunOptions): Promise<CommandMeasurement> {
  const useTime = existsSync(GNU_TIME);
  const timeFile = `${options.logFile}.time`;
  const [file, argv] = useTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  const poll = pollTreeRss(child.pid!);
  const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : null;
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - started;
  if (timer) clearTimeout(timer);
  closeSync(log);
  const treePeak = poll.stop();
  return {
    ok: exitCode === 0,
    exitCode,
    wallMs,
    peakRssMiB: useTime ? maxRssFromTime(timeFile) : null,
    cpuMs: useTime ? cpuFromTime(timeFile) : null,
    treePeakRssMiB: treePeak === null ? null : treePeak / 1024 / 1024,
    logFile: options.logFile,
  };
}

function maxRssFromTime(timeFile: string): number | null {
  try {
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function cpuFromTime(timeFile: string): number | null {
  try {
    const text = readFileSync(timeFile, 'utf8');
    const user = /User time \(seconds\): ([\d.]+)/.exec(text);
    const system = /System time \(seconds\): ([\d.]+)/.exec(text);
    return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
  } catch {
    return null;
  }
}

/** Samples the summed RSS (bytes) of `rootPid` and its descendants until stopped; null where /proc is absent. */
function pollTreeRss(rootPid: number): { stop: () => number | null } {
  if (!existsSync('/proc/self/stat')) return { stop: () => null };
  const pageSize = 4096;
  let peak = 0;
  const sample = () => {
    const children = new Map<number, number[]>();
    const rss = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        // Fields after the parenthesised command name: state ppid … (rss is field 24 overall).
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ppid = Number(fields[1]);
        rss.set(Number(name), Number(fields[21]) * pageSize);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
      } catch {
        // The process ended between listing and reading.
      }
    }
    let total = 0;
    const stack = [rootPid];
    while (stack.length) {
      const pid = stack.pop()!;
      total += rss.get(pid) ?? 0;
      stack.push(...(children.get(pid) ?? []));
    }
    peak = Math.max(peak, total);
  };
  const interval = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(interval);
      return peak;
    },
  };
}
