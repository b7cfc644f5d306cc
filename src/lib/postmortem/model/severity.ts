/**
 * The severity model from the incident-response spec: the single source for
 * the levels, their criteria, response and watch period. The schema, the
 * guide page, badges and the scaffold's questions all read it from here.
 */

export const SEVERITY_IDS = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'] as const;
export type SeverityId = (typeof SEVERITY_IDS)[number];

export interface SeverityLevel {
  id: SeverityId;
  /** Short name for badges and charts. */
  label: string;
  /** When this level applies (spec, step 1). */
  criteria: string;
  /** Who responds and how often stakeholders hear (spec, step 1). */
  response: string;
  /** Minimum post-deploy watch period in minutes (spec, step 6). */
  watchMinutes: number;
  /** Stakeholder update interval in minutes while the incident is open; null when updates come on resolution only. */
  updateEveryMinutes: number | null;
  /**
   * Completion target for the post-mortem's action items, in weeks from the incident date: an open item
   * without a due date is overdue after it (common practice: 4 weeks for SEV-1/SEV-2, 8 for SEV-3/SEV-4).
   */
  followUpWeeks: number;
}

export const SEVERITIES: readonly SeverityLevel[] = [
  {
    id: 'SEV-1',
    label: 'Critical',
    criteria: 'Service down, data loss, security breach, all tenants affected',
    response: 'All hands, continuous updates every 15 min',
    watchMinutes: 15,
    updateEveryMinutes: 15,
    followUpWeeks: 4,
  },
  {
    id: 'SEV-2',
    label: 'Major',
    criteria: 'Major feature broken, significant tenant subset affected',
    response: 'Dedicated team, updates every 30 min',
    watchMinutes: 15,
    updateEveryMinutes: 30,
    followUpWeeks: 4,
  },
  {
    id: 'SEV-3',
    label: 'Minor',
    criteria: 'Minor feature degraded, few tenants affected',
    response: 'Next business day, update on resolution',
    watchMinutes: 5,
    updateEveryMinutes: null,
    followUpWeeks: 8,
  },
  {
    id: 'SEV-4',
    label: 'Cosmetic',
    criteria: 'Cosmetic issue, no functionality impact',
    response: 'Backlog, fix in next sprint',
    watchMinutes: 5,
    updateEveryMinutes: null,
    followUpWeeks: 8,
  },
];

/** The level for an id; ids come from the validated schema, so this never misses. */
export function severityLevel(id: SeverityId): SeverityLevel {
  return SEVERITIES.find((level) => level.id === id)!;
}
