/**
 * Plain form -> frontmatter form. A post-mortem written from the spec's
 * template (`## Post-Mortem: Title`, `### Date:` …, no frontmatter) becomes one
 * the schema reads. Values the text states are read; values it only suggests
 * are proposed and marked `# proposed by migrate`; a field the text does not
 * hold makes the file a draft that names it. Every result validates (only a
 * missing severity stops a file), and the body is kept line for line.
 *
 * Lines: the metadata lines whose information lands in the frontmatter are
 * moved there (one place for each fact, so the two cannot disagree later);
 * a metadata line that cannot be carried over whole stays in the body. Every
 * other line is kept word for word, except Timeline times the validator
 * would misread, which are rewritten with their full date and listed.
 */
import path from 'node:path';
import { UNKNOWN_CATEGORY, type CategoryId, type MainCategoryId } from '../model/category.ts';
import { fileNameFor, parseFileName } from '../model/file-naming.ts';
import { splitFrontmatter } from '../parsing/frontmatter.ts';
import { parsePostmortem, type ParsedPostmortem, type Section } from '../parsing/parse.ts';
import type { Problem } from '../rules/all-rules.ts';
import { parseIsoDateTime, utcDateOf } from '../dates.ts';
import type { PostmortemStatus } from '../schema/frontmatter-schema.ts';
import type { SectionKey } from '../parsing/sections.ts';
import type { SeverityId } from '../model/severity.ts';
import { serializeFrontmatter, type FieldComments, type FrontmatterDraft } from '../scaffold/serialize-frontmatter.ts';
import { readSeverity } from '../scaffold/severity-questions.ts';
import { slugify } from '../scaffold/slug.ts';
import { validatePostmortems } from '../validation/validate.ts';
import { normaliseActionItems } from './action-item-cells.ts';
import { bulletValue, readTenants } from './impact-bullets.ts';
import { readLooseDate } from './loose-time.ts';
import { chooseMilestones } from './milestones-from-text.ts';
import { readHeaderField, readHeadingLine, readLabelHeading, readNames, readReviewers, readTitleLine, type HeaderField } from './plain-header.ts';
import { proposeCategory } from './propose-category.ts';
import { proposeServices } from './propose-services.ts';
import { severityFromWords } from './severity-words.ts';
import { categoryAtStart, readStatedCategory } from './stated-category.ts';
import { resolveTimeline, timelineZone } from './timeline.ts';
import { seasonMismatch } from './time-zones.ts';
import { timelineListAsTable } from './timeline-list.ts';
import { missingSections, tablesToWrite } from './body-gaps.ts';
import type { MigrationNote } from './migration-note.ts';
import { boldLinesAsHeadings } from './bold-headings.ts';
import { textWords as wordsOf } from '../../search/words.ts';
import { archiveSpelling } from '../spelling/spelling-key.ts';

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
  /** When the file name's date and the `Date:` line disagree, keep the file name's (default: the `Date:` line wins). */
  dateFromFileName?: boolean;
  /** Services the archive already uses (with how many files use each): a proposal prefers them, and a name written another way (`Redis`, `web app`) takes the archive's spelling, so one service keeps one name. */
  archiveServices?: readonly string[] | ReadonlyMap<string, number>;
}

/** What migrate did or could not do, for the person reviewing it. */
export type { MigrationNote };

/** A metadata line moved into the frontmatter: its information is in `fields`. */
export interface MovedLine {
  /** 1-based line in the original (after BOM and line-ending normalisation). */
  line: number;
  text: string;
  fields: string[];
}

/** A body line rewritten: a Timeline time given its full date, an Action Items status or due date in the template's form. */
export interface RewrittenLine {
  line: number;
  before: string;
  after: string;
  /** Texts replaced by the same value in the template's form (`Completed` → `DONE`); every other word is kept. */
  normalised?: string[];
}

export type MigrationResult =
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; notes: MigrationNote[]; missing: string[] }
  | {
      kind: 'migrated';
      /** The conventional file name for the result (may differ from the original's). */
      fileName: string;
      /** Why the file name changed, when it did for a reason other than the convention. */
      renameReason: string | null;
      /** The new text: frontmatter then body, LF line endings, no BOM. */
      text: string;
      frontmatter: FrontmatterDraft;
      notes: MigrationNote[];
      moved: MovedLine[];
      rewritten: RewrittenLine[];
      /** Fields the text does not hold, which made the file a draft (empty when it is not one for that reason). */
      draftBecause: string[];
      /** What `validate` says about the result. */
      problems: Problem[];
      /** What the original's encoding was, so the caller can say it was normalised. */
      original: { crlf: boolean; bom: boolean };
    };

