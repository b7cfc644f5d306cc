/**
 * Turns content/templates/postmortem.md into a new post-mortem body. The
 * template is the one copy of the format's body: the docs show it as is and
 * the scaffold fills in only what is already known, so the two cannot drift.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { codeRoot } from '../../code-root.ts';
import type { MilestoneField } from '../schema/frontmatter-schema.ts';
import { parseIsoDateTime, utcDateOf } from '../dates.ts';
import { severityLevel, type SeverityId } from '../model/severity.ts';
import { MILESTONE_EVENTS } from './milestone-events.ts';

/** Where the template lives, relative to the repository root. */
export const TEMPLATE_PATH = 'content/templates/postmortem.md';

/** The template's text (LF line endings). */
export function readTemplate(): string {
  return readFileSync(templateFile(), 'utf8').replace(/\r\n?/g, '\n');
}

/** The template in the repository the code runs from (see code-root.ts). */
function templateFile(): string {
  return path.join(codeRoot(), TEMPLATE_PATH);
}

export interface BodyAnswers {
  /** The incident date, `YYYY-MM-DD`. */
  date: string;
  severity: SeverityId;
  /** Milestone timestamps already known (ISO 8601, UTC). */
  milestones: Partial<Record<MilestoneField, string>>;
  /** Markdown lines for the Evidence note's recent changes, or null to leave the placeholder. */
  recentChanges: string[] | null;
}

/** Lines of the template the scaffold fills; a test checks each is in the template. */
export const TEMPLATE_ANCHORS = {
  duration: '- **Duration**: HH:MM to HH:MM UTC',
  watch: /^- \[ \] Watch for \d+ minutes post-deploy.*$/m,
  recentChanges: '- Recent changes: TBD',
} as const;

/** The template with what is known filled in; every other placeholder is left for the author. */
export function renderBody(template: string, answers: BodyAnswers): string {
  let body = template;
  for (const milestone of MILESTONE_EVENTS) {
    const value = answers.milestones[milestone.field];
    if (!value) continue;
    body = body.replace(`| HH:MM | ${milestone.templateEvent} |`, `| ${timelineTime(value, answers.date)} | ${milestone.templateEvent} |`);
  }
  const { started_at: started, resolved_at: resolved } = answers.milestones;
  if (started && resolved) {
    body = body.replace(TEMPLATE_ANCHORS.duration, `- **Duration**: ${timelineTime(started, answers.date)} to ${timelineTime(resolved, answers.date)} UTC`);
  }
  const level = severityLevel(answers.severity);
  body = body.replace(TEMPLATE_ANCHORS.watch, `- [ ] Watch for ${level.watchMinutes} minutes post-deploy (minimum for ${level.id})`);
  if (answers.recentChanges) body = body.replace(TEMPLATE_ANCHORS.recentChanges, answers.recentChanges.join('\n'));
  return body;
}

/** A Timeline time: `HH:MM` on the incident date, `YYYY-MM-DD HH:MM` on another day. */
export function timelineTime(timestamp: string, incidentDate: string): string {
  const iso = new Date(parseIsoDateTime(timestamp)!).toISOString();
  const clock = iso.slice(11, 16);
  return utcDateOf(Date.parse(iso)) === incidentDate ? clock : `${iso.slice(0, 10)} ${clock}`;
}

