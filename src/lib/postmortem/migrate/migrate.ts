/**
 * Plain form -> frontmatter form. A post-mortem written from the spec's
 * template (`## Post-Mortem: Title`, `### Date:` …, no frontmatter) becomes one
 * the schema reads: every field that can be found is extracted, missing ones
 * are proposed and marked for review, and the body is kept line for line.
 *
 * Lines: the metadata lines whose information lands in the frontmatter are
 * moved there (one place for each fact, so the two cannot disagree later);
 * a metadata line that cannot be carried over whole stays in the body. Every
 * other line is kept word for word, except Timeline times the validator
 * would misread, which are rewritten with their full date and listed.
 */
import path from 'node:path';
import { normaliseCategory, CATEGORY_IDS, type CategoryId } from '../category.ts';
import { fileNameFor, parseFileName } from '../file-name.ts';
import { splitFrontmatter } from '../frontmatter.ts';
import { parsePostmortem, type Section } from '../parse.ts';
import { parseIsoDateTime } from '../schema/dates.ts';
import { MILESTONE_FIELDS, type MilestoneField, type PostmortemStatus } from '../schema/frontmatter.ts';
import type { SectionKey } from '../sections.ts';
import type { SeverityId } from '../severity.ts';
import { milestoneOfEvent } from '../scaffold/milestones.ts';
import { serializeFrontmatter, type FieldComments, type FrontmatterDraft } from '../scaffold/serialize-frontmatter.ts';
import { readSeverity } from '../scaffold/impact.ts';
import { slugify } from '../scaffold/slug.ts';
import { bulletValue, readImpactWindow, readTenants } from './impact.ts';
import { readDurationMinutes, readLooseDate } from './loose-time.ts';
import { readHeaderField, readHeadingLine, readNames, readTitleLine, type HeaderField } from './plain-header.ts';
import { proposeCategory } from './propose-category.ts';
import { proposeServices } from './propose-services.ts';
import { resolveTimeline } from './timeline.ts';

/** Values given on the command line; each wins over what the file says. */
export interface MigrateOverrides {
  title?: string;
  date?: string;
  severity?: SeverityId;
  category?: CategoryId;
  services?: string[];
  authors?: string[];
  status?: PostmortemStatus;
}

export interface MigrateOptions {
  overrides?: MigrateOverrides;
  /** When the file name's date and the `Date:` line disagree, follow the `Date:` line (default: the file name's). */
  dateFromContent?: boolean;
}

/** What migrate did or could not do, for the person reviewing it. */
export interface MigrationNote {
  /** found: read from the file; proposed: guessed, marked for review; changed: text rewritten; missing: could not be found; warning: found but not used. */
  kind: 'found' | 'proposed' | 'changed' | 'missing' | 'warning';
  message: string;
}

/** A metadata line moved into the frontmatter: its information is in `fields`. */
export interface MovedLine {
  /** 1-based line in the original (after BOM and line-ending normalisation). */
  line: number;
  text: string;
  fields: string[];
}

/** A body line rewritten (a Timeline time given its full date). */
export interface RewrittenLine {
  line: number;
  before: string;
  after: string;
}

export type MigrationResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; notes: MigrationNote[]; missing: string[] }
  | {
      kind: 'migrated';
      /** The conventional file name for the result (may differ from the original's). */
      fileName: string;
      /** The new text: frontmatter then body, LF line endings, no BOM. */
      text: string;
      frontmatter: FrontmatterDraft;
      notes: MigrationNote[];
      moved: MovedLine[];
      rewritten: RewrittenLine[];
      /** What the original's encoding was, so the caller can say it was normalised. */
      original: { crlf: boolean; bom: boolean };
    };

/** The review status every migrated file gets: a person must read the proposals. */
export const MIGRATED_STATUS: PostmortemStatus = 'in-review';
/** The marker in the frontmatter on every field migrate guessed. */
export const PROPOSAL_COMMENT = 'proposed by migrate from the Root Cause text: review';