/** The review status every migrated file gets: a person must read the proposals. */
export const MIGRATED_STATUS: PostmortemStatus = 'in-review';
/** The marker in the frontmatter on every value migrate guessed (the `proposed-values` rule warns on it). */
export const PROPOSAL_COMMENT = 'proposed by migrate from the Root Cause text: review';
const proposed = (from: string) => `proposed by migrate from ${from}: review`;

/** A metadata line and its value; `listed` when the value is the list under an empty label (`### Authors:` then `- Claude`). */
type HeaderLine = { index: number; value: string; listed?: boolean };

/** What one migration collects while it reads the file: the text, and the notes, comments and moves it makes. */
interface Migration {
  filePath: string;
  text: string;
  lines: string[];
  parsed: ParsedPostmortem;
  overrides: MigrateOverrides;
  options: MigrateOptions;
  /** Lines before the first template section. */
  headerEnd: number;
  header: Map<HeaderField, HeaderLine>;
  impactLines: string[];
  notes: MigrationNote[];
  comments: FieldComments;
  moved: MovedLine[];
  missing: string[];
  draftBecause: string[];
}

/** Converts one plain-form post-mortem. Never throws on content. */
export function migratePlainForm(raw: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  const original = { crlf: /\r\n/.test(raw), bom: raw.startsWith('\uFEFF') };
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (splitFrontmatter(text).frontmatter.kind !== 'none') return { kind: 'skipped', reason: 'already has frontmatter' };

  const outlined = boldLinesAsHeadings(text.split('\n'));
  const { lines, parsed, listNote } = withTimelineTable(outlined?.lines ?? text.split('\n'), filePath);
  const firstSection = parsed.sections.find((section) => section.key !== null);
  const headerEnd = firstSection ? firstSection.line - 1 : lines.length;
  const { titleLine, header } = readHeaderBlock(lines, headerEnd);
  const m: Migration = {
    filePath, text: lines.join('\n'), lines, parsed, options, headerEnd, header,
    overrides: options.overrides ?? {},
    impactLines: sectionText(parsed, 'impact').split('\n'),
    notes: [...(outlined ? [headingsNote(outlined.changed)] : []), ...(listNote ? [listNote] : [])], comments: {}, moved: [], missing: [], draftBecause: [],
  };

  const title = readTitle(m, titleLine);
  const dated = readDate(m);
  const severity = readSeverityField(m);
  const authors = readAuthors(m);
  const services = readServices(m);
  const { category, contributing } = readCategory(m);
  if (m.missing.length || !dated.date || !severity || !title) {
    for (const what of m.missing) m.notes.push({ kind: 'missing', message: what });
    return { kind: 'failed', notes: m.notes, missing: m.missing };
  }
  const tenantFields = readTenantFields(m);
  const { date, timing } = readTimingOnStartDay(m, dated.date);
  if (dated.dateLine && dated.contentDate === date) move(m, dated.dateLine.index, 'date');
  const rewritten = rewrittenLines(m, timing, date);
  const { inserts: added, gaps } = missingSections(m.parsed, m.lines.length);
  if ('unknownLocal' in timelineZone(m.parsed.timeline, m.lines)) gaps.push({ what: 'Timeline times in UTC (the Timeline says they are local)', note: null });
  for (const gap of [...gaps, ...tablesToWrite(m.parsed)]) {
    m.draftBecause.push(gap.what);
    if (gap.note) m.notes.push({ kind: 'missing', message: gap.note });
  }

  const frontmatter: FrontmatterDraft = {
    title,
    date,
    severity,
    status: m.overrides.status ?? MIGRATED_STATUS,
    authors,
    services,
    root_cause_category: category,
    ...(contributing.length ? { contributing_categories: contributing } : {}),
    ...timing.milestones,
    ...tenantFields,
  };
  if (m.draftBecause.length && !m.overrides.status) {
    frontmatter.status = 'draft';
    m.comments.status = `migrate: the text does not hold ${m.draftBecause.join(', ')}; fill in, then set status: ${MIGRATED_STATUS}`;
  }
  const fileName = fileNameFor(date, describedBy(filePath) ?? slugify(title));
  const namedDate = parseFileName(filePath)?.date ?? dated.fileDate;
  const renameReason = namedDate && namedDate !== date ? `the file name said ${namedDate}, the incident date is ${date}` : null;
  keepLinesWithWordsOutside(m, frontmatter);
  const { output, problems } = writeValidated(m, frontmatter, bodyOf(m, rewritten, added), path.join(path.dirname(filePath), fileName));
  return {
    kind: 'migrated',
    fileName,
    renameReason,
    text: output,
    frontmatter,
    notes: m.notes,
    moved: m.moved.sort((a, b) => a.line - b.line),
    rewritten,
    draftBecause: m.draftBecause,
    problems,
    original,
  };
}

