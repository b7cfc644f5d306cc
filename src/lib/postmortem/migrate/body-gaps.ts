/**
 * What a plain-form body lacks that the validator asks for: a template section
 * (added, empty and marked, so the file still validates as a draft that names
 * it) and the Action Items or Timeline table (not invented: the draft names it).
 */
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { ADDED_SECTION_TEXT } from '../parsing/placeholder-text.ts';
import { SECTIONS } from '../parsing/sections.ts';

/** Something the draft names (`section What Went Well`), with the line for the report. */
export interface BodyGap {
  what: string;
  note: string | null;
}

/** Text of a section migrate adds because the original has none, marked so a person fills it in (`placeholders` flags it once the file is in review). */
export const ADDED_SECTION_NOTE = `_${ADDED_SECTION_TEXT}. Fill it in (write "None" if there is nothing to say)._`;

/**
 * Template sections the original lacks, as lines to insert before a 0-based
 * line (before the next template section it has, or at the end), at the level
 * of its other section headings.
 */
export function missingSections(parsed: ParsedPostmortem, lineCount: number): { inserts: Map<number, string[]>; gaps: BodyGap[] } {
  const present = parsed.sections.filter((section) => section.key !== null);
  const keys = new Set(present.map((section) => section.key));
  const level = present[0]?.level ?? 2;
  const inserts = new Map<number, string[]>();
  const gaps: BodyGap[] = [];
  SECTIONS.forEach((section, order) => {
    if (keys.has(section.key)) return;
    const next = SECTIONS.slice(order + 1).map((later) => present.find((p) => p.key === later.key)).find((found) => found !== undefined);
    const at = next ? next.line - 1 : lineCount;
    inserts.set(at, [...(inserts.get(at) ?? []), `${'#'.repeat(level)} ${section.title}`, '', ADDED_SECTION_NOTE, '']);
    gaps.push({ what: `section ${section.title}`, note: `section \`${section.title}\`: not in the original; added empty and marked; written as a draft` });
  });
  return { inserts, gaps };
}

/** An Action Items or Timeline section without the table the template asks for (a list, a column missing). */
export function tablesToWrite(parsed: ParsedPostmortem): BodyGap[] {
  const tables = [
    { section: parsed.actionItems, what: 'Action Items table (| Action | Owner | Due Date | Status |)', rowsNeeded: false },
    { section: parsed.timeline, what: 'Timeline table (| Time | Event |)', rowsNeeded: true },
  ];
  return tables
    .filter(({ section, rowsNeeded }) => section && !(section.table && !section.missingColumns.length && (section.rows.length || !rowsNeeded)))
    .map(({ section, what }) => ({ what, note: `${what}: ${section!.table ? `no ${section!.missingColumns.join(', ')} column` : 'the section has no table'}; kept as written; written as a draft` }));
}
