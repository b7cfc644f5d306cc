/**
 * A new post-mortem from given answers, without questions: the scaffold's
 * own assembly (scaffold/build.ts and the template), checked by the real
 * validator before anything is written. The interactive CLI
 * (scripts/cli/new-postmortem-cli.ts) asks for the answers; this is for callers that
 * already have them (the MCP server). Writing is the caller's, and must never overwrite.
 */
import { buildScaffold, type ScaffoldAnswers } from '../postmortem/scaffold/build.ts';
import { readTemplate } from '../postmortem/scaffold/template.ts';
import { parsePostmortem } from '../postmortem/parsing/parse.ts';
import { formatPretty } from '../postmortem/validation/validation-report.ts';
import { validatePostmortems } from '../postmortem/validation/validate.ts';

export type PlannedScaffold =
  | { ok: true; fileName: string; text: string; categoryUnknown: boolean }
  /** The scaffold would not pass validate: the validator's report. */
  | { ok: false; fileName: string; report: string };

/** The file to create, or why it would be refused. `shownFolder` prefixes the path in messages. */
export function planScaffold(answers: ScaffoldAnswers, shownFolder: string): PlannedScaffold {
  const scaffold = buildScaffold(answers, readTemplate(), null);
  const shown = `${shownFolder.replace(/\/$/, '')}/${scaffold.fileName}`;
  const result = validatePostmortems([parsePostmortem(shown, scaffold.text)]);
  if (result.summary.invalid) return { ok: false, fileName: scaffold.fileName, report: formatPretty(result) };
  return { ok: true, fileName: scaffold.fileName, text: scaffold.text, categoryUnknown: scaffold.categoryUnknown };
}
