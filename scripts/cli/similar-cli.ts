/**
 * `npm run similar -- <file | -> [--limit N] [--format table|json]`
 * For a post-mortem being written (or a description on standard input): the
 * most similar earlier incidents, why, their root causes and open follow-ups.
 * Exit 0: compared (also when nothing is similar); 1: empty input or no post-mortems; 2: usage error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkTextSize, InputRefused, readBoundedFile } from '../../src/lib/agent/bounded-input.ts';
import { DEFAULT_SIMILAR_LIMIT, findSimilar } from '../../src/lib/agent/similar.ts';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { similarText } from '../../src/lib/agent/text.ts';
import { displayPath } from '../../src/lib/postmortem/archive/archive.ts';
import { agentCommandFlags, readFormat } from '../lib/archive-folder.ts';
import { readArchiveFolder } from '../lib/read-archive-folder.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const SIMILAR_USAGE = `Usage: npm run similar -- <file | -> [options]

Finds the earlier incidents most like a post-mortem being written (a file),
or like a description of what is happening now (\`-\` reads standard input),
in the post-mortems of --dir, POSTMORTEM_DIR or docs/spec/.llm/completed.
The mechanism decides: the text is compared with every section of every
past post-mortem (root cause, 5 Whys, contributing factors, lessons, …),
rare shared words weighing most; a shared service or the same root-cause
category only adds. Each comes with why (shared words, the closest
passage), its root cause and its action items still open.

A description without frontmatter is compared on its words and on the
archive's services it names (e.g. "postgres connections exhausted").

Options:
  --limit N              at most N incidents (default: ${DEFAULT_SIMILAR_LIMIT})
  --format FORMAT        table or json (default: table); JSON shape:
                         schema/similar-output.schema.json
  --dir PATH             the post-mortem folder
  --help                 show this help

Exit codes: 0 compared (also when nothing is similar), 1 empty input or no
post-mortems found, 2 usage error.
`;

export function runSimilar(ctx: CliContext, readStdin: () => string = () => readFileSync(0, 'utf8')): number {
  const args = parseCommand(ctx, SIMILAR_USAGE, {
    allowPositionals: true,
    options: {
      limit: { type: 'string' },
      ...agentCommandFlags('table'),
    },
  });
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const format = readFormat(ctx, SIMILAR_USAGE, values.format);
  if (typeof format === 'number') return format;
  const limit = values.limit === undefined ? DEFAULT_SIMILAR_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) return usageError(ctx, SIMILAR_USAGE, `--limit \`${values.limit}\` is not a positive whole number; write e.g. --limit 3.`);
  if (positionals.length !== 1) return usageError(ctx, SIMILAR_USAGE, 'Give one file, or `-` to read a description from standard input.');

  const settings = loadConfig(ctx.env, ctx.cwd);
  const source = positionals[0]!;
  let text: string;
  try {
    // A file only when it is a regular file in the repository or the archive, within validate's size limit.
    text = source === '-' ? readStdin() : readBoundedFile(source, ctx.cwd, [ctx.cwd, values.dir ? path.resolve(ctx.cwd, values.dir) : settings.archiveDir], settings.limits.fileBytes);
    checkTextSize(text, settings.limits.fileBytes, source === '-' ? 'standard input' : `\`${source}\``);
  } catch (error) {
    if (error instanceof InputRefused) return usageError(ctx, SIMILAR_USAGE, error.message);
    throw error;
  }
  if (!text.trim()) {
    ctx.stderr(`Nothing to compare: ${source === '-' ? 'standard input' : `\`${source}\``} is empty.\nWrite what is happening (services, symptoms), e.g. echo "postgres connection pool exhausted" | npm run similar -- -\n`);
    return EXIT.invalid;
  }
  const archive = readArchiveFolder(ctx, SIMILAR_USAGE, values.dir);
  if (typeof archive === 'number') return archive;
  const shown = source === '-' ? '-' : displayPath(path.resolve(ctx.cwd, source), ctx.cwd);
  const output = findSimilar(shown, text, archive.postmortems, limit);
  ctx.stdout(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : similarText(output));
  return EXIT.ok;
}

runIfMain(import.meta.url, runSimilar);
