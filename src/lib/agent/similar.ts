/**
 * "Has this failed like this before?" for a post-mortem being written or a
 * few lines describing an incident. The mechanism decides: the text is
 * scored against every section of every past post-mortem (root cause, 5 Whys,
 * contributing factors, lessons, timeline…) by the search core
 * (engine.likeText: rare shared words weigh most, stems count), and a
 * shared service or root-cause category only adds to that. Each result says
 * why it came back (shared words, the closest passage) and what a responder
 * needs next: its root cause and its still-open follow-ups.
 */
import { isOpen } from '../postmortem/ledger/ledger-rules.ts';
import { UNKNOWN_CATEGORY, type MainCategoryId } from '../postmortem/model/category.ts';
import { toPostmortem, type Postmortem } from '../postmortem/model/model.ts';
import { plainText } from '../postmortem/parsing/plain-text.ts';
import { searchTerms as searchWordsOf } from '../search/query.ts';
import { parsePostmortem } from '../postmortem/parsing/parse.ts';
import { rootCauseCategory } from '../postmortem/model/category.ts';
import { highlightRanges, snippet } from '../search/highlight.ts';
import { searchableSections } from '../search/searchable.ts';
import { prepareSearch } from './agent-search.ts';
import type { SimilarOutput } from './schemas.ts';
import { actionItemSummary, postmortemSummary } from './summary.ts';
import { DEFAULT_SIMILAR_LIMIT } from './default-limits.ts';

export { DEFAULT_SIMILAR_LIMIT };
/** Shared words listed per result: enough to see the overlap, short enough to read. */
const SHARED_WORDS_SHOWN = 12;

/** Text likeness (engine.likeText, 0–1) below which a past incident is not shown, unless it shares a service too. */
const MIN_LIKENESS = 0.04;
/** What a shared service and the same root-cause category add to the likeness: less than a shared mechanism. */
const SERVICE_BONUS = 0.03;
const CATEGORY_BONUS = 0.02;

/** Everything a post-mortem (or a description read as one) says, for comparing. */
function comparedText(pm: Postmortem): string {
  const sections = searchableSections(pm).flatMap((section) => section.passages);
  return [pm.meta.title, pm.summary, pm.rootCause ?? '', pm.meta.tags.join(' '), ...sections].join('\n');
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
  const { engine } = prepareSearch(archive);
  const compared = comparedText(target);
  const knownCategory = target.meta.root_cause_category !== UNKNOWN_CATEGORY.id;
  const ranked = engine
    .likeText(compared)
    .map((like) => {
      const pm = archive[like.record]!;
      const services = target.meta.services.filter((service) => pm.meta.services.includes(service));
      const sameCategory = knownCategory && target.meta.root_cause_category === pm.meta.root_cause_category;
      return { like, pm, services, sameCategory, score: like.score + SERVICE_BONUS * services.length + (sameCategory ? CATEGORY_BONUS : 0) };
    })
    .filter(({ pm, like, services }) => pm.slug !== target.slug && (like.score >= MIN_LIKENESS || services.length > 0))
    .sort((a, b) => b.score - a.score || (a.pm.meta.date < b.pm.meta.date ? 1 : -1));
  return {
    source,
    compared_on: {
      services: [...target.meta.services],
      root_cause_category: knownCategory ? target.meta.root_cause_category : null,
      words: new Set(searchWordsOf(compared)).size,
    },
    results: ranked.slice(0, limit).map(({ like, pm, services, sameCategory, score }) => {
      const words = like.terms.slice(0, SHARED_WORDS_SHOWN);
      const passage = closestPassage(engine.fields(like.record), like.terms);
      const reasons = [
        ...(words.length ? [`Shared wording: ${words.slice(0, 6).join(', ')}`] : []),
        ...services.map((service) => `Also affected ${service}`),
        ...(sameCategory ? [`Same root cause: ${rootCauseCategory(pm.meta.root_cause_category).label}`] : []),
      ];
      return {
        ...postmortemSummary(pm),
        score: Math.round(score * 1000) / 1000,
        reasons,
        shared: { services, same_category: sameCategory, words, passage },
        root_cause: pm.rootCause,
        open_action_items: pm.actionItems.filter(isOpen).map(actionItemSummary),
      };
    }),
  };
}

/** The passage of a past post-mortem holding the most shared words: the sentence that shows why it came back. */
function closestPassage(fields: ReturnType<ReturnType<typeof prepareSearch>['engine']['fields']>, terms: readonly string[]) {
  const query = terms.join(' ');
  let best: { field: string; label: string; text: string; marks: number } | null = null;
  for (const field of fields) {
    if (field.key === 'title' || field.key === 'services' || field.key === 'tags' || field.key === 'severity' || field.key === 'owners' || field.key === 'tickets') continue;
    for (const value of field.values) {
      const ranges = highlightRanges(value, query);
      const marks = new Set(ranges.map(([from, to]) => value.slice(from, to).toLowerCase())).size;
      if (marks > (best?.marks ?? 0)) best = { field: field.key, label: field.label, text: snippet(value, ranges, 200).text, marks };
    }
  }
  return best && { field: best.field, label: best.label, text: best.text };
}
