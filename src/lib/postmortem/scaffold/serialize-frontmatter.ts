/**
 * Writes frontmatter the way the archive documents it: fields in
 * FRONTMATTER_FIELDS order, lists in block style, dates and timestamps as
 * plain (unquoted) ISO strings, and optional review comments that the next
 * reader sees in the file itself.
 */
import { Document, isMap, isPair, isScalar, type Pair, type Scalar } from 'yaml';
import { FRONTMATTER_FIELDS, type Frontmatter } from '../schema/frontmatter-schema.ts';

/** Frontmatter values as the generators build them: every field optional, in the schema's written form. */
export type FrontmatterDraft = { [Field in keyof Frontmatter]?: Frontmatter[Field] };

/** A comment per field, written after a scalar value or above a list. */
export type FieldComments = { [Field in keyof Frontmatter]?: string };

/** The `---` block (with its closing line and a trailing newline) for `data`; unknown and undefined fields are left out. */
export function serializeFrontmatter(data: FrontmatterDraft, comments: FieldComments = {}): string {
  const ordered: Record<string, unknown> = {};
  for (const field of FRONTMATTER_FIELDS) {
    const value = data[field];
    if (value !== undefined) ordered[field] = value;
  }
  const doc = new Document(ordered);
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (!isPair(item) || !isScalar(item.key)) continue;
      const comment = comments[(item.key as Scalar).value as keyof Frontmatter];
      if (comment) attachComment(item as Pair<Scalar, unknown>, comment);
    }
  }
  return `---\n${doc.toString({ lineWidth: 0 })}---\n`;
}

function attachComment(pair: Pair<Scalar, unknown>, comment: string): void {
  // A scalar takes the comment on its own line end; a list or map above its key, so it cannot be read as an item.
  if (isScalar(pair.value)) pair.value.comment = ` ${comment}`;
  else pair.key.commentBefore = ` ${comment}`;
}
