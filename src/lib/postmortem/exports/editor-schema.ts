/**
 * The frontmatter schema as the post-mortem collection declares it, for one
 * reader only: Astro's content intellisense, which turns a collection's zod
 * schema into the JSON Schema the Astro editor extension checks frontmatter
 * with (docs/EDITORS.md). Field descriptions come from the committed JSON
 * Schema (generated from the schema's JSDoc), so hovers explain each field.
 *
 * It never rejects anything at build time: the archive gate has already
 * validated every file with the core (with line numbers and hints), and Astro
 * reads frontmatter as YAML 1.1, which turns dates into Date objects that
 * the core's string dates would refuse. So a failed parse returns the input
 * unchanged (`catch`), and the build's data is exactly what it was without a schema.
 */
import { z } from 'astro/zod';
import committed from '../../../../schema/postmortem-frontmatter.schema.json' with { type: 'json' };
import { frontmatterSchema } from '../schema/frontmatter-schema.ts';

const descriptions = committed.properties as Record<string, { markdownDescription?: string }>;

const described = z
  .object(Object.fromEntries(Object.entries(frontmatterSchema.shape).map(([field, schema]) => [field, schema.describe(descriptions[field]?.markdownDescription ?? '')])) as typeof frontmatterSchema.shape)
  .strict();

export const editorFrontmatterSchema = described.catch((context) => context.input as z.infer<typeof described>);
