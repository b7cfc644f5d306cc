/**
 * The milestone timestamps of a plain-form post-mortem: from Timeline rows
 * that name them ("First error logged", "Incident resolved"), and start and
 * resolution from the Impact's Duration range where the Timeline does not
 * name them. The result is checked against the `### Duration:` line.
 */
import { parseIsoDateTime } from '../dates.ts';
import { MILESTONE_FIELDS, type MilestoneField } from '../schema/frontmatter-schema.ts';
import { milestoneOfEvent } from '../scaffold/milestone-events.ts';
import type { FieldComments } from '../scaffold/serialize-frontmatter.ts';
import { readImpactWindow } from './impact-bullets.ts';
import { readDurationMinutes } from './loose-time.ts';
import type { MigrationNote } from './migration-note.ts';
import type { ResolvedRow } from './timeline.ts';

export interface MilestoneInput {
  rows: readonly ResolvedRow[];
  date: string;
  /** The Impact section's `Duration:` bullet, when there is one. */
  window: { value: string; index: number } | null;
  /** The `### Duration: 2 hours 15 minutes` line, when there is one. */
  durationLine: { value: string; index: number } | null;
  /** The date as written, where a range in a local zone starts (default: `date`). */
  localDay?: string;
}

export interface ChosenMilestones {
  milestones: Partial<Record<MilestoneField, string>>;
  notes: MigrationNote[];
  comments: FieldComments;
  /** True when the Duration line says what started_at to resolved_at says (so the line can move into the frontmatter). */
  durationLineAgrees: boolean;
}

const minutesBetween = (from: string, to: string) => (parseIsoDateTime(to)! - parseIsoDateTime(from)!) / 60_000;
/** A disagreement worth reporting: more than a minute and more than 5%. */
const agrees = (span: number, stated: number) => Math.abs(span - stated) <= Math.max(1, stated * 0.05);

export function chooseMilestones({ rows, date, window, durationLine, localDay }: MilestoneInput): ChosenMilestones {
  const notes: MigrationNote[] = [];
  const comments: FieldComments = {};
  const fromTimeline: Partial<Record<MilestoneField, { at: string; row: ResolvedRow }>> = {};
  for (const row of rows) {
    const field = row.at && !row.dayOnly ? milestoneOfEvent(row.event) : null;
    if (!field || (fromTimeline[field] && field !== 'resolved_at')) continue;
    fromTimeline[field] = { at: row.at!, row };
  }
  const range = window ? readImpactWindow(window.value, date, localDay) : null;
  if (window && !range) notes.push({ kind: 'warning', message: `could not read the Impact duration \`${window.value}\` as a range of times in UTC or in a known zone` });
  const stated = durationLine ? readDurationMinutes(durationLine.value) : null;

  // Start and resolution: the Timeline's when it names them, the Impact range's otherwise — and the
  // range's when a row's day was only inferred (times without days) and the range puts it on another day;
  // when the two disagree and only the other pair matches the Duration line, that pair.
  const pick = (field: 'started_at' | 'resolved_at', fromRange: string | undefined) => {
    const row = fromTimeline[field];
    if (!row) return fromRange;
    if (fromRange && !row.row.dayWritten && fromRange.slice(0, 10) !== row.at.slice(0, 10)) return fromRange;
    return row.at;
  };
  const pairs: { started?: string; resolved?: string; from: string }[] = [
    { started: pick('started_at', range?.started), resolved: pick('resolved_at', range?.resolved), from: 'timeline' },
  ];
  if (range) pairs.push({ started: range.started, resolved: range.resolved, from: 'impact' });
  const fits = (pair: (typeof pairs)[number]) => !!pair.started && !!pair.resolved && pair.started <= pair.resolved && (stated === null || agrees(minutesBetween(pair.started, pair.resolved), stated));
  const pair = pairs.find(fits) ?? pairs[0]!;
  const milestones: Partial<Record<MilestoneField, string>> = {};
  for (const field of MILESTONE_FIELDS) {
    const value = field === 'started_at' ? pair.started : field === 'resolved_at' ? pair.resolved : fromTimeline[field]?.at;
    if (!value) continue;
    milestones[field] = value;
    const row = fromTimeline[field];
    const source = row && row.at === value ? `the Timeline row \`${row.row.event}\` (line ${row.row.index + 1})` : `the Impact duration \`${window?.value}\``;
    notes.push({ kind: 'found', message: `${field} ${value} from ${source}` });
  }

  if (durationLine && stated !== null && milestones.started_at && !milestones.resolved_at) {
    const computed = new Date(parseIsoDateTime(milestones.started_at)! + stated * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    milestones.resolved_at = computed;
    comments.resolved_at = 'proposed by migrate from started_at plus the Duration line: review';
    notes.push({ kind: 'proposed', message: `resolved_at ${computed}: started_at plus the Duration line (${durationLine.value})` });
  }
  dropOutOfOrder(milestones, notes);
  let durationLineAgrees = false;
  if (durationLine && stated !== null && milestones.started_at && milestones.resolved_at) {
    const span = minutesBetween(milestones.started_at, milestones.resolved_at);
    durationLineAgrees = agrees(span, stated);
    if (!durationLineAgrees) {
      notes.push({ kind: 'warning', message: `the Duration line says ${durationLine.value} (${stated} min) but started_at to resolved_at is ${Math.round(span)} min: check both; the line is kept in the body` });
    }
  } else if (durationLine && stated === null) {
    notes.push({ kind: 'warning', message: `the Duration line \`${durationLine.value}\` could not be read as a duration; it is kept in the body` });
  }
  return { milestones, notes, comments, durationLineAgrees };
}

/** Keeps started_at ≤ detected_at ≤ acknowledged_at ≤ mitigated_at ≤ resolved_at by dropping the optional ones that break it. */
function dropOutOfOrder(milestones: Partial<Record<MilestoneField, string>>, notes: MigrationNote[]): void {
  const at = (field: MilestoneField) => parseIsoDateTime(milestones[field]!)!;
  if (milestones.started_at && milestones.resolved_at && at('started_at') > at('resolved_at')) {
    notes.push({ kind: 'warning', message: `resolved_at ${milestones.resolved_at} is before started_at ${milestones.started_at}: left out` });
    delete milestones.resolved_at;
  }
  let previous: MilestoneField | null = null;
  for (const field of MILESTONE_FIELDS) {
    if (!milestones[field]) continue;
    const optional = field !== 'started_at' && field !== 'resolved_at';
    const later = milestones.resolved_at && field !== 'resolved_at' ? 'resolved_at' : null;
    if (optional && ((previous && at(previous) > at(field)) || (later && at(field) > at(later)))) {
      notes.push({ kind: 'warning', message: `${field} ${milestones[field]} is out of order with the other milestones: left out` });
      delete milestones[field];
      continue;
    }
    previous = field;
  }
}
