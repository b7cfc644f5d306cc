/**
 * `npm run migrate -- <files or folders…> [--write] [options]`
 * Brings post-mortems written in the template's plain form (`### Date:`
 * lines, no frontmatter) into the archive's form. Without --write it shows a
 * unified diff and changes nothing.
 * Exit 0: every file migrated and valid (or already in frontmatter form); 1: a file could not be migrated or written, or a result still fails validate; 2: usage error.
 */
import path from 'node:path';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { displayPath, expandPaths } from '../../src/lib/postmortem/archive/archive.ts';
import { spellingsInArchive } from '../../src/lib/postmortem/spelling/spellings-in-archive.ts';
import { CATEGORY_IDS, normaliseCategory, type CategoryId } from '../../src/lib/postmortem/model/category.ts';
import { migratePlainForm, MIGRATED_STATUS, type MigrateOptions, type MigrateOverrides, type MigrationNote, type MigrationResult } from '../../src/lib/postmortem/migrate/migrate-plain-form.ts';
import { isoDate } from '../../src/lib/postmortem/schema/date-fields.ts';
import { POSTMORTEM_STATUSES, type PostmortemStatus } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import { readSeverity } from '../../src/lib/postmortem/scaffold/severity-questions.ts';
import { SEVERITY_IDS } from '../../src/lib/postmortem/model/severity.ts';
import { moveFileAtomically, replaceFileAtomically } from '../lib/atomic-write.ts';
import { readSource } from '../../src/lib/postmortem/parsing/source.ts';
import { EXIT, parseCommand, runIfMain, usageError, UsageError, type CliContext, type ParsedFlags } from '../lib/cli.ts';
import { unifiedDiff } from '../lib/unified-diff.ts';

export const MIGRATE_USAGE = `Usage: npm run migrate -- <files or folders…> [options]

Converts post-mortems written in the template's plain form (## Post-Mortem:
Title, ### Date:, ### Severity:, ### Duration:, ### Author: lines, no
frontmatter) into the archive's form: YAML frontmatter, status: ${MIGRATED_STATUS}.
Values the text states are read (a Category: line, tenant counts or a share,
times in the Impact range and the Timeline); values it only suggests are
proposed and marked "# proposed by migrate" (validate warns until a person
removes the mark); a field the text does not hold makes the file a draft that
names it (as does a missing section, added empty and marked, and a due target
that is not a date, kept as YYYY-MM-DD (Q3 2027)). No word the author wrote is
dropped. Every file it writes passes npm run validate; if one still does not,
it exits 1 and names it. Without --write it prints a unified diff and changes
nothing.

Options:
  --write               save the result (atomically; CRLF and BOM become LF, no BOM;
                        a file off the naming convention is renamed)
  --dry-run             show the diff only (the default)
  --category ID         root-cause category for every file: ${CATEGORY_IDS.join(', ')}
  --services A,B        affected services for every file
  --severity SEV-N      severity for files that do not say
  --author NAME         author(s) for every file (repeat or comma-separate)
  --date YYYY-MM-DD     incident date for every file
  --date-from-file-name when the file name's date and the Date: line disagree,
                        keep the file name's date (by default the Date: line
                        wins and --write renames the file, never over another).
                        Either way, a start the text dates on another UTC day
                        makes that day the incident date.
  --status STATUS       review status to write (default: ${MIGRATED_STATUS})
  --yes                 accepted for symmetry; migrate never asks
  --help                show this help

Exit codes: 0 every file migrated and valid, 1 a file could not be migrated or\nwritten or a result still fails validate (each is named), 2 usage error.
`;

