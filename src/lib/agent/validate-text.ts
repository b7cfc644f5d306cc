/**
 * Validates the text of one post-mortem (being written, not yet saved) with
 * the core validator, beside the archive so archive rules (duplicate slugs)
 * see it too. The file name matters to the rules (date in the name, slug):
 * when none is given the rules judge the name the scaffold would make from
 * the frontmatter, but the report names the text `<text>` (TEXT_LABEL), never
 * a file that does not exist.
 */
import path from 'node:path';
import { fileNameFor } from '../postmortem/model/file-naming.ts';
import { parsePostmortem } from '../postmortem/parsing/parse.ts';
import { formatPretty } from '../postmortem/validation/validation-report.ts';
import { slugify } from '../postmortem/scaffold/slug.ts';
import { validatePostmortems } from '../postmortem/validation/validate.ts';
import type { AgentArchive } from './agent-archive.ts';
import type { ValidateOutput } from './schemas.ts';

/** What the report calls a text given without a file name. */
export const TEXT_LABEL = '<text>';

export interface TextValidation {
  output: ValidateOutput;
  /** The validator's report, as `npm run validate` prints it. */
  report: string;
  /** The path the report names: the archive folder and the name given, or TEXT_LABEL. */
  label: string;
}

/** The name the rules judge: the one given, or `postmortem-<date>-<slug of title>.md` from the frontmatter. */
function fileNameOf(text: string, given: string | undefined): string {
  if (given) return path.basename(given);
  const { fields } = parsePostmortem('postmortem.md', text);
  return fields.date && fields.title ? fileNameFor(fields.date, slugify(fields.title) || 'incident') : 'postmortem.md';
}

export function validateText(text: string, archive: AgentArchive, archiveFolder: string, fileName?: string): TextValidation {
  const name = fileNameOf(text, fileName);
  const shownPath = path.posix.join(archiveFolder, name);
  const candidate = parsePostmortem(shownPath, text);
  // The file being edited replaces its saved copy, so it is not its own duplicate.
  const others = archive.parsed.filter((parsed) => path.posix.basename(parsed.path) !== name);
  const result = validatePostmortems([...others, candidate], { settings: archive.settings });
  const label = fileName ? shownPath : TEXT_LABEL;
  const report = { ...result.files.at(-1)!, path: label };
  const single = { files: [report], summary: { files: 1, valid: report.valid ? 1 : 0, invalid: report.valid ? 0 : 1, errors: count(report.problems, 'error'), warnings: count(report.problems, 'warning') } };
  return {
    label,
    report: formatPretty(single),
    output: { valid: report.valid, errors: single.summary.errors, warnings: single.summary.warnings, problems: report.problems },
  };
}

function count(problems: readonly { level: string }[], level: string): number {
  return problems.filter((problem) => problem.level === level).length;
}
