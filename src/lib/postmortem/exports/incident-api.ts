/**
 * The public JSON shape of the archive (`/api/incidents.json`), documented in
 * docs/API.md. Other tools depend on it: add fields, never rename or remove
 * them without raising `API_VERSION`.
 */
import { isOverdue } from '../ledger/ledger-rules.ts';
import type { ActionStatus } from '../model/action-status.ts';
import { INTERVALS, incidentIntervals, type IntervalKey } from '../model/durations.ts';
import type { Postmortem } from '../model/model.ts';
import { MILESTONE_FIELDS, type Frontmatter, type MilestoneField } from '../schema/frontmatter-schema.ts';
import { parseIsoDateTime } from '../dates.ts';

/** Raised on breaking changes to the shape below. */
export const API_VERSION = 1;

export interface ApiActionItem {
  action: string;
  owner: string;
  /** `YYYY-MM-DD` or null. */
  due: string | null;
  status: ActionStatus;
  /** Open with a due date before `as_of`. */
  overdue: boolean;
  ticket: { text: string; url: string | null } | null;
}

export interface ApiIncident {
  slug: string;
  /** Absolute URL of the post-mortem page. */
  url: string;
  /** Source file, relative to the repository root. */
  source: string;
  /** The validated frontmatter, defaults applied (see docs/API.md for fields). */
  frontmatter: Frontmatter;
  /** Each milestone as UTC ISO 8601 (`2026-03-14T09:12:00.000Z`), or null when not recorded. */
  timestamps: Record<MilestoneField, string | null>;
  /** Minutes per interval (`detect`, `acknowledge`, `mitigate`, `resolve`), or null when an end is missing. */
  durations_minutes: Record<IntervalKey, number | null>;
  /** Share of tenants affected, 0..1, or null when either count is unknown. */
  tenant_share: number | null;
  /** Summary section as plain text. */
  summary: string;
  /** The Root Cause line as plain text, or null. */
  root_cause: string | null;
  action_items: ApiActionItem[];
}

export interface ApiDocument {
  version: typeof API_VERSION;
  /** When the file was built, ISO 8601 UTC. */
  generated_at: string;
  /** The day `overdue` is judged against, `YYYY-MM-DD`. */
  as_of: string;
  /** Interval keys with their from/to milestones, so consumers need not hard-code them. */
  intervals: { key: IntervalKey; label: string; from: MilestoneField; to: MilestoneField }[];
  count: number;
  /** Newest first. */
  incidents: ApiIncident[];
}

export interface ApiOptions {
  /** Absolute URL of a post-mortem page. */
  urlOf: (slug: string) => string;
  /** `YYYY-MM-DD`. */
  asOf: string;
  /** Build time, ISO 8601. */
  generatedAt: string;
}

/** One post-mortem in the public shape. */
export function toApiIncident(pm: Postmortem, { urlOf, asOf }: Pick<ApiOptions, 'urlOf' | 'asOf'>): ApiIncident {
  const { tenants_affected: affected, tenants_total: total } = pm.meta;
  return {
    slug: pm.slug,
    url: urlOf(pm.slug),
    source: pm.path,
    frontmatter: pm.meta,
    timestamps: Object.fromEntries(
      MILESTONE_FIELDS.map((field) => {
        const ms = pm.meta[field] ? parseIsoDateTime(pm.meta[field]) : null;
        return [field, ms === null ? null : new Date(ms).toISOString()];
      }),
    ) as Record<MilestoneField, string | null>,
    durations_minutes: incidentIntervals(pm.meta),
    // Counts when both are written; else the share the post-mortem states (never turned into counts).
    tenant_share: affected !== undefined && total ? affected / total : pm.meta.tenants_affected_percent !== undefined ? pm.meta.tenants_affected_percent / 100 : null,
    summary: pm.summary,
    root_cause: pm.rootCause,
    action_items: pm.actionItems.map((item) => ({
      action: item.action,
      owner: item.owner,
      due: item.due,
      status: item.status,
      overdue: isOverdue({ ...item, severity: pm.meta.severity, date: pm.meta.date }, asOf),
      ticket: item.ticket,
    })),
  };
}

/** The whole document, incidents newest first as the archive orders them. */
export function buildApiDocument(postmortems: readonly Postmortem[], options: ApiOptions): ApiDocument {
  return {
    version: API_VERSION,
    generated_at: options.generatedAt,
    as_of: options.asOf,
    intervals: INTERVALS.map(({ key, label, from, to }) => ({ key, label, from, to })),
    count: postmortems.length,
    incidents: postmortems.map((pm) => toApiIncident(pm, options)),
  };
}
