/**
 * `npm run show -- <slug> [--format json|table]`
 * One post-mortem as data: metadata, sections, timeline, action items and validate's findings.
 * Exit 0: shown; 1: no post-mortems in the folder; 2: usage error (including an unknown slug).
 */
import { nearSlugs } from '../../src/lib/agent/agent-archive.ts';
import { showPostmortem } from '../../src/lib/agent/show.ts';
import { showText } from '../../src/lib/agent/text.ts';
import { agentCommandFlags, readFormat } from '../lib/archive-folder.ts';
import { readArchiveFolder } from '../lib/read-archive-folder.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';

export const SHOW_USAGE = `Usage: npm run show -- <slug> [options]

Prints one post-mortem (folder: --dir, POSTMORTEM_DIR or
docs/spec/.llm/completed): its frontmatter, sections, timeline, action items
and what validate reports for it. The slug is the file name without
\`postmortem-\` and the extension, e.g. 2026-03-14-report-export-timeouts
(a file name or path is accepted too).

Options:
  --format FORMAT        json or table (default: json); JSON shape:
                         schema/show-output.schema.json
  --dir PATH             the post-mortem folder
  --help                 show this help

Exit codes: 0 shown, 1 no post-mortems found, 2 usage error (no such slug).
`;

export function runShow(ctx: CliContext): number {
  const args = parseCommand(ctx, SHOW_USAGE, {
    allowPositionals: true,
    options: {
      ...agentCommandFlags('json'),
    },
  });
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const format = readFormat(ctx, SHOW_USAGE, values.format);
  if (typeof format === 'number') return format;
  if (positionals.length !== 1) return usageError(ctx, SHOW_USAGE, positionals.length ? `One slug at a time; got ${positionals.length}.` : 'Which post-mortem? Give its slug, e.g. 2026-03-14-report-export-timeouts.');
  // Accept what people paste: a path or file name instead of the slug.
  const slug = positionals[0]!.replace(/^.*[\\/]/, '').replace(/^postmortem-/, '').replace(/\.mdx?$/, '');

  const archive = readArchiveFolder(ctx, SHOW_USAGE, values.dir);
  if (typeof archive === 'number') return archive;
  const output = showPostmortem(archive, slug);
  if (!output) {
    const near = nearSlugs(archive, slug);
    const invalid = archive.parsed.find((parsed) => parsed.slug === slug);
    const reason = invalid ? ` (its frontmatter does not validate: run \`npm run validate -- ${invalid.path}\`)` : near.length ? `; did you mean ${near.map((s) => `\`${s}\``).join(', ')}?` : '; `npm run search` lists slugs.';
    return usageError(ctx, SHOW_USAGE, `No post-mortem \`${slug}\`${reason}`);
  }
  ctx.stdout(format === 'json' ? `${JSON.stringify(output, null, 2)}\n` : showText(output));
  return EXIT.ok;
}

runIfMain(import.meta.url, runShow);
