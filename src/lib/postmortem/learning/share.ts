/** A share of incidents with a cross-incident link, declared and computed counted apart. Browser-safe: the analytics page re-counts it per range and service. */
import type { LinkKind } from './link-kinds.ts';

export interface Share {
  /** What the row is about: a service, a category label, a quarter, or `All`. */
  label: string;
  incidents: number;
  /** Incidents with the property (a repeat; preceded by an open follow-up), declared or computed. */
  count: number;
  /** Of those, incidents whose post-mortem declares it (`recurrence_of`, `prevented_by`); the rest rest on computed evidence only. */
  declared: number;
  /** count / incidents; null when there are no incidents. */
  share: number | null;
}

/** The share of `incidents` that have a link, and of those the declared ones. */
export function share<T>(label: string, incidents: readonly T[], linkOf: (incident: T) => LinkKind): Share {
  let count = 0;
  let declared = 0;
  for (const pm of incidents) {
    const link = linkOf(pm);
    if (link) count++;
    if (link === 'declared') declared++;
  }
  return { label, incidents: incidents.length, count, declared, share: incidents.length ? count / incidents.length : null };
}

