/**
 * `npm run new-postmortem -- [options]`
 * Creates a draft post-mortem from content/templates/postmortem.md. In a
 * terminal it asks what the flags did not say; without one it never waits
 * for input, so agents and scripts can call it.
 * Exit 0: created (or dry run); 1: refused (file exists, would not validate, cancelled); 2: usage error.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/lib/settings/load-config.ts';
import { displayPath } from '../../src/lib/postmortem/archive/archive.ts';
import { archiveSpelling } from '../../src/lib/postmortem/spelling/spelling-key.ts';
import { spellingsInArchive } from '../../src/lib/postmortem/spelling/spellings-in-archive.ts';
import { CATEGORIES, CATEGORY_IDS, normaliseCategory, type CategoryId } from '../../src/lib/postmortem/model/category.ts';
import { parsePostmortem } from '../../src/lib/postmortem/parsing/parse.ts';
import { formatPretty } from '../../src/lib/postmortem/validation/validation-report.ts';
import { isoDate } from '../../src/lib/postmortem/schema/date-fields.ts';
import { parseIsoDateTime } from '../../src/lib/postmortem/dates.ts';
import { MILESTONE_FIELDS, POSTMORTEM_STATUSES, type MilestoneField, type PostmortemStatus } from '../../src/lib/postmortem/schema/frontmatter-schema.ts';
import { buildScaffold, type ScaffoldAnswers } from '../../src/lib/postmortem/scaffold/build.ts';
import { describeResponse, IMPACT_QUESTIONS, proposeSeverity, readSeverity } from '../../src/lib/postmortem/scaffold/severity-questions.ts';
import { readTemplate } from '../../src/lib/postmortem/scaffold/template.ts';
import { isoTimestamp, minuteOfDay, readLooseMoment } from '../../src/lib/postmortem/migrate/loose-time.ts';
import { addDays } from '../../src/lib/postmortem/dates.ts';
import { SEVERITIES, severityLevel, type SeverityId } from '../../src/lib/postmortem/model/severity.ts';
import { validatePostmortems } from '../../src/lib/postmortem/validation/validate.ts';
import { createFileAtomically } from '../lib/atomic-write.ts';
import { EXIT, parseCommand, runIfMain, usageError, UsageError, writableFolderProblem, type CliContext, type ParsedFlags } from '../lib/cli.ts';
import { evidenceLines, evidenceWindow, gitUserName, recentCommits } from '../lib/git-evidence.ts';
import { clackPrompter, PromptCancelled, type Prompter } from '../lib/prompter.ts';

/** Written for `--category`, or chosen in the prompt, when the root cause is not known yet. */
const UNKNOWN_CATEGORY = ['unknown', 'not-known-yet', 'tbd'];

export const NEW_POSTMORTEM_USAGE = `Usage: npm run new-postmortem -- [options]

Creates postmortem-YYYY-MM-DD-short-description.md (status: draft) in the
post-mortem folder (POSTMORTEM_DIR or docs/spec/.llm/completed) from
content/templates/postmortem.md. In a terminal it asks for what the options
do not give; otherwise --title, --severity, --services and --author are required.

Options:
  --title TEXT              incident title, a short phrase
  --date YYYY-MM-DD         incident date, UTC (default: today)
  --severity SEV-N          SEV-1 … SEV-4 (in a terminal: proposed from impact questions)
  --category ID             ${CATEGORY_IDS.join(', ')}, or unknown (default: unknown)
  --services A,B            affected services, comma-separated
  --author NAME             author; repeat or comma-separate for several
  --status STATUS           draft (default); in-review and final are refused
                            while the template's placeholders are left
  --started-at TIME         first error: HH:MM (UTC, on --date), YYYY-MM-DD HH:MM or ISO 8601
  --detected-at TIME        alert fired / problem reported
  --acknowledged-at TIME    investigation started
  --mitigated-at TIME       fix or rollback in production
  --resolved-at TIME        incident over
  --slug TEXT               file-name description (default: made from the title)
  --dir PATH                folder to write to
  --yes                     accept defaults and do not ask for confirmation
  --dry-run                 print the file instead of writing it
  --help                    show this help

Example:
  npm run new-postmortem -- --title "Report exports time out" --severity SEV-2 \\
    --services report-export,postgres --author "Dana Kim" --started-at 09:12

Exit codes: 0 created, 1 refused (file exists, invalid result, cancelled), 2 usage error.
`;

