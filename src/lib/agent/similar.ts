/**
 * "Has this failed like this before?" for a post-mortem being written or a
 * few lines describing an incident: the archive's related-incidents scoring
 * (related.ts, the one the site's pages use), plus what a responder needs
 * next from each match: its root cause and its still-open follow-ups.
 */
import { isOpen } from '../postmortem/ledger/ledger-rules.ts';
import { UNKNOWN_CATEGORY, type MainCategoryId } from '../postmortem/category.ts';
import { toPostmortem, type Postmortem } from '../postmortem/model.ts';
import { plainText } from '../postmortem/plain-text.ts';
import { parsePostmortem } from '../postmortem/parse.ts';
import { relatedIncidents, significantWords } from '../postmortem/related.ts';
import type { SimilarOutput } from './schemas.ts';
import { actionItemSummary, postmortemSummary } from './summary.ts';
import { DEFAULT_SIMILAR_LIMIT } from './limits.ts';

export { DEFAULT_SIMILAR_LIMIT };
/** Shared words listed per result: enough to see the overlap, short enough to read. */
const SHARED_WORDS_SHOWN = 12;

/** The words related.ts compares a post-mortem by. */
function comparedText(pm: Postmortem): string {
  return [pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' ')].join(' ');
}

/** Services of the archive that `text` names as whole words (any case). */
function servicesNamed(text: string, archive: readonly Postmortem[]): string[] {
  const lower = text.toLowerCase();
  const known = [...new Set(archive.flatMap((pm) => pm.meta.services))];
  return known.filter((service) => {
    const escaped = service.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}_-])${escaped}(?![\\p{L}\\p{N}_-])`, 'u').test(lower);
  }).sort();
}

/**
 * The post-mortem to compare: the file's own model when its frontmatter is
 * valid; otherwise what can be read of it (valid fields, the Summary or the
 * whole text), with the archive's services it names standing in for missing `services`.
 */
export function comparisonTarget(source: string, text: string, archive: readonly Postmortem[]): Postmortem {
  const parsed = parsePostmortem(source === '-' ? 'stdin.md' : source, text);
  const model = toPostmortem(parsed);
  if (model) return model;
  const fields = parsed.fields;
  const summarySection = parsed.sections.find((section) => section.key === 'summary')?.text;
  const body = plainText(summarySection?.trim() ? summarySection : parsed.body || parsed.text);
  return {
    slug: parsed.slug,
    path: source,
    meta: {
      title: fields.title ?? '',
      date: fields.date ?? '',
      severity: fields.severity ?? 'SEV-4',
      status: fields.status ?? 'draft',
      authors: fields.authors ?? [],
      services: fields.services?.length ? fields.services : servicesNamed(text, archive),
      root_cause_category: (fields.root_cause_category ?? UNKNOWN_CATEGORY.id) as MainCategoryId,
      contributing_categories: fields.contributing_categories ?? [],
      tags: fields.tags ?? [],
      links: [],
    },
    timeline: [],
    actionItems: [],
    summary: body,
    rootCause: null,
    sections: [],
  };
}

/** The archive's incidents most like `text` (a post-mortem or a description), best first. */
export function findSimilar(source: string, text: string, archive: readonly Postmortem[], limit = DEFAULT_SIMILAR_LIMIT): SimilarOutput {
  const target = comparisonTarget(source, text, archive);
  const targetWords = significantWords(comparedText(target));
  return {
    source,
    compared_on: {
      services: [...target.meta.services],
      root_cause_category: target.meta.root_cause_category === UNKNOWN_CATEGORY.id ? null : target.meta.root_cause_category,
      words: targetWords.size,
    },
    results: relatedIncidents(target, archive, limit).map(({ postmortem: pm, reasons, score }) => {
      const words = [...significantWords(comparedText(pm))].filter((word) => targetWords.has(word)).sort();
      return {
        ...postmortemSummary(pm),
        score: Math.round(score * 1000) / 1000,
        reasons,
        shared: {
          services: target.meta.services.filter((service) => pm.meta.services.includes(service)),
          same_category: target.meta.root_cause_category !== UNKNOWN_CATEGORY.id && target.meta.root_cause_category === pm.meta.root_cause_category,
          words: words.slice(0, SHARED_WORDS_SHOWN),
        },
        root_cause: pm.rootCause,
        open_action_items: pm.actionItems.filter(isOpen).map(actionItemSummary),
      };
    }),
  };
}
