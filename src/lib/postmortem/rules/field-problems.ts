/** Turns the schema's findings into messages that quote the value and name the field's line. */
import type { ZodIssue } from 'astro/zod';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { nearestWord } from '../edit-distance.ts';
import { FIELD_EXAMPLES, FRONTMATTER_FIELDS, frontmatterSchema } from '../schema/frontmatter-schema.ts';
import { exampleValue } from './own-examples.ts';
import type { Finding } from './types.ts';

/** The rule a schema issue belongs to: refinements tag themselves (e.g. `calendar-date`), the rest are `schema`. */
export function ruleOfIssue(issue: ZodIssue): string {
  return (issue.code === 'custom' && (issue.params as { rule?: string } | undefined)?.rule) || 'schema';
}

export function fieldFindings(pm: ParsedPostmortem, rule: string): Finding[] {
  if (pm.frontmatter.kind !== 'parsed') return [];
  const { data, lineOf } = pm.frontmatter;
  return pm.schemaIssues
    .filter((issue) => ruleOfIssue(issue) === rule)
    .flatMap((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({
          line: lineOf([key]),
          message: `unknown field \`${key}\``,
          hint: `${suggestField(key)}Known fields: ${FRONTMATTER_FIELDS.join(', ')}.`,
        }));
      }
      const field = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replace(/\.\[/g, '[');
      const top = String(issue.path[0]) as keyof typeof FIELD_EXAMPLES;
      const value = valueAt(data, issue.path);
      const example = FIELD_EXAMPLES[top] ? `e.g. \`${top}: ${exampleValue(pm, top)}\`` : '';
      if (value === null && issue.path.length === 1 && isOptional(top)) {
        return [{ line: lineOf(issue.path), message: `\`${field}\` is empty (\`null\`)`, hint: `Remove the line: an optional field that is not known is left out, not written empty.` }];
      }
      if (value === undefined) {
        return [{ line: lineOf(issue.path), message: `\`${field}\` is missing`, hint: `Add it: ${example}.` }];
      }
      return [{
        line: lineOf(issue.path),
        message: `\`${field}\` is \`${quote(value)}\`, which ${issue.message}`,
        hint: example ? `Write it like ${example}.` : 'See docs/FORMAT.md for the field.',
      }];
    });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function isOptional(field: string): boolean {
  const shape = frontmatterSchema.shape as Record<string, { isOptional(): boolean } | undefined>;
  return shape[field]?.isOptional() ?? false;
}

const COMPUTED = 'Durations are computed from `started_at` and `resolved_at` (and the other milestones), never typed: remove it';

/** Fields agents and people write by habit, and what to write instead. */
const NEAR_MISSES: Record<string, string> = {
  duration: COMPUTED, duration_minutes: COMPUTED, duration_hours: COMPUTED, duration_mins: COMPUTED, mttr: COMPUTED, mttd: COMPUTED,
  mtta: COMPUTED, mttm: COMPUTED, ttr: COMPUTED, ttd: COMPUTED, time_to_resolve: COMPUTED, time_to_detect: COMPUTED,
  time_to_mitigate: COMPUTED, downtime: COMPUTED, downtime_minutes: COMPUTED, outage_duration: COMPUTED, impact_duration: COMPUTED,
  start: 'Write `started_at` (ISO 8601, e.g. `2026-03-14T09:12:00Z`)', start_time: 'Write `started_at`', started: 'Write `started_at`', begin: 'Write `started_at`',
  impact_start: 'Write `started_at`', end: 'Write `resolved_at`', end_time: 'Write `resolved_at`', ended_at: 'Write `resolved_at`', resolved: 'Write `resolved_at`',
  impact_end: 'Write `resolved_at`', detected: 'Write `detected_at`', alerted_at: 'Write `detected_at`', mitigated: 'Write `mitigated_at`',
  category: 'Write `root_cause_category`', root_cause: 'Write `root_cause_category` (one of the five categories); the cause itself goes in the Root Cause section',
  cause: 'Write `root_cause_category`', categories: 'Write `root_cause_category` and `contributing_categories`', contributing_factors: 'Contributing factors go in the Contributing Factors section; `contributing_categories` takes categories',
  author: 'Write `authors` as a list, e.g. `authors: [Dana Kim]`', owner: 'Write `authors`', service: 'Write `services` as a list, e.g. `services: [report-export]`',
  affected_services: 'Write `services`', components: 'Write `services`', systems: 'Write `services`',
  sev: 'Write `severity`', priority: 'Write `severity` (`SEV-1` … `SEV-4`)', impact: 'The impact goes in the Impact section; counts in `tenants_affected`',
  tenants: 'Write `tenants_affected` (a count)', customers_affected: 'Write `tenants_affected` (a count)', affected_tenants: 'Write `tenants_affected`',
  users_affected: 'Write `tenants_affected` (a count) or `tenants_affected_percent` (a share)', percent_affected: 'Write `tenants_affected_percent`',
  tenants_percent: 'Write `tenants_affected_percent`', tenant_share: 'Write `tenants_affected_percent` (0–100)', total_tenants: 'Write `tenants_total`',
  tag: 'Write `tags` as a list', keywords: 'Write `tags`', state: 'Write `status` (`draft`, `in-review`, `final`)', summary: 'The summary goes in the Summary section: remove it',
  incident_date: 'Write `date`', name: 'Write `title`', id: 'The file name is the id: remove it',
};

/** A hint for a common near miss, or "Did you mean `severity`?" for a misspelling, else nothing. */
function suggestField(key: string): string {
  const lower = key.toLowerCase().replace(/[\s-]+/g, '_');
  // Own keys only: `__proto__` or `constructor` would otherwise find Object's and print `[object Object]`.
  if (Object.hasOwn(NEAR_MISSES, lower)) return `${NEAR_MISSES[lower]}. `;
  const near = nearestWord(lower, FRONTMATTER_FIELDS);
  return near ? `Did you mean \`${near}\`? ` : '';
}