/** The text to migrate, with a Timeline written as a list turned into the template's table first (so its times are read like any other). */
function withTimelineTable(original: string[], filePath: string): { lines: string[]; parsed: ParsedPostmortem; listNote: MigrationNote | null } {
  const parsed = parsePostmortem(filePath, original.join('\n'));
  const table = timelineListAsTable(parsed, original);
  if (!table) return { lines: original, parsed, listNote: null };
  const lines = [...original.slice(0, table.first), ...table.lines, ...original.slice(table.end)];
  return {
    lines,
    parsed: parsePostmortem(filePath, lines.join('\n')),
    listNote: { kind: 'changed', message: `Timeline list (lines ${table.first + 1}–${table.end}) written as the template's Time / Event table, every item as written (line numbers below count the table's lines)` },
  };
}

function headingsNote(changed: readonly number[]): MigrationNote {
  return { kind: 'changed', message: `bold lines naming sections (lines ${changed.map((index) => index + 1).join(', ')}) written as headings, their words unchanged` };
}

function sectionText(parsed: ParsedPostmortem, key: SectionKey): string {
  return parsed.sections.find((section: Section) => section.key === key)?.text ?? '';
}

/** Records that a line's information now lives in the frontmatter `fields`. */
function move(m: Migration, index: number, ...fields: string[]): void {
  // A row of a metadata table stays: taking it out would break the table; so does a label whose list stays below it.
  if (/^\s*\|.*\|\s*$|^[^|]+\|[^|]+$/.test(m.lines[index]!) || [...m.header.values()].some((line) => line.index === index && line.listed)) return;
  m.moved.push({ line: index + 1, text: m.lines[index]!, fields });
}

/** The metadata block: the title heading and `Field: value` lines before the first template section. */
function readHeaderBlock(lines: readonly string[], headerEnd: number): { titleLine: { index: number; title: string } | null; header: Map<HeaderField, HeaderLine> } {
  let titleLine: { index: number; title: string } | null = null;
  const header = new Map<HeaderField, HeaderLine>();
  for (let index = 0; index < headerEnd; index += 1) {
    const line = lines[index]!;
    const title = readTitleLine(line);
    if (title !== null && !titleLine) {
      titleLine = { index, title };
      continue;
    }
    // Metadata as a table: `| **Date** | 2027-03-03 |` (split, not matched: linear on any line).
    const cells = line.includes('|') ? line.split('|').map((cell) => cell.trim()).filter(Boolean) : [];
    const field = readHeaderField(line) ?? (cells.length === 2 ? readHeaderField(`${cells[0]}: ${cells[1]}`) : null) ?? readLabelHeading(line);
    if (field && !field.value) {
      // `### Authors:` with the names as a list below it.
      const items = listBelow(lines, index + 1, headerEnd);
      if (items.length && !header.has(field.field)) header.set(field.field, { index, value: items.join(', '), listed: true });
    } else if (field && !header.has(field.field)) header.set(field.field, { index, value: field.value });
    else if (!titleLine && !field) {
      const heading = readHeadingLine(line);
      if (heading && heading.level <= 2) titleLine = { index, title: heading.text };
    }
  }
  return { titleLine, header };
}

/** The items of the list that starts at `from` (blank lines before it allowed), as written. */
function listBelow(lines: readonly string[], from: number, end: number): string[] {
  const items: string[] = [];
  for (let index = from; index < end; index += 1) {
    const item = /^\s*[-*+]\s+(.*\S)/.exec(lines[index]!);
    if (item) items.push(item[1]!);
    else if (items.length || lines[index]!.trim()) break;
  }
  return items;
}

