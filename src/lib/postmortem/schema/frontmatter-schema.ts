/**
 * The post-mortem frontmatter: everything a chart, filter or feed needs,
 * composed from one sub-schema per concept. Cross-field checks (timestamp
 * order, date against file name) are rules, so each gets its own message.
 */
import { z } from 'astro/zod';
import { categorySchema, mainCategorySchema } from './category-field.ts';
import { isoDate, isoDateTime } from './date-fields.ts';
import { linkSchema } from './link.ts';
import { preventedBySchema, unrelatedToSchema } from './declared-links.ts';
import { recurrenceSchema } from './recurrence.ts';
import { severitySchema } from './severity-field.ts';
import { tenantSharePercent } from './tenant-share.ts';

export const POSTMORTEM_STATUSES = ['draft', 'in-review', 'final'] as const;
export type PostmortemStatus = (typeof POSTMORTEM_STATUSES)[number];

const nonEmptyText = z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'must not be empty');
const textList = (what: string) =>
  z.array(nonEmptyText, { invalid_type_error: `must be a list of ${what}` });

export const frontmatterSchema = z
  .object({
    /** Incident title, a short phrase. Required. Example: `Report exports time out for large tenants`. */
    title: nonEmptyText,
    /** Incident date (UTC), equal to the date in the file name. Required. Example: `2026-03-14`. */
    date: isoDate,
    /** Severity, SEV-1 (worst) to SEV-4. Required. Example: `SEV-2`. */
    severity: severitySchema,
    /** Review state: `draft` while being written, `in-review`, `final`. Default `draft`. */
    status: z
      .enum(POSTMORTEM_STATUSES, { errorMap: () => ({ message: `must be one of ${POSTMORTEM_STATUSES.join(', ')}` }) })
      .default('draft'),
    /** Who wrote it, one or more names. Required unless `status: draft` (rule `lists-required`). Example: `[Dana Kim]`. */
    authors: textList('names').default([]),
    /** Affected services or components, one or more. Required unless `status: draft` (rule `lists-required`). Example: `[report-export, postgres]`. */
    services: textList('service names').default([]),
    /** Main root-cause category. Required; a draft may say `unknown` until the cause is found. Example: `deployment`. */
    root_cause_category: mainCategorySchema,
    /** Other categories that contributed. Default `[]`. Example: `[configuration]`. */
    contributing_categories: z.array(categorySchema, { invalid_type_error: 'must be a list of categories' }).default([]),
    /** First error or impact (ISO 8601 with zone), on `date`. Required unless `status: draft`. Example: `2026-03-14T09:12:00Z`. */
    started_at: isoDateTime.optional(),
    /** Alert fired or the problem was reported. Recommended. Example: `2026-03-14T09:19:00Z`. */
    detected_at: isoDateTime.optional(),
    /** Investigation started. Recommended. Example: `2026-03-14T09:24:00Z`. */
    acknowledged_at: isoDateTime.optional(),
    /** Fix (or rollback) in production, impact stopped. Recommended. Example: `2026-03-14T10:41:00Z`. */
    mitigated_at: isoDateTime.optional(),
    /** Incident over, metrics back to baseline. Required unless `status: draft`. Example: `2026-03-14T11:05:00Z`. */
    resolved_at: isoDateTime.optional(),
    /** Number of tenants affected, where known. Example: `42`. */
    tenants_affected: z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').nonnegative().optional(),
    /** Number of tenants in total at the time, where known. Example: `310`. */
    tenants_total: z.number({ invalid_type_error: 'must be a whole number' }).int('must be a whole number').positive().optional(),
    /** Percent of tenants affected, where only a share is known (no counts). Example: `0.4`. */
    tenants_affected_percent: tenantSharePercent.optional(),
    /** Free keywords for search. Default `[]`. Example: `[timeouts, migration]`. */
    tags: textList('keywords').default([]),
    /** Tickets, dashboards, chat threads. Default `[]`. */
    links: z.array(linkSchema, { invalid_type_error: 'must be a list of { title, url }' }).default([]),
    /** Earlier post-mortems this incident repeats, by slug (one, or a list). Optional. Example: `[2026-03-14-report-export-timeouts]`. */
    recurrence_of: recurrenceSchema,
    /** Follow-ups of earlier incidents that would have prevented this one, as `slug#ticket` or `slug#row`. Optional. Example: `[2025-07-16-pgbouncer-pool-exhaustion#OPS-1332]`. */
    prevented_by: preventedBySchema,
    /** Earlier post-mortems this incident is not related to: dismisses the links Hindsight computed with them. Optional. Example: `[2026-02-26-bank-feed-schema-drift]`. */
    unrelated_to: unrelatedToSchema,
  })
  .strict();

/** Frontmatter after validation, with defaults and normalised categories. */
export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** The field names, in the order documented and scaffolded. */
export const FRONTMATTER_FIELDS = Object.keys(frontmatterSchema.shape) as (keyof Frontmatter)[];

/** The timestamp fields, in the order an incident passes through them. */
export const MILESTONE_FIELDS = ['started_at', 'detected_at', 'acknowledged_at', 'mitigated_at', 'resolved_at'] as const;
export type MilestoneField = (typeof MILESTONE_FIELDS)[number];

/** A valid example value for each field, written as YAML: used in hints, docs and the scaffold. */
export const FIELD_EXAMPLES: Record<keyof Frontmatter, string> = {
  title: 'Report exports time out for large tenants',
  date: '2026-03-14',
  severity: 'SEV-2',
  status: 'final',
  authors: '[Dana Kim]',
  services: '[report-export, postgres]',
  root_cause_category: 'deployment',
  contributing_categories: '[configuration]',
  started_at: '2026-03-14T09:12:00Z',
  detected_at: '2026-03-14T09:19:00Z',
  acknowledged_at: '2026-03-14T09:24:00Z',
  mitigated_at: '2026-03-14T10:41:00Z',
  resolved_at: '2026-03-14T11:05:00Z',
  tenants_affected: '42',
  tenants_total: '310',
  tenants_affected_percent: '13.5',
  tags: '[timeouts, migration]',
  links: '[{ title: OPS-1423, url: "https://tracker.example.com/OPS-1423" }]',
  recurrence_of: '[2026-01-14-ingest-worker-oom-upgrade]',
  prevented_by: '[2025-07-16-pgbouncer-pool-exhaustion#OPS-1332]',
  unrelated_to: '[2026-02-26-bank-feed-schema-drift]',
};
