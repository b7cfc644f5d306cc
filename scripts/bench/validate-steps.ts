/**
 * `npx tsx scripts/bench/validate-steps.ts <folder> [passes]` (a maintainer's measurement): where
 * validate's per-file CPU goes. First the whole check of every file once, cold, as the CLI's one
 * thread does it (read, parse, file rules, archive rules); then each step alone over every file,
 * pass after pass (the first pass of a step is its cold cost, the later ones its warm cost): the
 * read, the parse, the frontmatter split, the schema, each file rule. CPU is user + system
 * milliseconds of this process (`process.cpuUsage()`), which a loaded machine disturbs far less
 * than wall time. Whole-run figures through npm are the bench's (`measure-validate.ts`).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { splitFrontmatter } from '../../src/lib/postmortem/parsing/frontmatter.ts';
import { parsePostmortem, type ParsedPostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { FILE_RULES } from '../../src/lib/postmortem/rules/all-rules.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';
import { frontmatterSchema } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import { validateFiles } from '../../src/lib/postmortem/validation/validate.ts';

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

const [folder, passArg] = process.argv.slice(2);
if (!folder) {
  console.error('Usage: npx tsx scripts/bench/validate-steps.ts <folder> [passes]');
  process.exit(2);
}
const passes = Number(passArg ?? 3);
const files = readdirSync(folder).filter((name) => /\.mdx?$/.test(name)).sort().map((name) => path.join(folder, name));

let start = cpuMs();
const whole = validateFiles(files.map((file) => ({ path: file, source: readSource(file, DEFAULT_CHECK_SETTINGS.limits.fileBytes.value) })));
console.log(`whole check, cold: ${Math.round(cpuMs() - start)} ms CPU for ${files.length} files (${whole.summary.errors} errors, ${whole.summary.warnings} warnings)`);

start = cpuMs();
const sources = files.map((file) => readSource(file, DEFAULT_CHECK_SETTINGS.limits.fileBytes.value));
console.log(`read again: ${Math.round(cpuMs() - start)} ms CPU`);
const parsed = files.map((file, at) => parsePostmortem(file, sources[at]!.text, sources[at]));

const steps: [string, (pm: ParsedPostmortem, at: number) => unknown][] = [
  ['parse (all of it)', (_, at) => parsePostmortem(files[at]!, sources[at]!.text, sources[at])],
  ['  frontmatter split and YAML', (pm) => splitFrontmatter(pm.text)],
  ['  schema (zod)', (pm) => pm.frontmatter.kind === 'parsed' && frontmatterSchema.safeParse(pm.frontmatter.data)],
  ...FILE_RULES.map((rule): [string, (pm: ParsedPostmortem) => unknown] => [`rule ${rule.id}`, (pm) => rule.check(pm, DEFAULT_CHECK_SETTINGS)]),
];
const rows = steps.map(([label, step]) => {
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const before = cpuMs();
    parsed.forEach((pm, at) => step(pm, at));
    times.push(cpuMs() - before);
  }
  return { label, times };
});
console.log(`each step over every file, ms CPU per pass (${passes} passes), largest first pass first:`);
for (const { label, times } of rows.sort((a, b) => b.times[0]! - a.times[0]!)) {
  if (Math.max(...times) >= 1) console.log(`${times.map((ms) => ms.toFixed(0).padStart(6)).join('')}  ${label}`);
}
