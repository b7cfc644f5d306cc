/** Runs every rule over parsed post-mortems: the check behind the CLI, the build gate and the tests. */
import { recurrenceReferences } from './learning/recurrence-references.ts';
import type { ParsedPostmortem } from './parse.ts';
import { ARCHIVE_RULES, FILE_RULES, type ArchiveEntry, type Finding, type Level, type Problem } from './rules/all-rules.ts';

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

export interface ValidateOptions {
  /** Warnings make a file invalid. */
  strict?: boolean;
}

/** Checks each post-mortem against every rule, and the set against the archive rules; never throws on content. */
export function validatePostmortems(postmortems: readonly ParsedPostmortem[], options: ValidateOptions = {}): ValidationResult {
  return combineChecks(postmortems.map((pm) => ({ path: pm.path, slug: pm.slug, references: recurrenceReferences(pm), problems: checkFile(pm) })), options);
}

/** One file's problems under every file rule (the part of validation that can run in parallel). */
export function checkFile(pm: ParsedPostmortem): Problem[] {
  return FILE_RULES.flatMap((rule) => safely(() => rule.check(pm), internalError(rule.id)).map((finding) => toProblem(rule.id, rule.level, finding)));
}

/** Adds the archive rules' problems to per-file results and summarises, in the order the files were given. */
export function combineChecks(checked: readonly (ArchiveEntry & { problems: Problem[] })[], options: ValidateOptions = {}): ValidationResult {
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
