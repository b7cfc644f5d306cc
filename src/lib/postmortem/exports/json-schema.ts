/**
 * The frontmatter as a JSON Schema, for editors and other tools, generated
 * from the zod schema (zod-to-json-schema). Three things zod-to-json-schema
 * cannot see are added here from their single sources:
 * - descriptions: the schema's JSDoc, read from its source by the generator
 *   (scripts/generate-schemas.ts) and passed in;
 * - examples: FIELD_EXAMPLES, the same values hints and the scaffold use;
 * - date checks: zod checks dates in refinements, which JSON Schema cannot
 *   run, so date fields get a pattern that accepts exactly the real calendar
 *   dates (tests/unit/json-schema.test.ts holds it to parseIsoDate and parseIsoDateTime).
 * Categories stay enums of the canonical ids so editors complete them; the
 * spellings normaliseCategory also tolerates are listed as a second pattern.
 */
import { parse as parseYaml } from 'yaml';
import type { ZodTypeDef } from 'astro/zod';
import { ignoreOverride, zodToJsonSchema } from 'zod-to-json-schema';
import { CATEGORY_IDS, UNKNOWN_CATEGORY } from '../model/category.ts';
import { isoDate, isoDateTime } from '../schema/date-fields.ts';
import { categorySchema, mainCategorySchema } from '../schema/category-field.ts';
import { FIELD_EXAMPLES, FRONTMATTER_FIELDS, frontmatterSchema, type Frontmatter } from '../schema/frontmatter-schema.ts';

/** Where the schema is committed (repository root) and published (site root). */
export const FRONTMATTER_SCHEMA_PATH = 'schema/postmortem-frontmatter.schema.json';
/** Its `$id`, the published address on the project's default site. */
export const FRONTMATTER_SCHEMA_ID = 'https://hindsight.example.com/schema/postmortem-frontmatter.schema.json';

/** A JSON Schema, as plain data. */
export type JsonSchema = { [key: string]: unknown };

/** The JSDoc text of each frontmatter field (and of each link property), as written in the schema's source. */
export interface FieldDocs {
  fields: Partial<Record<keyof Frontmatter, string>>;
  link: Record<string, string>;
}

const MONTH_DAY = '(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))';
const LEAP_DAY = '(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29';
/** A real calendar day, `YYYY-MM-DD` (29 February only in leap years). */
const CALENDAR_DATE = `(?:[0-9]{4}-${MONTH_DAY}|${LEAP_DAY})`;
/** Hours 00–23, minutes and seconds 00–59, optional fraction, then `Z` or an offset. */
const TIME_WITH_ZONE = 'T(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})';

export const DATE_PATTERN = `^${CALENDAR_DATE}$`;
export const DATE_TIME_PATTERN = `^${CALENDAR_DATE}${TIME_WITH_ZONE}$`;

/** A pattern matching what normaliseCategory maps to `id` (lower-case letters and `-`): any case, words joined by one `-` or by `_` and spaces. */
function looseIdPattern(id: string): string {
  return [...id].map((char) => (char === '-' ? '(?:-|[\\s_]+)' : `[${char}${char.toUpperCase()}]`)).join('');
}

function categoryJsonSchema(ids: readonly string[], extraWords: readonly string[]): JsonSchema {
  const loose = [...ids.map(looseIdPattern), ...extraWords.map(looseIdPattern)].join('|');
  return { anyOf: [{ type: 'string', enum: [...ids] }, { type: 'string', pattern: `^\\s*(?:${loose})\\s*$` }] };
}

/** The date and category schemas zod-to-json-schema would reduce to a bare string. */
function override(def: ZodTypeDef): JsonSchema | undefined {
  // patternErrorMessage: what VS Code's YAML and JSON servers say instead of quoting the pattern.
  if (def === isoDate._def) return { type: 'string', pattern: DATE_PATTERN, patternErrorMessage: `Must be a real calendar date written YYYY-MM-DD, e.g. ${FIELD_EXAMPLES.date}.` };
  if (def === isoDateTime._def) {
    return { type: 'string', pattern: DATE_TIME_PATTERN, patternErrorMessage: `Must be a real date and time, ISO 8601 with a zone, e.g. ${FIELD_EXAMPLES.started_at}.` };
  }
  if (def === categorySchema._def) return categoryJsonSchema(CATEGORY_IDS, []);
  // `not known yet` and `tbd` are normaliseCategory's other words for unknown.
  if (def === mainCategorySchema._def) return categoryJsonSchema([...CATEGORY_IDS, UNKNOWN_CATEGORY.id], ['not-known-yet', 'tbd']);
  return undefined;
}

/** The frontmatter JSON Schema (draft-07, which editors' YAML servers read), with descriptions and examples. */
export function frontmatterJsonSchema(docs: FieldDocs): JsonSchema {
  const generated = zodToJsonSchema(frontmatterSchema, {
    target: 'jsonSchema7',
    $refStrategy: 'none',
    effectStrategy: 'input',
    override: (def) => override(def) ?? ignoreOverride,
  }) as JsonSchema & { properties: Record<string, JsonSchema> };
  const { $schema, ...rest } = generated;
  const properties: Record<string, JsonSchema> = {};
  for (const field of FRONTMATTER_FIELDS) {
    const property = { ...rest.properties[field]! };
    const description = docs.fields[field];
    if (description) Object.assign(property, described(description));
    // FIELD_EXAMPLES are YAML, as written in a file; read them as the parser does.
    property.examples = [parseYaml(FIELD_EXAMPLES[field], { schema: 'core' })];
    if (field === 'links') {
      const items = { ...(property.items as JsonSchema & { properties: Record<string, JsonSchema> }) };
      items.properties = Object.fromEntries(Object.entries(items.properties).map(([key, value]) => [key, { ...value, ...described(docs.link[key] ?? '') }]));
      property.items = items;
    }
    properties[field] = property;
  }
  return {
    $schema,
    $id: FRONTMATTER_SCHEMA_ID,
    title: 'Hindsight post-mortem frontmatter',
    description: 'The YAML frontmatter of a post-mortem (postmortem-YYYY-MM-DD-slug.md). Generated from src/lib/postmortem/schema/frontmatter-schema.ts by `npm run schemas`; field reference: docs/FORMAT.md. Cross-field checks (timestamp order, date against file name) are made by `npm run validate`, not by this schema.',
    ...rest,
    properties,
  };
}

/** A description for plain readers, and the same Markdown for editors that render it (VS Code's YAML server does). */
function described(text: string): JsonSchema {
  if (!text) return {};
  return { description: text.replace(/`/g, ''), markdownDescription: text };
}