function readTitle(m: Migration, titleLine: { index: number; title: string } | null): string | undefined {
  let title = m.overrides.title;
  if (!title && titleLine && !/^\[.*\]$/.test(titleLine.title)) {
    title = titleLine.title;
    m.notes.push({ kind: 'found', message: `title \`${title}\` (line ${titleLine.index + 1})` });
  }
  if (titleLine && title === titleLine.title) move(m, titleLine.index, 'title');
  if (!title) {
    const described = describedBy(m.filePath);
    if (described) {
      title = described.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());
      m.comments.title = proposed('the file name');
      m.notes.push({ kind: 'proposed', message: `title \`${title}\` from the file name (no \`Post-Mortem:\` heading)` });
    } else m.missing.push('title (add a `## Post-Mortem: Title` heading or pass --title)');
  }
  return title;
}

/** The `Date:` line is the incident's date, unless told to follow the file name; without either, the first date the text writes. */
function readDate(m: Migration): { date: string | null; dateLine: HeaderLine | undefined; contentDate: string | null; fileDate: string | null } {
  const { filePath, options } = m;
  const fileDate = parseFileName(filePath)?.date ?? /\d{4}-\d{2}-\d{2}/.exec(path.basename(filePath))?.[0] ?? null;
  const dateLine = m.header.get('date');
  const contentDate = dateLine ? readLooseDate(dateLine.value) : null;
  if (dateLine && !contentDate) m.notes.push({ kind: 'warning', message: `could not read the date \`${dateLine.value}\` (line ${dateLine.index + 1})` });
  let date = m.overrides.date ?? null;
  if (!date && fileDate && contentDate && fileDate !== contentDate) {
    date = options.dateFromFileName ? fileDate : contentDate;
    const kept = options.dateFromFileName ? "kept the file name's date (--date-from-file-name)" : 'the Date: line wins';
    m.notes.push({ kind: 'warning', message: `the file name says ${fileDate} but the Date: line says ${contentDate}: ${kept}. Times are read on ${date}.` });
  } else if (!date) {
    date = contentDate ?? fileDate;
    if (date) m.notes.push({ kind: 'found', message: `date ${date} (${contentDate ? `line ${dateLine!.index + 1}` : 'file name'})` });
  }
  if (!date) {
    // No Date line and no date in the name: the first full date the Impact, Timeline or Summary writes, as a proposal.
    const timelineCells = (m.parsed.timeline?.rows ?? []).map((row) => row.time).join('\n');
    const found = [sectionText(m.parsed, 'impact'), timelineCells, sectionText(m.parsed, 'summary')].map((block) => readLooseDate(block)).find((day) => day !== null) ?? null;
    if (found) {
      date = found;
      m.comments.date = proposed('the first date the text writes');
      m.notes.push({ kind: 'proposed', message: `date ${found}: no Date line, the first date the text writes: review, or pass --date` });
    } else m.missing.push('date (add a `### Date: YYYY-MM-DD` line or pass --date)');
  }
  return { date, dateLine, contentDate, fileDate };
}

function readSeverityField(m: Migration): SeverityId | null {
  const severityLine = m.header.get('severity');
  // `SEV-2`, `Sev 2`, `2`, `S2`: the level's number.
  const severityText = severityLine ? /sev[\s_-]*([1-4])\b|^\s*s?([1-4])\b/i.exec(severityLine.value) : null;
  // `High`, `Major`, `P2`: a scale that maps one to one onto the skill's levels for most teams, not all: a proposal to review.
  const worded = severityLine && !severityText ? severityFromWords(severityLine.value) : null;
  const severityDigit = severityText ? (severityText[1] ?? severityText[2]) : worded?.severity.slice(-1);
  const severity = m.overrides.severity ?? (severityDigit ? readSeverity(severityDigit) : null);
  if (worded && severity && !m.overrides.severity) {
    m.comments.severity = proposed(`${worded.priority ? 'the priority' : 'the words'} \`${worded.written}\``);
    m.notes.push({ kind: 'proposed', message: `severity ${severity}: read from \`${severityLine!.value}\` (line ${severityLine!.index + 1}) on the skill's four levels in order (Critical, High/Major, Medium/Minor, Low/Cosmetic; P1 … P4); the line stays in the text: review, or pass --severity` });
  }
  if (severityLine && !severityDigit) m.notes.push({ kind: 'warning', message: `could not read the severity \`${severityLine.value}\` (line ${severityLine.index + 1}): write SEV-1 … SEV-4` });
  if (severityLine && severityDigit && severity === readSeverity(severityDigit) && /^\W*sev[\s_-]*[1-4]\W*$/i.test(severityLine.value)) move(m, severityLine.index, 'severity');
  if (!severity) m.missing.push('severity (add `### Severity: SEV-N` or pass --severity)');
  return severity;
}

