/**
 * Runs every rule over post-mortems: the one assembly of validation behind the
 * CLI, the build gate, the agent commands and the tests. Files whose text and
 * path a cache has seen are not parsed or checked again; the cache itself is
 * the caller's (validation-cache.ts keeps one on disk).
 */
import { createHash } from 'node:crypto';
import { mayReferenceImages } from '../safety/assets.ts';
import { DATE_RANGE } from '../dates.ts';
import { slugOf } from '../model/file-naming.ts';
import { followUpNames, recurrenceReferences, recurrenceReferencesInText } from '../learning/recurrence-references.ts';
import { parsePostmortem, type ParsedPostmortem } from '../parsing/parse.ts';
import type { Source } from '../parsing/source.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../safety/limits.ts';
import { spellingsInText, spellingsOf, type SpellingUse } from '../spelling/spellings-used.ts';
import { ARCHIVE_RULES, FILE_RULES, type ArchiveEntry, type Finding, type Level, type Problem } from '../rules/all-rules.ts';

export interface FileReport {
  /** The path as given, or relative to the working directory. */
  path: string;
  /** No errors (and, with `strict`, no warnings). */
  valid: boolean;
  problems: Problem[];
}

export interface Summary {
  files: number;
  valid: number;
  invalid: number;
  errors: number;
  warnings: number;
}

export interface ValidationResult {
  files: FileReport[];
  summary: Summary;
}

/** What the cache keeps of one file: its problems, and what the archive rules need of it that its text would otherwise have to be read again for. */
export interface CachedCheck {
  problems: Problem[];
  spellings?: SpellingUse[];
}

/** Each file's problems from earlier runs, by {@link cacheKey}. An optimisation only: it never throws. */
export interface ValidationCache {
  get(key: string): CachedCheck | undefined;
  set(key: string, check: CachedCheck): void;
  /** Keeps what was set (a store on disk writes it out). */
  save(): void;
}

export interface ValidateOptions {
  /** Warnings make a file invalid. */
  strict?: boolean;
  /** Results of earlier runs; used for files given with their {@link Source}. */
  cache?: ValidationCache | null;
  /** The limits and MDX mode the entry point read; the defaults when not given. */
  settings?: CheckSettings;
}

/** A file to check: its text as read (needed for the cache), its parse (when the caller has it), or both. */
export type FileToCheck = { path: string; source: Source; parsed?: ParsedPostmortem } | { path: string; source?: Source; parsed: ParsedPostmortem };

/** One file's result under the file rules, with what the archive rules need of it. */
export type CheckedFile = ArchiveEntry & { problems: Problem[] };

/** Checks files not answered by the cache, in their order (on other threads, say); each has a source. */
export type CheckMany = (files: readonly (FileToCheck & { source: Source })[]) => Promise<CheckedFile[]>;

/** Checks each post-mortem against every rule, and the set against the archive rules; never throws on content. */
export function validatePostmortems(postmortems: readonly ParsedPostmortem[], options: ValidateOptions = {}): ValidationResult {
  return validateFiles(postmortems.map((pm) => ({ path: pm.path, parsed: pm })), options);
}

/** Validates files in this thread, taking from `options.cache` what it knows. */
export function validateFiles(files: readonly FileToCheck[], options: ValidateOptions = {}): ValidationResult {
  const run = lookUp(files, options);
  return finish(files, run, run.pending.map((file) => checkOne(file, options.settings)), options);
}

/**
 * {@link validateFiles} where `checkMany` checks what the cache does not answer
 * (the CLI passes its thread pool); one assembly either way.
 */
export async function validateFilesWith(checkMany: CheckMany, files: readonly FileToCheck[], options: ValidateOptions = {}): Promise<ValidationResult> {
  const run = lookUp(files, options);
  const withSource = run.pending.filter((file): file is FileToCheck & { source: Source } => file.source !== undefined);
  // Files given only as parses (never from the CLI) are checked here: a thread would have to read them again.
  const fresh = withSource.length === run.pending.length ? await checkMany(withSource) : run.pending.map((file) => checkOne(file, options.settings));
  return finish(files, run, fresh, options);
}

/** Parses (unless parsed) and checks one file under the file rules. */
export function checkOne(file: FileToCheck, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): CheckedFile {
  const pm = file.parsed ?? parsePostmortem(file.path, file.source!.text, file.source);
  return { path: file.path, slug: pm.slug, references: recurrenceReferences(pm), followUps: followUpNames(pm), spellings: spellingsOf(pm), problems: checkFile(pm, settings) };
}

/**
 * What a file's result depends on besides the code: its path as reported, what
 * reading found, its text, the size limits and the MDX mode (both settings).
 */
export function cacheKey(file: string, source: Source, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): string {
  return createHash('sha1')
    .update(`${file}\0${JSON.stringify(settings.limits)}\0${DATE_RANGE.lastYear}\0${settings.mdx}\0${JSON.stringify(source.problem)}\0`)
    .update(source.text)
    .digest('base64');
}

interface Lookup {
  /** Results from the cache, by path. */
  known: Map<string, CheckedFile>;
  pending: FileToCheck[];
  /** The cache key of each pending file that has one. */
  keys: Map<FileToCheck, string>;
}

