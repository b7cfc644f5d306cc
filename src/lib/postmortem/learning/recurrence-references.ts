/**
 * The slugs a post-mortem's declared links name (`recurrence_of`,
 * `prevented_by`, `unrelated_to`) with their fields and lines: what the archive
 * rule `recurrence-of` checks across files. Read from a parsed file, or straight
 * from a text for files whose problems came from validate's cache (the archive
 * rules always run over every file).
 */
import { splitFrontmatter } from '../parsing/frontmatter.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { preventedBySchema, unrelatedToSchema } from '../schema/declared-links.ts';
import { recurrenceSchema } from '../schema/recurrence.ts';

/** The frontmatter fields that name other post-mortems. */
export const LINK_FIELDS = ['recurrence_of', 'prevented_by', 'unrelated_to'] as const;
export type LinkField = (typeof LINK_FIELDS)[number];

export interface RecurrenceReference {
  slug: string;
  /** 1-based line of the entry in the file. */
  line: number;
  /** The field that names it; `recurrence_of` when absent. */
  field?: LinkField;
  /** For `prevented_by`: the follow-up named after `#` (a ticket text or a row number). */
  followUp?: string;
}

type LinkFields = Pick<ParsedPostmortem['fields'], LinkField>;

function entriesOf(fields: LinkFields, field: LinkField): { slug: string; followUp?: string }[] {
  if (field === 'prevented_by') return fields.prevented_by ?? [];
  return (fields[field] ?? []).map((slug) => ({ slug }));
}

/**
 * The names a `prevented_by` entry may give this post-mortem's follow-ups: each
 * row's ticket text (lower case) and its row number among the rows with a status,
 * as the learning index resolves them (prevented.ts).
 */
export function followUpNames(pm: Pick<ParsedPostmortem, 'actionItems'>): string[] {
  const rows = (pm.actionItems?.rows ?? []).filter((row) => row.status !== null);
  return rows.flatMap((row, at) => [String(at + 1), ...(row.ticket?.text ? [row.ticket.text.toLowerCase()] : [])]);
}

/** The valid slugs of a parsed post-mortem's declared links. */
export function recurrenceReferences(pm: { frontmatter: ParsedPostmortem['frontmatter']; fields: LinkFields }): RecurrenceReference[] {
  const frontmatter = pm.frontmatter;
  return LINK_FIELDS.flatMap((field) =>
    entriesOf(pm.fields, field).map((entry, at) => ({ ...entry, field, line: frontmatter.kind === 'parsed' ? frontmatter.lineOf([field, at]) : 1 })),
  );
}

const SCHEMAS = { recurrence_of: recurrenceSchema, prevented_by: preventedBySchema, unrelated_to: unrelatedToSchema };

/** The same from a file's text; cheap when the text never mentions the fields. */
export function recurrenceReferencesInText(text: string): RecurrenceReference[] {
  if (!LINK_FIELDS.some((field) => text.includes(field))) return [];
  const { frontmatter } = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (frontmatter.kind !== 'parsed' || typeof frontmatter.data !== 'object' || frontmatter.data === null) return [];
  const data = frontmatter.data as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const field of LINK_FIELDS) {
    const result = SCHEMAS[field].safeParse(data[field]);
    if (result.success) fields[field] = result.data;
  }
  return recurrenceReferences({ frontmatter, fields: fields as LinkFields });
}