function readAuthors(m: Migration): string[] {
  const authorLine = m.header.get('authors');
  const foundAuthors = authorLine ? readNames(authorLine.value) : [];
  const authors = m.overrides.authors ?? foundAuthors;
  if (authorLine && foundAuthors.length && authors === foundAuthors) move(m, authorLine.index, 'authors');
  const reviewers = authorLine ? readReviewers(authorLine.value) : [];
  if (reviewers.length) m.notes.push({ kind: 'found', message: `reviewer${reviewers.length > 1 ? 's' : ''} ${reviewers.join(', ')} (line ${authorLine!.index + 1}): not an author; the schema has no reviewer field, so the line stays in the text` });
  if (!authors.length) {
    m.draftBecause.push('authors');
    m.comments.authors = 'missing: the text names no author; add who wrote it';
    m.notes.push({ kind: 'missing', message: 'authors: the text names none (add them, or pass --author); written as a draft' });
  }
  return authors;
}

/** Services: a field line, an Impact bullet, the flag, or a proposal from the text. */
function readServices(m: Migration): string[] {
  const servicesLine = m.header.get('services');
  const servicesBullet = bulletValue(m.impactLines, /^(?:affected )?(?:services?|systems?|components?)(?: affected)?$/i);
  const listed = (value: string) => value.split(/\s*[,;]\s*|\s+and\s+/).map((name) => name.replace(/[`*_]/g, '').replace(/\s*\(.*\)$/, '').trim()).filter(Boolean);
  const known = archiveCounts(m.options.archiveServices);
  let services = inArchiveSpelling(m, m.overrides.services ?? (servicesLine ? listed(servicesLine.value) : servicesBullet ? listed(servicesBullet.value) : []), known);
  if (servicesLine && !m.overrides.services && services.length) move(m, servicesLine.index, 'services');
  if (services.length) return services;
  const proposal = proposeServices(m.text, [...known.keys()]);
  services = inArchiveSpelling(m, proposal.services, known);
  if (services.length) {
    m.comments.services = proposed(proposal.known.length ? 'the text, names the archive already uses' : 'the text');
    m.notes.push({ kind: 'proposed', message: `services [${services.join(', ')}] from the text${proposal.known.length ? ' (names the archive already uses)' : ''} (no Services line): review, or pass --services` });
  } else {
    m.draftBecause.push('services');
    m.comments.services = 'missing: the text names no service migrate recognises; add the affected services';
    m.notes.push({ kind: 'missing', message: 'services: none named or recognisable in the text (add them, or pass --services); written as a draft' });
  }
  return services;
}

function archiveCounts(given: MigrateOptions['archiveServices']): ReadonlyMap<string, number> {
  return given instanceof Map ? given : new Map((given as readonly string[] | undefined ?? []).map((name) => [name, 1]));
}

/** Names as the archive spells them (`Redis` → `redis` when the archive writes `redis`), each once. */
function inArchiveSpelling(m: Migration, names: readonly string[], known: ReadonlyMap<string, number>): string[] {
  const result: string[] = [];
  for (const name of names) {
    const spelled = archiveSpelling(name, known);
    if (spelled !== name) m.notes.push({ kind: 'changed', message: `service \`${name}\` written \`${spelled}\`, as the archive spells it (one spelling per service keeps facets and counts whole)` });
    if (!result.includes(spelled)) result.push(spelled);
  }
  return result;
}

