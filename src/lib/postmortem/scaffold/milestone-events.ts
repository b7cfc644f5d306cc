/**
 * How Timeline rows relate to the frontmatter's milestone timestamps. The
 * template's rows name them in the spec's words; agents and people use others
 * ("Rolled back", "Paged on-call"), which the patterns accept.
 */
import type { MilestoneField } from '../schema/frontmatter-schema.ts';

export interface MilestoneEvent {
  field: MilestoneField;
  /** The template's row text for this milestone. */
  templateEvent: string;
  /** Event texts that mean this milestone was reached. */
  pattern: RegExp;
}

/** In incident order. Mitigation needs production (or a rollback): "Fix deployed to staging" is not it. */
export const MILESTONE_EVENTS: readonly MilestoneEvent[] = [
  {
    field: 'started_at',
    templateEvent: 'First error logged',
    pattern: /\bfirst (?:errors?|5\d\d|failures?|timeouts?|alert|report|impact|(?:customer|user) (?:reports?|complaints?))|\b(?:impact|errors?|outage|incident|degradation|disruption|failures?) (?:started|starts|began|begins)\b|\b(?:error rate|errors?|latency|timeouts?|failures?|5\d\ds?) (?:spiked?|rose|jumped|climbed|began (?:rising|climbing|to rise))\b|\b(?:users|customers|tenants) (?:began|started) (?:seeing|getting|to see|receiving)\b|\b(?:impact|errors?|outage|incident|degradation) (?:start|begin)\b|\b(?:elevated|increased)\s+(?:[\w-]+\s+){0,2}(?:errors?|latency|timeouts?|5\d\ds?)\b[^|]*\b(?:observed|seen|began|started)\b/i,
  },
  {
    field: 'detected_at',
    templateEvent: 'Alert fired',
    pattern: /\balerts? (?:fired|triggered|raised)|\bpag(?:ed|e sent)\b|\bdetected\b|\b(?:customer|user|tenant|support)s? (?:reports?|reported|tickets?|complain)/i,
  },
  {
    field: 'acknowledged_at',
    templateEvent: 'Investigation started',
    pattern: /\binvestigation (?:started|begins|began)|\backnowledged\b|\bincident (?:declared|opened)\b(?! (?:resolved|over|closed))|\bstarted investigating\b/i,
  },
  {
    field: 'mitigated_at',
    templateEvent: 'Fix deployed to production',
    pattern: /\b(?:fix|hotfix|patch|change)\b[^|]*\b(?:deployed|rolled out|applied|shipped)\b[^|]*\bprod(?:uction)?\b|\brolled? ?back\b[^|]*\b(?:complete|completed|done|deployed|finished)\b|\brollback (?:complete|completed|deployed|finished)\b|\bmitigat(?:ed|ion (?:applied|in place|deployed))\b|\bimpact (?:stopped|ended)\b/i,
  },
  {
    field: 'resolved_at',
    templateEvent: 'Incident resolved',
    pattern: /\b(?:incident )?resolved\b|\ball[- ]clear\b|\b(?:back|returned) to (?:baseline|normal)\b|\bincident (?:closed|ended|over)\b|\b(?:fully|completely) (?:recovered|restored)\b|\b(?:all )?(?:services?|systems?|traffic|operations?) (?:fully )?(?:recovered|restored|back to normal)\b|\brecovery (?:confirmed|complete)\b|\b(?:full|complete) recovery\b|\bconfirm(?:s|ed)? (?:full )?recovery\b|\ball systems? (?:operational|normal|green)\b|\boutage (?:end|ended|over)\b/i,
  },
];

/** The milestone an event text reports, or null. The first pattern that matches wins, so order matters. */
export function milestoneOfEvent(event: string): MilestoneField | null {
  return MILESTONE_EVENTS.find((milestone) => milestone.pattern.test(event))?.field ?? null;
}
