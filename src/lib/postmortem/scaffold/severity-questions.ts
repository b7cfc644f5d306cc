/**
 * The spec's impact questions (step 1), each tied to the severity its "yes"
 * implies. The scaffold asks them worst-first and proposes the severity of
 * the first "yes", so an on-call engineer answers as few as possible.
 */
import { SEVERITIES, type SeverityId, type SeverityLevel } from '../model/severity.ts';

/** Worst first: the first "yes" decides. Each is asked as a yes/no question; `severity` is what a "yes" implies (spec, step 1 criteria). */
export const IMPACT_QUESTIONS = [
  { id: 'service-down', question: 'Is the service down?', severity: 'SEV-1' },
  { id: 'data-loss', question: 'Was data lost?', severity: 'SEV-1' },
  { id: 'security-breach', question: 'Is it a security breach?', severity: 'SEV-1' },
  { id: 'all-tenants', question: 'Are all tenants affected?', severity: 'SEV-1' },
  { id: 'major-feature', question: 'Is a major feature broken?', severity: 'SEV-2' },
  { id: 'significant-subset', question: 'Is a significant subset of tenants affected?', severity: 'SEV-2' },
  { id: 'minor-degradation', question: 'Is a minor feature degraded (few tenants affected)?', severity: 'SEV-3' },
  { id: 'cosmetic', question: 'Is it cosmetic only (no functionality impact)?', severity: 'SEV-4' },
] as const satisfies readonly { id: string; question: string; severity: SeverityId }[];

/**
 * The severity the answers point to: the worst one with a "yes".
 * With no "yes" at all nothing user-visible broke, which the spec calls SEV-4.
 */
export function proposeSeverity(answers: Readonly<Record<string, boolean>>): SeverityId {
  const yes = IMPACT_QUESTIONS.find((question) => answers[question.id]);
  return yes?.severity ?? 'SEV-4';
}

/** How a level is handled, as one line for the scaffold: response cadence and watch period. */
export function describeResponse(level: SeverityLevel): string {
  return `${level.id} (${level.label}): ${level.response}; watch at least ${level.watchMinutes} minutes after deploying the fix.`;
}

/**
 * Reads how people write a severity (`SEV-2`, `sev2`, `Sev 2`, `2`) as its id,
 * or null. Words such as `critical` are not read: the schema forbids guessing.
 */
export function readSeverity(text: string): SeverityId | null {
  const match = /^\s*(?:sev[\s_-]*)?([1-4])\s*$/i.exec(text);
  if (!match) return null;
  return SEVERITIES.find((level) => level.id === `SEV-${match[1]}`)!.id;
}