/** Root-cause category: the flag, a stated `Category:` line, or a keyword proposal from the Root Cause text. */
function readCategory(m: Migration): { category: MainCategoryId; contributing: CategoryId[] } {
  let category: MainCategoryId | undefined = m.overrides.category;
  let contributing: CategoryId[] = [];
  const { stated, unreadable } = readStatedCategory(m.lines);
  for (const line of unreadable) m.notes.push({ kind: 'warning', message: `category \`${line.value}\` (line ${line.index + 1}) names none of the five categories` });
  if (!category && stated) {
    category = stated.category;
    contributing = stated.contributing;
    m.notes.push({ kind: 'found', message: `root_cause_category ${category}${contributing.length ? `, contributing_categories [${contributing.join(', ')}]` : ''} from line ${stated.index + 1} (\`${stated.value}\`)` });
    if (!stated.inline && stated.index < m.headerEnd && !/[(,;/+&]|\band\b|\bwith\b/i.test(stated.value.replace(/^\S+(?:\s+bug)?/i, ''))) move(m, stated.index, 'root_cause_category');
  }
  if (category) return { category, contributing };
  const rootCauseText = sectionText(m.parsed, 'root-cause') || m.text;
  // `Root Cause: a code bug in the config parser`: the line names its kind; that beats counting keywords.
  const named = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?root cause(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(?:an?\s+)?(.+)$/im.exec(rootCauseText);
  const namedCategory = named ? categoryAtStart(named[1]!) : null;
  const proposal = namedCategory ? { category: namedCategory as MainCategoryId, matched: [`Root Cause: ${named![1]!.split(/\s+/).slice(0, 3).join(' ')}`] } : proposeCategory(rootCauseText);
  if (proposal) {
    m.comments.root_cause_category = PROPOSAL_COMMENT;
    m.notes.push({ kind: 'proposed', message: `root_cause_category \`${proposal.category}\` from the Root Cause text (no Category line; matched: ${proposal.matched.slice(0, 5).join(', ')}): review, or pass --category` });
    return { category: proposal.category, contributing };
  }
  m.draftBecause.push('root_cause_category');
  m.comments.root_cause_category = 'missing: no Category line and no keyword to go by; name the category the 5 Whys found';
  m.notes.push({ kind: 'missing', message: 'root_cause_category: not stated and nothing to propose it from (pass --category); written as a draft' });
  return { category: UNKNOWN_CATEGORY.id, contributing };
}

/** Tenants from the Impact bullets: counts only from counts, a share only from a share. */
function readTenantFields(m: Migration): FrontmatterDraft {
  const tenantFields: FrontmatterDraft = {};
  const tenantsBullet = bulletValue(m.impactLines, /^(?:tenants?|customers?|users?|accounts?|organi[sz]ations?|sites?)(?: affected)?$|^affected (?:tenants?|customers?|users?|accounts?)$/i);
  if (!tenantsBullet) return tenantFields;
  const figures = readTenants(tenantsBullet.value);
  if (figures.affected !== undefined) tenantFields.tenants_affected = figures.affected;
  if (figures.total !== undefined && figures.total > 0) tenantFields.tenants_total = figures.total;
  if (figures.percent !== undefined && figures.total === undefined) tenantFields.tenants_affected_percent = figures.percent;
  const found = Object.entries(tenantFields).map(([field, value]) => `${field} ${value}`).join(', ');
  if (found) m.notes.push({ kind: 'found', message: `${found} from the Impact bullet \`${tenantsBullet.value}\`` });
  if (figures.problem) m.notes.push({ kind: 'warning', message: `tenant counts not recorded: ${figures.problem}` });
  return tenantFields;
}

/** Timeline and milestones, read on the incident date; the date moves to the start's UTC day when the text puts the start on another day. */
function readTimingOnStartDay(m: Migration, dateRead: string): { date: string; timing: Timing } {
  let date = dateRead;
  let timing = readTiming(m, date);
  const startDay = timing.milestones.started_at ? utcDateOf(parseIsoDateTime(timing.milestones.started_at)!) : null;
  if (startDay && startDay !== date && !m.overrides.date) {
    m.notes.push({ kind: 'warning', message: `the impact started on ${startDay} (UTC) but the date read was ${date}: the incident date is the UTC day the impact started, so date is ${startDay}` });
    date = startDay;
    timing = readTiming(m, date, dateRead);
  }
  m.notes.push(...timing.notes);
  for (const line of timing.moved) move(m, line, 'started_at', 'resolved_at');
  Object.assign(m.comments, timing.comments);
  for (const field of ['started_at', 'resolved_at'] as const) {
    if (!timing.milestones[field]) {
      m.draftBecause.push(field);
      m.notes.push({ kind: 'missing', message: `${field}: the text states no time for it (add it by hand); written as a draft` });
    }
  }
  return { date, timing };
}

/** Timeline times and Action Items cells rewritten, in line order. */
function rewrittenLines(m: Migration, timing: Timing, date: string): RewrittenLine[] {
  const rewritten = [...timing.rewritten];
  const undated: string[] = [];
  for (const cell of normaliseActionItems(m.parsed, m.lines, date)) {
    rewritten.push({ line: cell.index + 1, before: cell.before, after: cell.after, normalised: cell.normalised });
    m.notes.push({ kind: 'changed', message: `Action Items row (line ${cell.index + 1}): ${cell.what}` });
    undated.push(...cell.undatedDue);
  }
  if (undated.length) {
    m.draftBecause.push(`action item due dates (${undated.map((due) => `\`${due}\``).join(', ')})`);
    m.notes.push({ kind: 'missing', message: `action item due dates: ${undated.map((due) => `\`${due}\``).join(', ')} ${undated.length === 1 ? 'is' : 'are'} not a date; kept after the placeholder (\`YYYY-MM-DD (…)\`); written as a draft until a date is set` });
  }
  return rewritten.sort((a, b) => a.line - b.line);
}

