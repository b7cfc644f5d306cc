/**
 * `npx tsx scripts/migrate-timing.ts [rounds]` (a maintainer's measurement, not a command) — how long migrate takes per
 * file on the plain-form fixtures (target: under 50 ms). Measured here, not in
 * tests: timing assertions flake on a busy machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migratePlainForm } from '../src/lib/postmortem/migrate/migrate-plain-form.ts';

const dirs = ['tests/fixtures/plain', 'tests/fixtures/plain/agent-written', 'tests/fixtures/plain/agent-drift'];
const files = dirs.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.md')).map((file) => path.join(dir, file)));
const texts = files.map((file) => ({ file, raw: readFileSync(file, 'utf8') }));
const rounds = Number(process.argv[2] ?? 20);

for (const { file, raw } of texts) migratePlainForm(raw, file); // warm-up: module loading and JIT are not per-file costs
const perFile = new Map<string, number[]>();
// CPU time beside wall time: on a shared machine the wall clock mostly measures the other processes.
const cpuPerFile = new Map<string, number[]>();
for (let round = 0; round < rounds; round += 1) {
  for (const { file, raw } of texts) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    migratePlainForm(raw, file);
    const used = process.cpuUsage(cpu);
    perFile.set(file, [...(perFile.get(file) ?? []), performance.now() - start]);
    cpuPerFile.set(file, [...(cpuPerFile.get(file) ?? []), (used.user + used.system) / 1000]);
  }
}
const cpuMedians = [...cpuPerFile.values()].map((times) => times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!).sort((a, b) => a - b);
const medians = [...perFile.entries()].map(([file, times]) => ({ file, median: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, max: Math.max(...times) }));
const all = medians.map((entry) => entry.median).sort((a, b) => a - b);
console.log(`${files.length} files × ${rounds} rounds (migrate + validate of the result, per file):`);
for (const entry of [...medians].sort((a, b) => b.median - a.median).slice(0, 3)) console.log(`  slow: ${path.basename(entry.file)} median ${entry.median.toFixed(2)} ms, max ${entry.max.toFixed(2)} ms`);
console.log(`  median ${all[Math.floor(all.length / 2)]!.toFixed(2)} ms, slowest file's median ${all[all.length - 1]!.toFixed(2)} ms, worst single run ${Math.max(...medians.map((entry) => entry.max)).toFixed(2)} ms`);
console.log(`  CPU time: median ${cpuMedians[Math.floor(cpuMedians.length / 2)]!.toFixed(2)} ms, slowest file's median ${cpuMedians[cpuMedians.length - 1]!.toFixed(2)} ms (load average ${os.loadavg()[0]!.toFixed(1)})`);

// The whole command, in process: read, migrate, validate, write (with renames), per file.
const { cpSync, mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { runMigrate } = await import('./cli/migrate-cli.ts');
const cliTimes: number[] = [];
const cliDirs = ['tests/fixtures/plain/agent-written', 'tests/fixtures/plain/agent-drift'];
const cliFiles = cliDirs.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.md')));
for (let round = 0; round < Math.min(rounds, 5); round += 1) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-migrate-timing-'));
  for (const from of cliDirs) cpSync(from, dir, { recursive: true, filter: (source) => !source.endsWith('.json') });
  const start = performance.now();
  runMigrate({ argv: [dir, '--write'], cwd: dir, env: {}, stdout: () => {}, stderr: () => {}, interactive: false });
  cliTimes.push((performance.now() - start) / cliFiles.length);
  rmSync(dir, { recursive: true, force: true });
}
cliTimes.sort((a, b) => a - b);
console.log(`npm run migrate -- <${cliFiles.length} files> --write, in process: ${cliTimes[Math.floor(cliTimes.length / 2)]!.toFixed(2)} ms per file (median of ${cliTimes.length} runs)`);
