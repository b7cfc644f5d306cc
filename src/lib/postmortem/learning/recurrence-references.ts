/**
 * The `recurrence_of` slugs of a post-mortem with their lines: what the
 * archive rule `recurrence-of` checks across files. Read from a parsed file,
 * or straight from a text for files whose problems came from validate's
 * cache (the archive rules always run over every file).
 */
import { splitFrontmatter } from '../frontmatter.ts';
import type { ParsedPostmortem } from '../parse.ts';
import { recurrenceSchema } from '../schema/recurrence.ts';

export interface RecurrenceReference {
  slug: string;
  /** 1-based line of the slug in the file. */
  line: number;
}

/** The valid `recurrence_of` slugs of a parsed post-mortem. */
export function recurrenceReferences(pm: Pick<ParsedPostmortem, 'frontmatter' | 'fields'>): RecurrenceReference[] {
  const slugs = pm.fields.recurrence_of ?? [];
  const frontmatter = pm.frontmatter;
  return slugs.map((slug, at) => ({ slug, line: frontmatter.kind === 'parsed' ? frontmatter.lineOf(['recurrence_of', at]) : 1 }));
}

/** The same from a file's text; cheap when the text never mentions the field. */
export function recurrenceReferencesInText(text: string): RecurrenceReference[] {
  if (!text.includes('recurrence_of')) return [];
  const { frontmatter } = splitFrontmatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (frontmatter.kind !== 'parsed' || typeof frontmatter.data !== 'object' || frontmatter.data === null) return [];
  const result = recurrenceSchema.safeParse((frontmatter.data as Record<string, unknown>).recurrence_of);
  return result.success ? recurrenceReferences({ frontmatter, fields: { recurrence_of: result.data } }) : [];
}