/** Converts one plain-form post-mortem. Never throws on content. */
export function migratePlainForm(raw: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  const original = { crlf: /\r\n/.test(raw), bom: raw.startsWith('\uFEFF') };
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (splitFrontmatter(text).frontmatter.kind !== 'none') return { kind: 'skipped', reason: 'already has frontmatter' };

  const overrides = options.overrides ?? {};
  const lines = text.split('\n');
  const parsed = parsePostmortem(filePath, text);
  const sectionText = (key: SectionKey) => parsed.sections.find((section: Section) => section.key === key)?.text ?? '';
  const firstSection = parsed.sections.find((section) => section.key !== null);
  const headerEnd = firstSection ? firstSection.line - 1 : lines.length;
  const notes: MigrationNote[] = [];
  const comments: FieldComments = {};
  const moved: MovedLine[] = [];
  const missing: string[] = [];
  const move = (index: number, ...fields: string[]) => moved.push({ line: index + 1, text: lines[index]!, fields });

  // The metadata block: title heading and `Field: value` lines before the first template section.
  let titleLine: { index: number; title: string } | null = null;
  const header = new Map<HeaderField, { index: number; value: string }>();
  for (let index = 0; index < headerEnd; index += 1) {
    const line = lines[index]!;
    const title = readTitleLine(line);
    if (title !== null && !titleLine) {
      titleLine = { index, title };
      continue;
    }
    const field = readHeaderField(line);
    if (field && !header.has(field.field)) header.set(field.field, { index, value: field.value });
    else if (!titleLine && !field) {
      const heading = readHeadingLine(line);
      if (heading && heading.level <= 2) titleLine = { index, title: heading.text };
    }
  }

  // Title.
  let title = overrides.title;
  if (!title && titleLine && !/^\[.*\]$/.test(titleLine.title)) {
    title = titleLine.title;
    notes.push({ kind: 'found', message: `title \`${title}\` (line ${titleLine.index + 1})` });
  }
  if (titleLine && title === titleLine.title) move(titleLine.index, 'title');
  if (!title) {
    const described = parseFileName(filePath)?.description;
    if (described) {
      title = described.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
      comments.title = 'proposed by migrate from the file name: review';
      notes.push({ kind: 'proposed', message: `title \`${title}\` from the file name (no \`Post-Mortem:\` heading)` });
    } else missing.push('title (add a `## Post-Mortem: Title` heading or pass --title)');
  }

  // Date: the file name's unless told to follow the content.
  const fileDate = parseFileName(filePath)?.date ?? /\d{4}-\d{2}-\d{2}/.exec(path.basename(filePath))?.[0] ?? null;
  const dateLine = header.get('date');
  const contentDate = dateLine ? readLooseDate(dateLine.value) : null;
  if (dateLine && !contentDate) notes.push({ kind: 'warning', message: `could not read the date \`${dateLine.value}\` (line ${dateLine.index + 1})` });
  let date = overrides.date ?? null;
  if (!date && fileDate && contentDate && fileDate !== contentDate) {
    date = options.dateFromContent ? contentDate : fileDate;
    const kept = options.dateFromContent ? 'followed the Date: line (--date-from-content)' : 'kept the file name\'s date; pass --date-from-content to follow the Date: line';
    notes.push({ kind: 'warning', message: `the file name says ${fileDate} but the Date: line says ${contentDate}: ${kept}. Times are read on ${date}.` });
    comments.date = `file name says ${fileDate}, Date: line says ${contentDate}: review`;
  } else if (!date) {
    date = contentDate ?? fileDate;
    if (date) notes.push({ kind: 'found', message: `date ${date} (${contentDate ? `line ${dateLine!.index + 1}` : 'file name'})` });
  }
  if (!date) missing.push('date (add a `### Date: YYYY-MM-DD` line or pass --date)');
  if (dateLine && contentDate && contentDate === date) move(dateLine.index, 'date');

  // Severity, authors, status.
  const severityLine = header.get('severity');
  const severityText = severityLine ? /sev[\s_-]*([1-4])\b/i.exec(severityLine.value)?.[1] : undefined;
  const severity = overrides.severity ?? (severityText ? readSeverity(severityText) : null);
  if (severityLine && !severityText) notes.push({ kind: 'warning', message: `could not read the severity \`${severityLine.value}\` (line ${severityLine.index + 1}): write SEV-1 … SEV-4` });
  if (severityLine && severityText && severity === readSeverity(severityText)) move(severityLine.index, 'severity');
  if (!severity) missing.push('severity (add `### Severity: SEV-N` or pass --severity)');

  const authorLine = header.get('authors');
  const foundAuthors = authorLine ? readNames(authorLine.value) : [];
  const authors = overrides.authors ?? foundAuthors;
  if (authorLine && foundAuthors.length && authors === foundAuthors) move(authorLine.index, 'authors');
  if (!authors.length) missing.push('authors (add `### Author: Name` or pass --author)');
  const status = overrides.status ?? MIGRATED_STATUS;

  // Services: a field line, an Impact bullet, the flag, or a proposal from the text.
  const impactLines = sectionText('impact').split('\n');
  const servicesLine = header.get('services');
  const servicesBullet = bulletValue(impactLines, /^(?:affected )?(?:services?|systems?|components?)(?: affected)?$/i);
  const listed = (value: string) => value.split(/\s*[,;]\s*/).map((name) => name.replace(/[`*_]/g, '').replace(/\s*\(.*\)$/, '').trim()).filter(Boolean);
  let services = overrides.services ?? (servicesLine ? listed(servicesLine.value) : servicesBullet ? listed(servicesBullet.value) : []);
  if (servicesLine && !overrides.services && services.length) move(servicesLine.index, 'services');
  if (!services.length) {
    services = proposeServices(text);
    if (services.length) {
      comments.services = 'proposed by migrate from the text: review';
      notes.push({ kind: 'proposed', message: `services [${services.join(', ')}] from the text (no Services line): review, or pass --services` });
    } else missing.push('services (add `### Services: a, b` or pass --services)');
  }

  // Root-cause category: the flag, a Category line, or a proposal from the Root Cause text.
  const categoryLine = header.get('category');
  const categoryElsewhere = [sectionText('root-cause'), sectionText('summary')]
    .flatMap((block) => block.split('\n'))
    .map((line) => readHeaderField(line))
    .find((field) => field?.field === 'category');
  const writtenCategory = categoryLine ?? categoryElsewhere;
  const namedCategory = writtenCategory ? normaliseCategory(writtenCategory.value.replace(/\s*\(.*\)$/, '')) : null;
  let category = overrides.category ?? ((CATEGORY_IDS as readonly unknown[]).includes(namedCategory) ? (namedCategory as CategoryId) : undefined);
  if (writtenCategory && !category) notes.push({ kind: 'warning', message: `category \`${writtenCategory.value}\` is not one of ${CATEGORY_IDS.join(', ')}` });
  if (categoryLine && category && category === namedCategory && !overrides.category) move(categoryLine.index, 'root_cause_category');
  if (!category) {
    const rootCause = sectionText('root-cause') || text;
    const proposal = proposeCategory(rootCause);
    if (proposal) {
      category = proposal.category;
      comments.root_cause_category = PROPOSAL_COMMENT;
      notes.push({ kind: 'proposed', message: `root_cause_category \`${category}\` from the Root Cause text (matched: ${proposal.matched.slice(0, 5).join(', ')}): review, or pass --category` });
    } else missing.push('root_cause_category (pass --category)');
  }

  if (missing.length || !date) {
    for (const what of missing) notes.push({ kind: 'missing', message: what });
    return { kind: 'failed', notes, missing };
  }

  // Tenants from the Impact bullets.
  const fields: FrontmatterDraft = {};
  const tenantsBullet = bulletValue(impactLines, /^(?:tenants?|customers?)(?: affected)?$|^affected (?:tenants?|customers?)$/i);
  if (tenantsBullet) {
    const figures = readTenants(tenantsBullet.value);
    if (figures.affected !== undefined) fields.tenants_affected = figures.affected;
    if (figures.total !== undefined && figures.total > 0) fields.tenants_total = figures.total;
    if (figures.problem) notes.push({ kind: 'warning', message: `tenants not recorded: ${figures.problem}` });
    else notes.push({ kind: 'found', message: `tenants_affected ${figures.affected}${figures.total !== undefined ? `, tenants_total ${figures.total}` : ''} from the Impact bullet` });
  }

  // Timeline rows, rewritten where the validator would read them differently.
  const rows = resolveTimeline(parsed.timeline, date);
  const rewritten: RewrittenLine[] = [];
  for (const row of rows) {
    if (row.at === null) {
      if (row.time && row.time !== 'HH:MM') notes.push({ kind: 'warning', message: `Timeline time \`${row.time}\` (line ${row.index + 1}) could not be read: write HH:MM (UTC) or YYYY-MM-DD HH:MM` });
      continue;
    }
    if (!row.rewrite) continue;
    const before = lines[row.index]!;
    if (!before.includes(row.time)) {
      notes.push({ kind: 'warning', message: `Timeline time \`${row.time}\` (line ${row.index + 1}) should read \`${row.rewrite}\`, but its cell could not be rewritten safely` });
      continue;
    }
    const after = before.replace(row.time, row.rewrite);
    rewritten.push({ line: row.index + 1, before, after });
    notes.push({ kind: 'changed', message: `Timeline time \`${row.time}\` → \`${row.rewrite}\` (line ${row.index + 1})` });
  }

  // Milestones: the Impact window, then Timeline rows that say so, then the Duration line.
  const milestones: Partial<Record<MilestoneField, string>> = {};
  const durationBullet = bulletValue(impactLines, /^duration$/i);
  const window = durationBullet ? readImpactWindow(durationBullet.value, date) : null;
  if (window) {
    milestones.started_at = window.started;
    milestones.resolved_at = window.resolved;
    notes.push({ kind: 'found', message: `started_at and resolved_at from the Impact duration \`${durationBullet!.value}\`` });
  } else if (durationBullet) notes.push({ kind: 'warning', message: `could not read the Impact duration \`${durationBullet.value}\` as a range of UTC times` });
  for (const row of rows) {
    const field = row.at ? milestoneOfEvent(row.event) : null;
    if (!field || (milestones[field] && field !== 'resolved_at') || (field === 'resolved_at' && window)) continue;
    milestones[field] = row.at!;
    notes.push({ kind: 'found', message: `${field} ${row.at} from the Timeline row \`${row.event}\` (line ${row.index + 1})` });
  }
  const durationLine = header.get('duration');
  const durationMinutes = durationLine ? readDurationMinutes(durationLine.value) : null;
  if (durationLine && durationMinutes !== null && milestones.started_at) {
    const computed = new Date(Date.parse(milestones.started_at) + durationMinutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (!milestones.resolved_at) {
      milestones.resolved_at = computed;
      notes.push({ kind: 'found', message: `resolved_at ${computed} from started_at plus the Duration line (${durationLine.value})` });
    }
    const span = (Date.parse(milestones.resolved_at) - Date.parse(milestones.started_at)) / 60_000;
    if (Math.abs(span - durationMinutes) <= 1) move(durationLine.index, 'started_at', 'resolved_at');
    else notes.push({ kind: 'warning', message: `the Duration line says ${durationLine.value} but started_at to resolved_at is ${Math.round(span)} minutes; the line is kept in the body` });
  } else if (durationLine) notes.push({ kind: 'warning', message: `the Duration line (${durationLine.value}) could not be checked against a start time; it is kept in the body` });
  dropOutOfOrder(milestones, notes);
  for (const field of ['started_at', 'resolved_at'] as const) {
    if (!milestones[field]) notes.push({ kind: 'missing', message: `${field}: not found (add it by hand; an in-review post-mortem needs it)` });
  }

  const frontmatter: FrontmatterDraft = {
    title,
    date,
    severity: severity!,
    status,
    authors,
    services,
    root_cause_category: category,
    ...milestones,
    ...fields,
  };
  const movedIndexes = new Set(moved.map((line) => line.line - 1));
  const rewrites = new Map(rewritten.map((line) => [line.line - 1, line.after]));
  const bodyLines = lines.flatMap((line, index) => (movedIndexes.has(index) ? [] : [rewrites.get(index) ?? line]));
  while (bodyLines.length && !bodyLines[0]!.trim()) bodyLines.shift();
  const body = bodyLines.join('\n').replace(/\n*$/, '\n');
  const described = parseFileName(filePath)?.description ?? slugify(title!);
  return {
    kind: 'migrated',
    fileName: fileNameFor(date, described),
    text: `${serializeFrontmatter(frontmatter, comments)}\n${body}`,
    frontmatter,
    notes,
    moved: moved.sort((a, b) => a.line - b.line),
    rewritten,
    original,
  };
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
    const later = MILESTONE_FIELDS.slice(MILESTONE_FIELDS.indexOf(field) + 1).find((other) => other === 'resolved_at' && milestones[other]);
    if (optional && ((previous && at(previous) > at(field)) || (later && at(field) > at(later)))) {
      notes.push({ kind: 'warning', message: `${field} ${milestones[field]} is out of order with the other milestones: left out` });
      delete milestones[field];
      continue;
    }
    previous = field;
  }
}
