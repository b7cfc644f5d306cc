/**
 * `npm run validate -- [paths…] [--format pretty|json|github] [--strict]`
 * Checks post-mortems and reports every problem of every file in one run.
 * Exit 0: all valid; 1: something invalid; 2: usage error.
 */
import path from 'node:path';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { displayPath, expandPaths } from '../../src/lib/postmortem/archive/archive.ts';
import { formatReport, REPORT_FORMATS, type ReportFormat } from '../../src/lib/postmortem/validation/validation-report.ts';
import { readSource, type Source } from '../../src/lib/postmortem/parsing/source.ts';
import { validateFilesWith } from '../../src/lib/postmortem/validation/validate.ts';
import { openValidationCache } from '../../src/lib/postmortem/validation/validation-cache.ts';
import { EXIT, parseCommand, runIfMain, usageError, type CliContext } from '../lib/cli.ts';
import { parallelChecker } from '../lib/parallel-check.ts';

export const VALIDATE_USAGE = `Usage: npm run validate -- [paths…] [options]

Checks post-mortems (files or folders; default: the configured folder,
POSTMORTEM_DIR or docs/spec/.llm/completed) and reports every problem.

Options:
  --format pretty|json|github  output format (default: pretty)
  --strict                     warnings fail too
  --jobs N                     threads to check on (default: one per 1,250
                               files, up to the number of cores)
  --no-cache                   check every file, even those unchanged since
                               the last run (results are cached by content)
  --help                       show this help

Exit codes: 0 all valid, 1 invalid content, 2 usage or environment error.
`;

export async function runValidate(ctx: CliContext): Promise<number> {
  const args = parseCommand(ctx, VALIDATE_USAGE, {
    allowPositionals: true,
    options: { format: { type: 'string', default: 'pretty' }, strict: { type: 'boolean', default: false }, jobs: { type: 'string' }, 'no-cache': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (typeof args === 'number') return args;
  const format = args.values.format as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) return usageError(ctx, VALIDATE_USAGE, `Unknown --format \`${format}\`; use one of ${REPORT_FORMATS.join(', ')}.`);

  const jobs = args.values.jobs === undefined ? undefined : Number(args.values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1 && jobs <= 64)) return usageError(ctx, VALIDATE_USAGE, `--jobs takes a whole number from 1 to 64, not \`${args.values.jobs}\`.`);

  const config = loadConfig(ctx.env, ctx.cwd);
  const defaulted = args.positionals.length === 0;
  const given = defaulted ? [path.relative(ctx.cwd, config.archiveDir) || '.'] : args.positionals;
  const absolute = given.map((p) => path.resolve(ctx.cwd, p));
  const { files, missing } = expandPaths(absolute);
  if (missing.length) {
    return usageError(ctx, VALIDATE_USAGE, `No such file or folder: ${missing.map((p) => displayPath(p, ctx.cwd)).join(', ')}${defaulted ? ' (set POSTMORTEM_DIR or pass a path)' : ''}`);
  }
  const cache = args.values['no-cache'] ? null : openValidationCache();
  // With a cache, read here before any thread starts: the cache answers for files whose text it has seen.
  // Without one, a file is read where it is checked: the threads read their own shares, never this one.
  const shown = displayPaths(files, ctx.cwd);
  const toCheck = files.map((file, at) => ({ path: shown[at]!, source: cache ? readSource(file, config.limits.fileBytes.value) : readOnUse(file, config.limits.fileBytes.value) }));
  const result = await validateFilesWith(parallelChecker(ctx.cwd, config, jobs), toCheck, { strict: args.values.strict, cache, settings: config });
  ctx.stdout(formatReport(result, format));
  if (result.summary.files === 0) {
    ctx.stderr(`No post-mortems (*.md, *.mdx) in ${given.join(', ')}.\n`);
    return EXIT.invalid;
  }
  return result.summary.invalid === 0 ? EXIT.ok : EXIT.invalid;
}

/**
 * {@link displayPath} of each of `files` (absolute, as expandPaths gives them), working out each folder's part
 * once: `path.relative` resolves both paths at every call, ~60 ms CPU per 10,000 files before any check started.
 * A file directly in `cwd`, or on a path `relative` cannot shorten, takes displayPath itself.
 */
export function displayPaths(files: readonly string[], cwd: string): string[] {
  const folders = new Map<string, string | null>();
  return files.map((file) => {
    const folder = path.dirname(file);
    let shown = folders.get(folder);
    if (shown === undefined) {
      const relative = path.relative(cwd, folder);
      shown = relative && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : null;
      folders.set(folder, shown);
    }
    return shown === null ? displayPath(file, cwd) : `${shown}/${path.basename(file)}`;
  });
}

/** `file`'s {@link Source}, read from disk the first time a field of it is asked for. */
function readOnUse(file: string, maxBytes: number): Source {
  let read: Source | undefined;
  const source = () => (read ??= readSource(file, maxBytes));
  return {
    get text() {
      return source().text;
    },
    get bytes() {
      return source().bytes;
    },
    get problem() {
      return source().problem;
    },
  };
}

runIfMain(import.meta.url, runValidate);