function lookUp(files: readonly FileToCheck[], { cache, settings }: ValidateOptions): Lookup {
  const run: Lookup = { known: new Map(), pending: [], keys: new Map() };
  for (const file of files) {
    // A file that shows images is judged by the image files too, which the key cannot see.
    if (!cache || !file.source || mayReferenceImages(file.source.text)) {
      run.pending.push(file);
      continue;
    }
    const key = cacheKey(file.path, file.source, settings);
    const cached = cache.get(key);
    if (cached) run.known.set(file.path, { path: file.path, slug: slugOf(file.path), references: recurrenceReferencesInText(file.source.text), spellings: cached.spellings ?? spellingsInText(file.source.text), problems: cached.problems });
    else {
      run.pending.push(file);
      run.keys.set(file, key);
    }
  }
  return run;
}

function finish(files: readonly FileToCheck[], run: Lookup, fresh: readonly CheckedFile[], options: ValidateOptions): ValidationResult {
  fresh.forEach((result, index) => {
    run.known.set(result.path, result);
    const key = run.keys.get(run.pending[index]!);
    if (key) options.cache?.set(key, { problems: result.problems, spellings: [...(result.spellings ?? [])] });
  });
  options.cache?.save();
  const checked = files.map((file) => run.known.get(file.path)!);
  addFollowUpNames(checked, files);
  return combineChecks(checked, options);
}

/**
 * Files whose problems came from the cache carry no follow-up names; the few
 * that a `prevented_by` points at are parsed here, so a cached run reports what a fresh one does.
 */
function addFollowUpNames(checked: CheckedFile[], files: readonly FileToCheck[]): void {
  const named = new Set(checked.flatMap((entry) => (entry.references ?? []).filter((reference) => reference.followUp !== undefined).map((reference) => reference.slug)));
  checked.forEach((entry, at) => {
    const file = files[at]!;
    if (entry.followUps || !named.has(entry.slug)) return;
    const pm = file.parsed ?? (file.source ? parsePostmortem(file.path, file.source.text, file.source) : null);
    if (pm) checked[at] = { ...entry, followUps: followUpNames(pm) };
  });
}

/** One file's problems under every file rule (the part of validation that can run in parallel). */
export function checkFile(pm: ParsedPostmortem, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): Problem[] {
  // A plain loop: ~45 rules a file, and closures and arrays per rule were garbage for every one of them.
  const problems: Problem[] = [];
  for (const rule of FILE_RULES) {
    for (const finding of safelyCheck(rule, pm, settings)) problems.push(toProblem(rule.id, rule.level, finding));
  }
  return problems;
}

/** `rule`'s findings, or the internal-error finding when it throws ({@link safely} without a closure per call). */
function safelyCheck(rule: (typeof FILE_RULES)[number], pm: ParsedPostmortem, settings: CheckSettings): Finding[] {
  try {
    return rule.check(pm, settings);
  } catch (error) {
    return internalError(rule.id)(error);
  }
}

/** Adds the archive rules' problems to per-file results and summarises, in the order the files were given. */
function combineChecks(checked: readonly CheckedFile[], options: ValidateOptions): ValidationResult {
  const archiveFindings = ARCHIVE_RULES.map((rule) => ({ rule, byPath: safely(() => rule.check(checked), () => new Map<string, Finding[]>()) }));
  const files = checked.map(({ path, problems: fileProblems }) => {
    const problems = [...fileProblems];
    for (const { rule, byPath } of archiveFindings) {
      for (const finding of byPath.get(path) ?? []) problems.push(toProblem(rule.id, rule.level, finding));
    }
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    const failing = problems.filter((problem) => problem.level === 'error' || options.strict);
    return { path, valid: failing.length === 0, problems };
  });
  return { files, summary: summarise(files) };
}

function summarise(files: readonly FileReport[]): Summary {
  const all = files.flatMap((file) => file.problems);
  const valid = files.filter((file) => file.valid).length;
  return {
    files: files.length,
    valid,
    invalid: files.length - valid,
    errors: all.filter((problem) => problem.level === 'error').length,
    warnings: all.filter((problem) => problem.level === 'warning').length,
  };
}

function toProblem(rule: string, level: Level, finding: Finding): Problem {
  return {
    rule,
    level: finding.level ?? level,
    message: cutQuotedValues(finding.message),
    hint: finding.hint,
    line: Math.max(1, finding.line),
    column: finding.column ?? 1,
  };
}

/** Values are quoted in backticks; a long one (a pasted log line, a 100 KB cell) is cut so a report stays readable. */
function cutQuotedValues(message: string): string {
  if (message.length <= 200) return message;
  return message.replace(/`([^`]{121,})`/g, (_, value: string) => `\`${value.slice(0, 119)}…\``);
}

/** A rule that throws is a Hindsight bug: report it on the file instead of losing every other result. */
function safely<T>(run: () => T, fallback: (error: unknown) => T): T {
  try {
    return run();
  } catch (error) {
    return fallback(error);
  }
}

function internalError(ruleId: string) {
  return (error: unknown): Finding[] => [{
    line: 1,
    message: `rule \`${ruleId}\` failed on this file: ${error instanceof Error ? error.message : String(error)}`,
    hint: 'This is a bug in Hindsight; please report it with the file.',
  }];
}
