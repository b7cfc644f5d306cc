import { nearestWord } from '../edit-distance.ts';
import type { ArchiveRule, Finding } from './types.ts';

const DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/** The incident date a slug carries (`2026-03-14-…`); file-date holds it equal to the frontmatter's. */
function dateOf(slug: string): string | null {
  return DATE_PREFIX.exec(slug)?.[0] ?? null;
}

/**
 * What to write instead of an unknown slug, from the archive itself: the
 * nearest earlier slug (a typo), else the latest earlier one as an example.
 */
function unknownSlugHint(wrong: string, own: string, slugs: ReadonlySet<string>): string {
  const ownDate = dateOf(own);
  const earlier = [...slugs].filter((slug) => slug !== own && (!ownDate || (dateOf(slug) ?? '') <= ownDate)).sort();
  const near = nearestWord(wrong, earlier, Math.max(2, Math.floor(wrong.length / 4)));
  const example = near ?? earlier.at(-1) ?? '2026-01-14-ingest-worker-oom-upgrade';
  return `${near ? `Did you mean \`${near}\`? ` : ''}Write the slug of an earlier post-mortem: its file name without \`postmortem-\` and the extension, e.g. \`${example}\`. Validate the whole folder, not a single file.`;
}

export const recurrenceOf: ArchiveRule = {
  id: 'recurrence-of',
  level: 'error',
  description: 'Every slug in `recurrence_of`, `prevented_by` and `unrelated_to` names another post-mortem among the files checked, dated on or before this one; a `prevented_by` follow-up names one of its rows.',
  check(entries) {
    const slugs = new Set(entries.map((entry) => entry.slug));
    const followUps = new Map(entries.map((entry) => [entry.slug, entry.followUps]));
    const findings = new Map<string, Finding[]>();
    for (const entry of entries) {
      const own = dateOf(entry.slug);
      const found: Finding[] = [];
      for (const reference of entry.references ?? []) {
        const theirs = dateOf(reference.slug);
        const field = reference.field ?? 'recurrence_of';
        if (reference.slug === entry.slug) {
          found.push({ line: reference.line, message: `\`${field}\` names this post-mortem itself (\`${reference.slug}\`)`, hint: 'Name an earlier incident, or remove the entry.' });
        } else if (!slugs.has(reference.slug)) {
          found.push({
            line: reference.line,
            message: `\`${field}\` names \`${reference.slug}\`, which is not a post-mortem in the archive`,
            hint: unknownSlugHint(reference.slug, entry.slug, slugs),
          });
        } else if (own && theirs && theirs > own) {
          found.push({
            line: reference.line,
            message: `\`${field}\` names \`${reference.slug}\`, which happened after this incident (${own})`,
            hint: `\`${field}\` points back in time: put \`${field}: [${entry.slug}]\` in the later post-mortem instead.`,
          });
        } else if (reference.followUp !== undefined) {
          const names = followUps.get(reference.slug);
          if (names && !names.includes(reference.followUp.toLowerCase())) {
            found.push({
              line: reference.line,
              message: `\`prevented_by\` names follow-up \`${reference.followUp}\` of \`${reference.slug}\`, which has no such ticket or row`,
              hint: `After \`#\`, write the follow-up's Ticket cell text as in that post-mortem's Action Items table, or its row number (1 to ${names.filter((name) => /^\d+$/.test(name)).length}).`,
            });
          }
        }
      }
      if (found.length) findings.set(entry.path, found);
    }
    return findings;
  },
};
