/** Action-item statuses from the spec's template, and how loosely written ones map onto them. */

export const ACTION_STATUSES = ['TODO', 'IN PROGRESS', 'DONE', "WON'T DO"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that still need work. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['TODO', 'IN PROGRESS'];

/**
 * Normalises case, spacing, hyphens and apostrophes (`in-progress`, `Won’t do`, `to do`).
 * Returns null when the text names no status.
 */
export function normaliseActionStatus(raw: string): ActionStatus | null {
  const key = raw
    .trim()
    .toUpperCase()
    .replace(/[’`´]/g, "'")
    .replace(/[\s_-]+/g, ' ');
  const compact = key.replace(/[\s']/g, '');
  switch (compact) {
    case 'TODO':
      return 'TODO';
    case 'INPROGRESS':
      return 'IN PROGRESS';
    case 'DONE':
      return 'DONE';
    case 'WONTDO':
      return "WON'T DO";
    default:
      return null;
  }
}
