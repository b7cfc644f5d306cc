/**
 * Assembles a new post-mortem from the scaffold's answers: frontmatter from
 * the schema's fields, body from the template. Pure, so the CLI, tests and
 * any other caller produce the same file for the same answers.
 */
import type { CategoryId } from '../category.ts';
import { fileNameFor } from '../file-name.ts';
import type { MilestoneField, PostmortemStatus } from '../schema/frontmatter.ts';
import type { SeverityId } from '../severity.ts';
import { proposeCategory } from '../migrate/propose-category.ts';
import { serializeFrontmatter, type FieldComments } from './serialize-frontmatter.ts';
import { slugify } from './slug.ts';
import { renderBody } from './template.ts';

/** The category every post-mortem must name; when it is not known yet the scaffold still has to write one. */
export const FALLBACK_CATEGORY: CategoryId = 'code-bug';

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
  /** The category written when the answer was "not known yet", else null. */
  placeholderCategory: CategoryId | null;
}

/** The new file's name and text. `recentChanges` fills the Evidence note (null leaves its placeholder). */
export function buildScaffold(answers: ScaffoldAnswers, template: string, recentChanges: string[] | null): Scaffold {
  const comments: FieldComments = {};
  let category = answers.category;
  let placeholderCategory: CategoryId | null = null;
  if (!category) {
    // The schema requires a category even in a draft: write a guess from the title and say so in the file.
    const proposal = proposeCategory(answers.title);
    category = placeholderCategory = proposal?.category ?? FALLBACK_CATEGORY;
    comments.root_cause_category = proposal
      ? 'not known yet: guessed from the title, set it once the root cause is found'
      : 'not known yet: placeholder, set it once the root cause is found';
  }
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
  return { fileName: fileNameFor(answers.date, answers.slug ?? slugify(answers.title)), text: `${frontmatter}\n${body}`, placeholderCategory };
}