const OPTIONS = {
  title: { type: 'string' },
  date: { type: 'string' },
  severity: { type: 'string' },
  category: { type: 'string' },
  services: { type: 'string' },
  author: { type: 'string', multiple: true },
  status: { type: 'string' },
  'started-at': { type: 'string' },
  'detected-at': { type: 'string' },
  'acknowledged-at': { type: 'string' },
  'mitigated-at': { type: 'string' },
  'resolved-at': { type: 'string' },
  slug: { type: 'string' },
  dir: { type: 'string' },
  yes: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

type Values = ParsedFlags<{ options: typeof OPTIONS }>['values'];

/** Comma-separated names, trimmed, empty ones dropped. */
const listOf = (text: string | undefined) => (text ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** Services as the archive already spells them (`Redis` → `redis`), each once; says so for each it changes. */
function inArchiveSpelling(ctx: CliContext, services: readonly string[], known: ReadonlyMap<string, number>): string[] {
  const result: string[] = [];
  for (const name of services) {
    const spelled = archiveSpelling(name, known);
    if (spelled !== name) ctx.stderr(`Service \`${name}\` written \`${spelled}\`, as the archive spells it (one spelling per service keeps facets and counts whole).\n`);
    if (!result.includes(spelled)) result.push(spelled);
  }
  return result;
}

const flagOf = (field: MilestoneField) => `--${field.replace('_', '-')}`;

export async function runNewPostmortem(ctx: CliContext): Promise<number> {
  const args = parseCommand(ctx, NEW_POSTMORTEM_USAGE, { options: OPTIONS, allowPositionals: false });
  if (typeof args === 'number') return args;
  const values = args.values;
  const settings = loadConfig(ctx.env, ctx.cwd);
  const dir = path.resolve(ctx.cwd, values.dir ?? settings.archiveDir);
  // Before any question: a folder that cannot take the file is an environment error, in one line.
  const dirProblem = values['dry-run'] ? null : writableFolderProblem(dir, values.dir ?? displayPath(dir, ctx.cwd));
  if (dirProblem) {
    ctx.stderr(`${dirProblem} Pass --dir with a folder you can write to (or set POSTMORTEM_DIR).\n`);
    return EXIT.usage;
  }
  let answers: ScaffoldAnswers;
  try {
    const given = readFlags(values, ctx.interactive);
    const missing = requiredMissing(given);
    if (missing.length && !ctx.interactive) {
      throw new UsageError(`Missing ${missing.join(', ')} (standard input is not a terminal, so nothing is asked).`);
    }
    answers = ctx.interactive ? await ask(ctx.prompt ?? (await clackPrompter()), given, values.yes, dir) : (given as ScaffoldAnswers);
  } catch (error) {
    if (error instanceof UsageError) return usageError(ctx, NEW_POSTMORTEM_USAGE, error.message);
    if (error instanceof PromptCancelled) {
      ctx.stderr(`${error.message}\n`);
      return EXIT.invalid;
    }
    throw error;
  }

  answers = { ...answers, services: inArchiveSpelling(ctx, answers.services, spellingsInArchive(settings.limits.fileBytes.value, dir).service) };
  const window = evidenceWindow(answers.milestones.started_at);
  const scaffold = buildScaffold(answers, readTemplate(), evidenceLines(recentCommits(dir, window), window));
  const target = path.join(dir, scaffold.fileName);
  const shown = displayPath(target, ctx.cwd);

  // The real validator decides: what the scaffold writes must pass `npm run validate`.
  const result = validatePostmortems([parsePostmortem(shown, scaffold.text)]);
  if (result.summary.invalid) {
    ctx.stderr(`${formatPretty(result)}Refused: ${shown} would not pass validate (nothing written).${answers.status !== 'draft' ? ' Create it as --status draft and set the status once the placeholders are filled.' : ''}\n`);
    return EXIT.invalid;
  }
  if (existsSync(target)) return refuseExisting(ctx, shown);
  if (values['dry-run']) {
    ctx.stdout(scaffold.text);
    ctx.stderr(`Dry run: would create ${shown}; nothing written.\n`);
    return EXIT.ok;
  }
  if (ctx.interactive && !values.yes) {
    try {
      const prompter = ctx.prompt ?? (await clackPrompter());
      if (!(await prompter.confirm({ message: `Create ${shown}?`, initialValue: true }))) throw new PromptCancelled();
    } catch (error) {
      if (!(error instanceof PromptCancelled)) throw error;
      ctx.stderr(`${error.message}\n`);
      return EXIT.invalid;
    }
  }
  mkdirSync(dir, { recursive: true });
  try {
    createFileAtomically(target, scaffold.text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return refuseExisting(ctx, shown);
    throw error;
  }
  const level = severityLevel(answers.severity);
  ctx.stdout(
    [
      `Created ${shown} (status: ${answers.status}).`,
      describeResponse(level),
      scaffold.categoryUnknown ? 'Root-cause category not known yet: the file says `unknown`; set it before the post-mortem leaves draft.' : '',
      `Next: replace the placeholders (TBD, HH:MM, [ … ]), then set status: in-review and run npx hindsight validate ${shown}`,
      '',
    ].filter((line, index, lines) => line || index === lines.length - 1).join('\n'),
  );
  return EXIT.ok;
}

/** The answers the flags give, checked; throws UsageError on a bad value. */
function readFlags(values: Values, interactive: boolean): Partial<ScaffoldAnswers> {
  const given: Partial<ScaffoldAnswers> = { milestones: {} };
  if (values.title !== undefined) {
    if (!values.title.trim()) throw new UsageError('--title must not be empty.');
    given.title = values.title.trim();
  }
  const written = MILESTONE_FIELDS.filter((field) => values[flagOf(field).slice(2) as keyof Values] !== undefined);
  // Without a person to ask (or with --yes, or times that need a day), the date defaults to today.
  given.date = values.date ?? (!interactive || values.yes || written.length ? today() : undefined);
  if (given.date !== undefined && !isoDate.safeParse(given.date).success) throw new UsageError(`--date \`${given.date}\` is not a date; write YYYY-MM-DD, e.g. 2026-03-14.`);
  if (values.severity !== undefined) {
    const severity = readSeverity(values.severity);
    if (!severity) throw new UsageError(`--severity \`${values.severity}\` is not one of ${SEVERITIES.map((level) => level.id).join(', ')}.`);
    given.severity = severity;
  }
  if (values.category !== undefined) given.category = readCategory(values.category);
  else if (!interactive || values.yes) given.category = null;
  if (values.services !== undefined) {
    given.services = listOf(values.services);
    if (!given.services.length) throw new UsageError('--services must name at least one service, e.g. --services api,postgres.');
  }
  if (values.author !== undefined) {
    given.authors = values.author.flatMap((author) => listOf(author));
    if (!given.authors.length) throw new UsageError('--author must name someone, e.g. --author "Dana Kim".');
  }
  given.status = (values.status ?? 'draft') as PostmortemStatus;
  if (!(POSTMORTEM_STATUSES as readonly string[]).includes(given.status)) throw new UsageError(`--status \`${values.status}\` is not one of ${POSTMORTEM_STATUSES.join(', ')}.`);
  if (values.slug !== undefined) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug)) throw new UsageError(`--slug \`${values.slug}\` must be lower-case words joined by hyphens, e.g. report-export-timeouts.`);
    given.slug = values.slug;
  }
  for (const field of written) {
    given.milestones![field] = readMilestone(String(values[flagOf(field).slice(2) as keyof Values]), given.date!, given.milestones!, field);
  }
  return given;
}