/**
 * A metadata line moves into the frontmatter only when every word of its value
 * is there (`### Date: 2026-03-14`, `### Author: Dana Kim`); one whose words are
 * not (`Date: March 3, 2027`, `Duration: ~2 hours`, `Author: X, reviewed by Y`)
 * stays in the body as written, so no word the author wrote is lost.
 */
function keepLinesWithWordsOutside(m: Migration, frontmatter: FrontmatterDraft): void {
  const inFrontmatter = new Set(wordsOf(serializeFrontmatter(frontmatter, {})));
  m.moved = m.moved.filter((line) => {
    const value = readTitleLine(line.text) ?? readHeaderField(line.text)?.value ?? line.text;
    return wordsOf(value).every((word) => inFrontmatter.has(word));
  });
}

/** The body: every line but those moved into the frontmatter, with the rewrites applied and missing sections added. */
function bodyOf(m: Migration, rewritten: readonly RewrittenLine[], added: ReadonlyMap<number, string[]> = new Map()): string {
  const movedIndexes = new Set(m.moved.map((line) => line.line - 1));
  const rewrites = new Map(rewritten.map((line) => [line.line - 1, line.after]));
  const lines = [...m.lines];
  const atEnd = added.get(lines.length);
  if (atEnd) while (lines.length && !lines[lines.length - 1]!.trim()) lines.pop();
  const bodyLines = lines.flatMap((line, index) => [...(added.get(index) ?? []), ...(movedIndexes.has(index) ? [] : [rewrites.get(index) ?? line])]);
  if (atEnd) bodyLines.push('', ...atEnd);
  while (bodyLines.length && !bodyLines[0]!.trim()) bodyLines.shift();
  return bodyLines.join('\n').replace(/\n*$/, '\n');
}

/** Every migrated file validates: what still fails in review makes it a draft, named in the status comment. */
function writeValidated(m: Migration, frontmatter: FrontmatterDraft, body: string, targetPath: string): { output: string; problems: Problem[] } {
  let output = `${serializeFrontmatter(frontmatter, m.comments)}\n${body}`;
  let problems = checkText(targetPath, output);
  const blocking = problems.filter((problem) => problem.level === 'error');
  if (blocking.length && frontmatter.status !== 'draft' && !m.overrides.status) {
    const rules = [...new Set(blocking.map((problem) => problem.rule))];
    frontmatter.status = 'draft';
    m.comments.status = `migrate: validate found ${rules.join(', ')} in review; fix them, then set status: ${MIGRATED_STATUS}`;
    m.draftBecause.push(...rules.map((rule) => `rule ${rule}`));
    m.notes.push({ kind: 'warning', message: `as ${MIGRATED_STATUS} it would fail ${rules.join(', ')}: written as a draft` });
    output = `${serializeFrontmatter(frontmatter, m.comments)}\n${body}`;
    problems = checkText(targetPath, output);
  }
  return { output, problems };
}