const OPTIONS = {
  write: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  category: { type: 'string' },
  services: { type: 'string' },
  severity: { type: 'string' },
  author: { type: 'string', multiple: true },
  date: { type: 'string' },
  'date-from-file-name': { type: 'boolean', default: false },
  status: { type: 'string' },
  yes: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type Values = ParsedFlags<{ options: typeof OPTIONS }>['values'];

const MARKS: Record<MigrationNote['kind'], string> = { found: '  found    ', proposed: '  PROPOSED ', changed: '  changed  ', missing: '  MISSING  ', warning: '  warning  ' };

export function runMigrate(ctx: CliContext): number {
  const args = parseCommand(ctx, MIGRATE_USAGE, { options: OPTIONS, allowPositionals: true });
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  let overrides: MigrateOverrides;
  try {
    if (values.write && values['dry-run']) throw new UsageError('--write and --dry-run contradict each other; pick one.');
    if (!positionals.length) throw new UsageError('Name the files or folders to migrate.');
    overrides = readOverrides(values);
  } catch (error) {
    if (error instanceof UsageError) return usageError(ctx, MIGRATE_USAGE, error.message);
    throw error;
  }

  const { files, missing } = expandPaths(positionals.map((given) => path.resolve(ctx.cwd, given)));
  if (missing.length) return usageError(ctx, MIGRATE_USAGE, `No such file or folder: ${missing.map((file) => displayPath(file, ctx.cwd)).join(', ')}`);
  if (!files.length) return usageError(ctx, MIGRATE_USAGE, `No post-mortems (*.md, *.mdx) in ${positionals.join(', ')}.`);

  const settings = loadConfig(ctx.env, ctx.cwd);
  const counts = { migrated: 0, skipped: 0, failed: 0 };
  const stillInvalid: string[] = [];
  const archiveServices = spellingsInArchive(settings.limits.fileBytes.value, settings.archiveDir, files).service;
  for (const file of files) {
    const outcome = migrateFile(ctx, file, { overrides, dateFromFileName: values['date-from-file-name'], archiveServices }, values.write, settings.limits.fileBytes.value);
    if (typeof outcome === 'object') stillInvalid.push(outcome.needsWork);
    counts[typeof outcome === 'object' ? 'migrated' : outcome] += 1;
  }

  const parts = [`${counts.migrated} ${values.write ? 'migrated' : 'to migrate'}`, `${counts.skipped} skipped`, `${counts.failed} failed`];
  ctx.stdout(`${parts.join(', ')}.\n`);
  if (stillInvalid.length) {
    ctx.stdout(`${stillInvalid.length} ${values.write ? 'written' : 'would be written but'} still fail${stillInvalid.length === 1 ? 's' : ''} validate (exit 1): ${stillInvalid.join(', ')}. Fix what is listed above for each, then run npm run validate.\n`);
  }
  if (counts.migrated) {
    ctx.stdout(values.write
      ? 'Next: review every PROPOSED value (marked "# proposed by migrate" in the frontmatter; validate warns on each, --strict fails), delete the mark, fill in what a draft names, then run npx hindsight validate.\n'
      : 'Nothing was changed. Run again with --write to save.\n');
  }
  return counts.failed || stillInvalid.length ? EXIT.invalid : EXIT.ok;
}

/** What became of a file; `needsWork` names a result that still fails validate. */
type Outcome = 'migrated' | 'skipped' | 'failed' | { needsWork: string };

/** Reads, migrates and shows (or writes) one file; what became of it. */
function migrateFile(ctx: CliContext, file: string, options: MigrateOptions, write: boolean, maxBytes: number): Outcome {
  const shown = displayPath(file, ctx.cwd);
  // Read as validate reads: never through a link, never a FIFO or an oversized file.
  let source: ReturnType<typeof readSource>;
  try {
    source = readSource(file, maxBytes);
  } catch (error) {
    ctx.stdout(`✗ ${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); left as it is\n\n`);
    return 'failed';
  }
  if (source.problem) {
    // A file that is not UTF-8 is refused too: rewriting it would turn its bytes into U+FFFD.
    const problem = source.problem;
    const why = problem.kind === 'symlink' ? `it is a symbolic link (to ${problem.target}); run migrate on the file itself`
      : problem.kind === 'too-large' ? 'it is over the file size limit'
      : problem.kind === 'not-utf8' ? `byte ${problem.byte} at line ${problem.line}, column ${problem.column} is not UTF-8; convert the file to UTF-8 (e.g. \`iconv -f windows-1252 -t utf-8\`) and run again`
      : 'it is not a regular file';
    ctx.stdout(`✗ ${shown}: not read: ${why}\n\n`);
    return 'failed';
  }
  const raw = source.text;
  const result = migratePlainForm(raw, file, options);
  if (result.kind === 'skipped') {
    ctx.stdout(`= ${shown}: skipped (${result.reason})\n\n`);
    return 'skipped';
  }
  if (result.kind === 'failed') {
    ctx.stdout(`✗ ${shown}: could not migrate\n${formatNotes(result.notes)}\n`);
    return 'failed';
  }
  return reportAndWrite(ctx, file, raw, result, write);
}

/** Prints what migrate found, proposed and changed, and what validate will say; then the diff, or the written file. */
function reportAndWrite(ctx: CliContext, file: string, raw: string, result: Extract<MigrationResult, { kind: 'migrated' }>, write: boolean): Outcome {
  const shown = displayPath(file, ctx.cwd);
  const target = path.join(path.dirname(file), result.fileName);
  const shownTarget = displayPath(target, ctx.cwd);
  const renamed = target !== file;
  const notes = [...result.notes];
  if (result.original.crlf || result.original.bom) {
    notes.push({ kind: 'changed', message: `line endings normalised to LF${result.original.bom ? ', byte-order mark removed' : ''} (the original had ${[result.original.crlf && 'CRLF', result.original.bom && 'a BOM'].filter(Boolean).join(' and ')})` });
  }
  if (renamed) notes.push({ kind: 'changed', message: `renamed to ${result.fileName} (${result.renameReason ?? 'the naming convention'})` });
  for (const line of result.moved) notes.push({ kind: 'changed', message: `line ${line.line} moved into the frontmatter (${line.fields.join(', ')}): ${line.text.trim()}` });

  // What `npm run validate` will say about the result, so the reviewer knows what is left.
  const left = result.problems.map((problem) => `  ${problem.level === 'error' ? 'ERROR  ' : 'warning'}  line ${problem.line}: ${problem.message} (${problem.rule})`);
  ctx.stdout(`${renamed ? `→ ${shown} → ${shownTarget}` : `→ ${shown}`}\n${formatNotes(notes)}`);
  if (result.frontmatter.status === 'draft') ctx.stdout(`  DRAFT    written as a draft: ${result.draftBecause.join(', ')}\n`);
  ctx.stdout(left.length ? `  validate after migration:\n${left.join('\n')}\n` : '  validate after migration: no problems\n');
  const needsWork = result.problems.some((problem) => problem.level === 'error');

  if (!write) {
    ctx.stdout(`\n${unifiedDiff(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), result.text, { from: `a/${shown}`, to: `b/${shownTarget}` })}\n`);
    return needsWork ? { needsWork: shownTarget } : 'migrated';
  }
  try {
    if (renamed) moveFileAtomically(file, target, result.text);
    else replaceFileAtomically(target, result.text);
    ctx.stdout(`  written: ${shownTarget}\n\n`);
    return needsWork ? { needsWork: shownTarget } : 'migrated';
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? `${shownTarget} already exists (left untouched)` : (error as Error).message;
    ctx.stdout(`✗ ${shown}: not written: ${reason}\n\n`);
    return 'failed';
  }
}

function readOverrides(values: Values): MigrateOverrides {
  const overrides: MigrateOverrides = {};
  if (values.category !== undefined) {
    const id = normaliseCategory(values.category);
    if (!(CATEGORY_IDS as readonly unknown[]).includes(id)) throw new UsageError(`--category \`${values.category}\` is not one of ${CATEGORY_IDS.join(', ')}.`);
    overrides.category = id as CategoryId;
  }
  if (values.services !== undefined) {
    overrides.services = values.services.split(',').map((name) => name.trim()).filter(Boolean);
    if (!overrides.services.length) throw new UsageError('--services must name at least one service.');
  }
  if (values.severity !== undefined) {
    const severity = readSeverity(values.severity);
    if (!severity) throw new UsageError(`--severity \`${values.severity}\` is not one of ${SEVERITY_IDS.join(', ')}.`);
    overrides.severity = severity;
  }
  if (values.author !== undefined) {
    overrides.authors = values.author.flatMap((author) => author.split(',')).map((name) => name.trim()).filter(Boolean);
    if (!overrides.authors.length) throw new UsageError('--author must name someone.');
  }
  if (values.date !== undefined) {
    if (!isoDate.safeParse(values.date).success) throw new UsageError(`--date \`${values.date}\` is not a date; write YYYY-MM-DD.`);
    overrides.date = values.date;
  }
  if (values.status !== undefined) {
    if (!(POSTMORTEM_STATUSES as readonly string[]).includes(values.status)) throw new UsageError(`--status \`${values.status}\` is not one of ${POSTMORTEM_STATUSES.join(', ')}.`);
    overrides.status = values.status as PostmortemStatus;
  }
  return overrides;
}

function formatNotes(notes: readonly MigrationNote[]): string {
  return notes.map((note) => `${MARKS[note.kind]}${note.message}\n`).join('');
}

runIfMain(import.meta.url, runMigrate);