function readCategory(text: string): CategoryId | null {
  if (UNKNOWN_CATEGORY.includes(text.trim().toLowerCase().replace(/\s+/g, '-'))) return null;
  const id = normaliseCategory(text);
  if (!(CATEGORY_IDS as readonly unknown[]).includes(id)) throw new UsageError(`--category \`${text}\` is not one of ${CATEGORY_IDS.join(', ')}, unknown.`);
  return id as CategoryId;
}

/**
 * A milestone flag as an ISO timestamp. `HH:MM` is on the incident date, or the
 * next day when it is earlier than a milestone already given (past midnight).
 */
function readMilestone(text: string, date: string, known: Partial<Record<MilestoneField, string>>, field: MilestoneField): string {
  const exact = parseIsoDateTime(text.trim());
  if (exact !== null) return new Date(exact).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const moment = readLooseMoment(text, date);
  if (!moment) throw new UsageError(`${flagOf(field)} \`${text}\` is not a UTC time; write HH:MM, YYYY-MM-DD HH:MM or 2026-03-14T09:12:00Z.`);
  let day = moment.date ?? date;
  const previous = MILESTONE_FIELDS.slice(0, MILESTONE_FIELDS.indexOf(field)).map((other) => known[other]).filter(Boolean).pop();
  if (!moment.date && previous && previous.slice(0, 10) === day && minuteOfDay(moment) < minuteOfDay(readLooseMoment(previous)!)) day = addDays(day, 1);
  return isoTimestamp(day, moment);
}

