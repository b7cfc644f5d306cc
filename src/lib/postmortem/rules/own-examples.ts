/**
 * Examples for hints, built from the file's own values (its date, its
 * timeline) so a hint reads as the line to write in this file; the fixed
 * FIELD_EXAMPLES are the fallback when the file gives nothing to build on.
 */
import { addDays } from '../dates.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { FIELD_EXAMPLES } from '../schema/frontmatter-schema.ts';

const INSTANT_FIELDS = ['started_at', 'detected_at', 'acknowledged_at', 'mitigated_at', 'resolved_at'] as const;
type InstantField = (typeof INSTANT_FIELDS)[number];

function isInstantField(field: string): field is InstantField {
  return (INSTANT_FIELDS as readonly string[]).includes(field);
}

/** The file's incident date when it is a valid one. */
function ownDate(pm: ParsedPostmortem): string | null {
  return pm.fields.date ?? null;
}

/** `2026-12-06T09:12:00Z`: the first (started_at) or last (resolved_at) timeline time, else the file's date at the example's time of day. */
function instantExample(pm: ParsedPostmortem, field: InstantField): string {
  const times = (pm.timeline?.rows ?? []).flatMap((row) => (row.at === null ? [] : [row.at]));
  const pick = field === 'started_at' ? times[0] : field === 'resolved_at' ? times.at(-1) : undefined;
  if (pick !== undefined) return new Date(pick).toISOString().replace('.000Z', 'Z');
  const date = ownDate(pm);
  return date ? `${date}${FIELD_EXAMPLES[field].slice(10)}` : FIELD_EXAMPLES[field];
}

/** An example value for a frontmatter field, from the file's own values where it has them. */
export function exampleValue(pm: ParsedPostmortem, field: keyof typeof FIELD_EXAMPLES): string {
  if (isInstantField(field)) return instantExample(pm, field);
  if (field === 'date') return ownDate(pm) ?? FIELD_EXAMPLES.date;
  return FIELD_EXAMPLES[field];
}

/** An example day after the incident (`date` + `days`), for due and closing dates. */
export function exampleDayAfter(pm: ParsedPostmortem, days: number): string {
  return addDays(ownDate(pm) ?? FIELD_EXAMPLES.date, days);
}