function checkText(filePath: string, text: string): Problem[] {
  const pm: ParsedPostmortem = parsePostmortem(filePath, text);
  return validatePostmortems([pm]).files[0]!.problems;
}

/** The description part of the file's name, normalised (`Crowdstrike_Update` → `crowdstrike-update`), or null when the name has none. */
function describedBy(filePath: string): string | null {
  const named = parseFileName(filePath)?.description;
  if (named) return named;
  const loose = /^postmortem[-_]\d{4}-\d{2}-\d{2}[-_](.+)\.mdx?$/i.exec(path.basename(filePath))?.[1];
  const slug = loose?.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug || null;
}

interface Timing {
  milestones: ReturnType<typeof chooseMilestones>['milestones'];
  notes: MigrationNote[];
  comments: FieldComments;
  rewritten: RewrittenLine[];
  /** 0-based indexes of lines whose information is now in the frontmatter (an agreeing Duration line). */
  moved: number[];
}

/** Timeline rows (rewritten where the validator would read them differently) and the milestones, for one incident date. */
function readTiming(m: Migration, date: string, localDay = date): Timing {
  const { lines, parsed, header, impactLines } = m;
  const notes: MigrationNote[] = [];
  const zoned = timelineZone(parsed.timeline, lines);
  // Times the Timeline says are local, in a zone no line names: none is taken as UTC.
  const rows = 'unknownLocal' in zoned ? [] : resolveTimeline(parsed.timeline, date, zoned.zone, localDay, lines);
  if ('unknownLocal' in zoned) notes.push({ kind: 'warning', message: `the Timeline's times are local (\`${parsed.timeline!.section.heading}\`), and no line names their zone: none is read as UTC; write them in UTC, or name the zone (\`Time (CET)\`, \`Time zone: Europe/Berlin\`)` });
  const zone = 'zone' in zoned ? zoned.zone : null;
  const slip = zone ? seasonMismatch(zone, localDay) : null;
  if (slip) notes.push({ kind: 'warning', message: `Timeline zone ${slip}` });
  if (zone && rows.some((row) => row.at)) notes.push({ kind: 'found', message: `Timeline times in ${zone.name}${'offset' in zone ? ` (UTC${zone.offset < 0 ? '−' : '+'}${offsetText(zone.offset)})` : ', converted with its daylight-saving rules on the day'}, written in UTC` });
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
    notes.push({ kind: 'changed', message: `Timeline time \`${row.time}\` → \`${row.rewrite}\` (line ${row.index + 1})${row.dayOnly ? ': no time of day written, 00:00 stands for the day' : ''}` });
  }
  const durationBullet = bulletValue(impactLines, /^(?:duration|impact window|window|time window|impact duration|outage window)$/i);
  // Some write the window as two bullets: `Start: 04:09 UTC`, `End: 05:27 UTC`.
  // …in the Impact, or among the metadata lines at the top (`**Start:** 2027-03-03 14:05 UTC`).
  const headerLines = lines.slice(0, m.headerEnd);
  const [startLabel, endLabel] = [/^(?:start(?:ed)?|(?:impact|incident|outage) start(?:ed)?|began|start time)$/i, /^(?:end(?:ed)?|(?:impact|incident|outage) end(?:ed)?|resolved|recovered|end time)$/i];
  const startBullet = bulletValue(impactLines, startLabel) ?? bulletValue(headerLines, startLabel);
  const endBullet = bulletValue(impactLines, endLabel) ?? bulletValue(headerLines, endLabel);
  const window = durationBullet && /\d:\d\d/.test(durationBullet.value) ? durationBullet
    : startBullet && endBullet ? { value: `${startBullet.value} to ${endBullet.value}`, index: startBullet.index } : durationBullet;
  const chosen = chooseMilestones({ rows, date, window, durationLine: header.get('duration') ?? null, localDay });
  return { milestones: chosen.milestones, notes: [...notes, ...chosen.notes], comments: chosen.comments, rewritten, moved: chosen.durationLineAgrees ? [header.get('duration')!.index] : [] };
}

/** `330` → `05:30`. */
function offsetText(minutes: number): string {
  const size = Math.abs(minutes);
  return `${String(Math.floor(size / 60)).padStart(2, '0')}:${String(size % 60).padStart(2, '0')}`;
}