function requiredMissing(given: Partial<ScaffoldAnswers>): string[] {
  const missing: string[] = [];
  if (!given.title) missing.push('--title');
  if (!given.severity) missing.push('--severity');
  if (!given.services) missing.push('--services');
  if (!given.authors) missing.push('--author');
  return missing;
}

/** Asks for every answer the flags left out; with --yes, defaults are taken without asking. */
async function ask(prompter: Prompter, given: Partial<ScaffoldAnswers>, yes: boolean, dir: string): Promise<ScaffoldAnswers> {
  const title = given.title ?? (await prompter.text({ message: 'Incident title (a short phrase)', placeholder: 'e.g. Report exports time out for large tenants', validate: (value) => (value.trim() ? undefined : 'A title is required.') })).trim();
  const date = given.date ?? (await prompter.text({
    message: 'Incident date (UTC, YYYY-MM-DD)',
    initialValue: today(),
    validate: (value) => (isoDate.safeParse(value.trim()).success ? undefined : 'Write a real date as YYYY-MM-DD.'),
  })).trim();
  let severity = given.severity;
  if (!severity) {
    const answers: Record<string, boolean> = {};
    for (const question of IMPACT_QUESTIONS) {
      answers[question.id] = await prompter.confirm({ message: question.question, initialValue: false });
      if (answers[question.id]) break;
    }
    const proposed = proposeSeverity(answers);
    prompter.note(describeResponse(severityLevel(proposed)), `Proposed: ${proposed}`);
    severity = await prompter.select<SeverityId>({
      message: 'Severity',
      initialValue: proposed,
      options: SEVERITIES.map((level) => ({ value: level.id, label: `${level.id} ${level.label}`, hint: level.criteria })),
    });
    if (severity !== proposed) prompter.note(describeResponse(severityLevel(severity)), severity);
  }
  const services = given.services ?? listOf(await prompter.text({ message: 'Affected services (comma-separated)', placeholder: 'e.g. report-export, postgres', validate: (value) => (listOf(value).length ? undefined : 'Name at least one service, e.g. api, postgres (the grey text is only an example).') }));
  let category = given.category;
  if (category === undefined) {
    const choice = await prompter.select<CategoryId | 'unknown'>({
      message: 'Root-cause category',
      initialValue: 'unknown',
      options: [{ value: 'unknown', label: 'Not known yet' }, ...CATEGORIES.map((entry) => ({ value: entry.id, label: entry.label, hint: entry.examples }))],
    });
    category = choice === 'unknown' ? null : choice;
  }
  const authors = given.authors ?? listOf(await prompter.text({ message: 'Author(s) (comma-separated)', initialValue: gitUserName(dir) ?? '', validate: (value) => (listOf(value).length ? undefined : 'Name at least one author.') }));
  const milestones = { ...given.milestones };
  if (!milestones.started_at && !yes) {
    const started = (await prompter.text({
      message: 'When did it start? (HH:MM UTC; leave empty if not known)',
      // No placeholder: clack prints it as the answer when the field is left empty, which reads as a time given.
      validate: (value) => (!value.trim() || readLooseMoment(value, date) ? undefined : 'Write HH:MM (UTC) or YYYY-MM-DD HH:MM, or leave it empty.'),
    })).trim();
    if (started) milestones.started_at = readMilestone(started, date, milestones, 'started_at');
  }
  return { title, date, severity, category, services, authors, status: given.status ?? 'draft', milestones, slug: given.slug };
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function refuseExisting(ctx: CliContext, shown: string): number {
  ctx.stderr(`Refused: ${shown} already exists; it was left untouched. Open it, or pick another title or --slug.\n`);
  return EXIT.invalid;
}

runIfMain(import.meta.url, runNewPostmortem);
