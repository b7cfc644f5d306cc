/**
 * Assembles a new post-mortem from the scaffold's answers: frontmatter from
 * the schema's fields, body from the template. Pure, so the CLI, tests and
 * any other caller produce the same file for the same answers.
 */
import { UNKNOWN_CATEGORY, type CategoryId } from '../model/category.ts';
import { fileNameFor } from '../model/file-naming.ts';
import type { MilestoneField, PostmortemStatus } from '../schema/frontmatter-schema.ts';
import type { SeverityId } from '../model/severity.ts';
import { serializeFrontmatter, type FieldComments } from './serialize-frontmatter.ts';
import { slugify } from './slug.ts';
import { renderBody } from './template.ts';

export interface ScaffoldAnswers {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  severity: SeverityId;
  /** Null when the root cause is not known yet. */
  category: CategoryId | null;
  services: string[];
  authors: string[];
  status: PostmortemStatus;
  /** Known milestone timestamps (ISO 8601, UTC). */
  milestones: Partial<Record<MilestoneField, string>>;
  /** File-name description; default: made from the title. */
  slug?: string;
}

export interface Scaffold {
  fileName: string;
  text: string;
  /** True when the root cause was "not known yet" and the file says `unknown` (allowed in drafts only). */
  categoryUnknown: boolean;
}

/** The new file's name and text. `recentChanges` fills the Evidence note (null leaves its placeholder). */
export function buildScaffold(answers: ScaffoldAnswers, template: string, recentChanges: string[] | null): Scaffold {
  const comments: FieldComments = {};
  const category = answers.category ?? UNKNOWN_CATEGORY.id;
  if (!answers.category) comments.root_cause_category = `not known yet: set one of the five categories once the 5 Whys find the cause`;
  const frontmatter = serializeFrontmatter(
    {
      title: answers.title,
      date: answers.date,
      severity: answers.severity,
      status: answers.status,
      authors: answers.authors,
      services: answers.services,
      root_cause_category: category,
      ...answers.milestones,
    },
    comments,
  );
  const body = renderBody(template, { date: answers.date, severity: answers.severity, milestones: answers.milestones, recentChanges });
  return { fileName: fileNameFor(answers.date, answers.slug ?? slugify(answers.title)), text: `${frontmatter}\n${body}`, categoryUnknown: !answers.category };
}
