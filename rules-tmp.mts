import { readdirSync, readFileSync } from 'node:fs';
import { parsePostmortem } from './src/lib/postmortem/parse.ts';
import { FILE_RULES } from './src/lib/postmortem/rules/index.ts';
const dir = '/tmp/a1000';
const files = readdirSync(dir).map((f) => [dir + '/' + f, readFileSync(dir + '/' + f, 'utf8')] as const);
const pms = files.map(([p, t]) => parsePostmortem(p, t));
const time: Record<string, number> = {};
for (let round = 0; round < 3; round++) for (const rule of FILE_RULES) {
  const t = performance.now();
  for (const pm of pms) rule.check(pm);
  if (round) time[rule.id] = (time[rule.id] ?? 0) + performance.now() - t;
}
for (const [k, v] of Object.entries(time).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(k, (v / 2).toFixed(1), 'ms');
// parse parts
let t = performance.now();
for (let r = 0; r < 3; r++) for (const [p, s] of files) parsePostmortem(p, s);
console.log('parse', ((performance.now() - t) / 3).toFixed(0), 'ms');
