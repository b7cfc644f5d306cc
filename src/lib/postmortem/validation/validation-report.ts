/**
 * Formats a validation result for people (pretty), machines (json) and
 * GitHub workflow annotations. The CLI and the build gate print the same text.
 */
import type { ValidationResult } from './validate.ts';

export const REPORT_FORMATS = ['pretty', 'json', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function formatReport(result: ValidationResult, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'github') return formatGithub(result);
  return formatPretty(result);
}

/** `path:line:col  error  message  (rule)` then the hint, one block per problem, and a closing summary. */
export function formatPretty(result: ValidationResult): string {
  const lines: string[] = [];
  for (const file of result.files) {
    for (const problem of file.problems) {
      lines.push(`${file.path}:${problem.line}:${problem.column}  ${problem.level.padEnd(7)}  ${problem.message}  (${problem.rule})`);
      lines.push(`    hint: ${problem.hint}`);
    }
  }
  if (lines.length) lines.push('');
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

export function summaryLine({ summary }: ValidationResult): string {
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  if (summary.files === 0) return 'No post-mortems found.';
  if (summary.invalid === 0) return `✓ ${plural(summary.files, 'post-mortem')} valid (${counts}).`;
  return `✗ ${summary.invalid} of ${plural(summary.files, 'post-mortem')} invalid (${counts}).`;
}

function formatGithub(result: ValidationResult): string {
  const lines = result.files.flatMap((file) =>
    file.problems.map((problem) => {
      const properties = `file=${escapeProperty(file.path)},line=${problem.line},col=${problem.column},title=${escapeProperty(`Hindsight: ${problem.rule}`)}`;
      return `::${problem.level === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(`${problem.message}\nHint: ${problem.hint}`)}`;
    }),
  );
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Escaping rules of GitHub workflow commands. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
