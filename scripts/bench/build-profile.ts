/**
 * Where a build's time goes, phase by phase (docs/PERFORMANCE.md, "Build, eighth round"):
 *   npx tsx scripts/bench/build-profile.ts build <archive> <hindsight|bare> <folder>
 * builds one of the bench's two sites (sites.ts) under `node --cpu-prof` and GNU time, then prints
 *   npx tsx scripts/bench/build-profile.ts sum <folder>
 * the profile's samples per phase of the build log (start-up and gate, content sync, server bundle, client
 * bundles, routes, post-mortem pages, after the routes), by package or source file.
 * V8 stamps samples with wall time, so on a loaded machine a phase's figure is its wall time; the
 * shares within a phase are what to compare. GNU time's user + sys is the build's CPU.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MARKDOWN_OPTIONS } from '../../src/lib/markdown/options.ts';
import { ASTRO_BIN, baselineSite, hindsightSite } from './sites.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Log lines that open a phase; the first match of each, in this order. */
const PHASES: [string, RegExp][] = [
  ['start-up and gate', /^/],
  ['content sync', /\[content\] Syncing content/],
  ['server bundle', /Building static entrypoints/],
  ['client bundles', /building client/],
  ['routes', /generating static routes/],
  ['post-mortem pages', /▶ src\/pages\/(?:incidents\/)?\[slug\]\.astro/],
  ['after the routes', /✓ Completed in/],
];

function build(archive: string, kind: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  const site = kind === 'bare' ? baselineSite(folder, archive, 'bare', { ...MARKDOWN_OPTIONS }) : hindsightSite(folder, archive, 'hindsight');
  const flags = ['--cpu-prof', `--cpu-prof-dir=${path.join(folder, 'profile')}`];
  const run = spawnSync('/usr/bin/time', ['-f', 'GNU time: wall %e s, user %U s, sys %S s, peak %M KiB', process.execPath, ...flags, ASTRO_BIN, 'build', ...site.args], { cwd: site.cwd, env: { ...site.env, NO_COLOR: '1' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(path.join(folder, 'build.log'), `${run.stdout}${run.stderr}`);
  console.log(run.stderr.split('\n').filter((line) => line.startsWith('GNU time')).join('\n'));
}

/** Seconds since midnight of a log line's `HH:MM:SS`, or of the profile file's name (`CPU.<date>.<HHMMSS>.…`). */
const clock = (hms: string) => Number(hms.slice(0, 2)) * 3600 + Number(hms.slice(3, 5)) * 60 + Number(hms.slice(6, 8));

function phaseStarts(log: string, startedAt: number): number[] {
  const lines = log.split('\n');
  let last = 0;
  return PHASES.map(([, pattern], at) => {
    if (at === 0) return 0;
    const line = lines.slice(last).find((candidate) => pattern.test(candidate) && /^\d\d:\d\d:\d\d/.test(candidate)) ?? lines.slice(last).find((candidate) => pattern.test(candidate));
    if (!line) return Infinity;
    last = lines.indexOf(line);
    const stamped = lines.slice(last).find((candidate) => /^\d\d:\d\d:\d\d/.test(candidate));
    return stamped ? clock(stamped) - startedAt : Infinity;
  });
}

function ownerOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName;
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1]!;
  if (url.startsWith('node:')) return 'node internals';
  const source = /\/src\/(.*)$/.exec(url);
  if (source) return `src/${source[1]!.split('/').slice(0, 3).join('/')}`;
  return url.split('/').slice(-2).join('/').replace(/\?.*$/, '');
}

function summarise(folder: string): void {
  const directory = path.join(folder, 'profile');
  const file = readdirSync(directory).find((name) => name.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as Profile;
  const starts = phaseStarts(readFileSync(path.join(folder, 'build.log'), 'utf8'), clock(file.split('.')[2]!.replace(/(\d\d)(\d\d)(\d\d)/, '$1:$2:$3')));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const phases = PHASES.map(([name]) => ({ name, busy: 0, idle: 0, owners: new Map<string, number>() }));
  let time = 0;
  profile.samples.forEach((id, at) => {
    time += profile.timeDeltas[at]!;
    const spent = (profile.timeDeltas[at + 1] ?? 0) / 1e6;
    let phase = starts.length - 1;
    while (phase > 0 && time / 1e6 < starts[phase]!) phase--;
    const node = nodes.get(id)!;
    const into = phases[phase]!;
    if (node.callFrame.functionName === '(idle)') into.idle += spent;
    else {
      into.busy += spent;
      into.owners.set(ownerOf(node), (into.owners.get(ownerOf(node)) ?? 0) + spent);
    }
  });
  for (const phase of phases) {
    console.log(`${phase.name}: ${phase.busy.toFixed(2)} s busy, ${phase.idle.toFixed(2)} s idle`);
    for (const [owner, spent] of [...phase.owners].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${spent.toFixed(2).padStart(7)} s  ${owner}`);
  }
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'build' && rest.length === 3) {
  build(rest[0]!, rest[1]!, path.resolve(rest[2]!));
  summarise(path.resolve(rest[2]!));
} else if (command === 'sum' && rest.length === 1) summarise(path.resolve(rest[0]!));
else {
  console.error('usage: build-profile.ts build <archive> <hindsight|bare> <folder> | sum <folder>');
  process.exit(2);
}
