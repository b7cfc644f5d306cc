/**
 * The slowest single file for validate among adversarial inputs: runs of each
 * character class filling a file to the size limit (128 KiB), in prose, after
 * a blaming phrase, in a table cell and in a heading, plus the hostile corpus.
 * Prints the CPU time of the worst (parse and every rule) and the top five.
 * Run: `npx tsx scripts/bench/validate-worst.ts` (the bound is 2 s per file).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SIZE_LIMITS } from '../../src/lib/postmortem/safety/limits.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { checkFile } from '../../src/lib/postmortem/validation/validate.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NAME = 'postmortem-2026-03-14-report-export-timeouts.md';
const VALID = readFileSync(path.join(ROOT, 'tests/fixtures/valid', NAME), 'utf8');
const UNITS = [
  '.', ' ', 'a', 'A', '1', '|', '*', '#', '-', '[', ']', '`', '\n', '>', '_', '<', '(', ')', '!', ':', '\\', '&', '~', '"', "'", '\t', '=', '@', '{', 'é', '\u200b',
  'a ', '1 ', '- ', '> ', '| ', '](', '<a ', '1. ', '*a', '[a](', '\n\n', ' \n', 'fault ', 'he forgot ', 'The ', '**a ', '__a ', '<http:', 'http://a', '[[a]', '&amp', '> - ',
];
const PLACES: Record<string, (run: string) => string> = {
  prose: (run) => VALID.replace('## Timeline', `Text ${run} end.\n\n## Timeline`),
  blame: (run) => VALID.replace('## Timeline', `The engineer failed to ${run} end.\n\n## Timeline`),
  cell: (run) => VALID.replace('| 09:12 |', `| 09:12 ${run.replace(/\n/g, ' ')} |`),
  heading: (run) => VALID.replace('## Timeline', `### A ${run.replace(/\n/g, ' ')}\n\n## Timeline`),
};

function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const room = DEFAULT_SIZE_LIMITS.fileBytes.value - Buffer.byteLength(VALID) - 200;
const timings: { what: string; ms: number; bytes: number }[] = [];
for (const [place, build] of Object.entries(PLACES)) {
  for (const unit of UNITS) {
    const run = unit.repeat(Math.ceil(room / unit.length)).slice(0, room);
    let text = build(run);
    while (Buffer.byteLength(text) > DEFAULT_SIZE_LIMITS.fileBytes.value) text = build(run.slice(0, run.length - (Buffer.byteLength(text) - DEFAULT_SIZE_LIMITS.fileBytes.value) - 4));
    timings.push({ what: `${place} ${JSON.stringify(unit)}`, ms: cpuMs(() => checkFile(parsePostmortem(NAME, text))), bytes: Buffer.byteLength(text) });
  }
}
for (const folder of ['hostile-input', 'awkward', 'invalid']) {
  const dir = path.join(ROOT, 'tests/fixtures', folder);
  for (const name of readdirSync(dir)) {
    const source = readSource(path.join(dir, name), DEFAULT_SIZE_LIMITS.fileBytes.value);
    timings.push({ what: `${folder}/${name}`, ms: cpuMs(() => checkFile(parsePostmortem(name, source.text, source))), bytes: source.bytes });
  }
}
timings.sort((a, b) => b.ms - a.ms);
console.log(`${timings.length} files; worst: ${timings[0]!.what} ${timings[0]!.ms.toFixed(0)} ms CPU (${timings[0]!.bytes} bytes)`);
for (const timing of timings.slice(1, 5)) console.log(`  ${timing.what} ${timing.ms.toFixed(0)} ms (${timing.bytes} bytes)`);
