/**
 * Relevance on the labelled set (scripts/bench/relevance-set.json): for each
 * kind of query, recall@5, recall@10 and MRR of the agents' search (the
 * search core, as `npm run search` and the MCP server run it), and recall@5
 * and empty answers of `similar` on new-incident descriptions, next to issue
 * 26's budgets. Runs in Node over the example archive; no build.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchPostmortems } from '../../src/lib/agent/agent-search.ts';
import { findSimilar } from '../../src/lib/agent/similar.ts';
import { loadArchive } from '../../src/lib/postmortem/archive.ts';
import type { Postmortem } from '../../src/lib/postmortem/model.ts';

/** Issue 26: recall@5 and MRR at least 0.9 for every kind of query; `similar` recall@5 at least 0.8, never empty when something is relevant. */
export const RELEVANCE_BUDGET = { recall5: 0.9, mrr: 0.9, similarRecall5: 0.8 } as const;

export interface LabelledSet {
  archive: string;
  queries: { kind: string; query: string; relevant: string[] }[];
  similar: { text: string; relevant: string[] }[];
}

export interface Scores {
  count: number;
  recall5: number;
  recall10: number;
  mrr: number;
  /** Queries with no relevant post-mortem in the top 10, for reading what went wrong. */
  misses: string[];
}

export interface RelevanceResult {
  archiveSize: number;
  /** Per kind of query, and `all`. */
  agents: Record<string, Scores>;
  similar: Scores & { empty: number };
}

export const RELEVANCE_SET = fileURLToPath(new URL('relevance-set.json', import.meta.url));

export function readLabelledSet(file = RELEVANCE_SET): LabelledSet {
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledSet;
}

/** Recall at k and reciprocal rank of one ranked answer. */
function scoreOne(ranked: readonly string[], relevant: readonly string[]) {
  const recallAt = (k: number) => relevant.filter((slug) => ranked.slice(0, k).includes(slug)).length / relevant.length;
  const first = ranked.findIndex((slug) => relevant.includes(slug));
  return { recall5: recallAt(5), recall10: recallAt(10), rr: first === -1 ? 0 : 1 / (first + 1) };
}

function average(rows: { label: string; ranked: string[]; relevant: string[] }[]): Scores {
  const scored = rows.map((row) => ({ ...row, ...scoreOne(row.ranked, row.relevant) }));
  const mean = (key: 'recall5' | 'recall10' | 'rr') => (scored.length ? scored.reduce((sum, row) => sum + row[key], 0) / scored.length : 0);
  return { count: rows.length, recall5: mean('recall5'), recall10: mean('recall10'), mrr: mean('rr'), misses: scored.filter((row) => row.recall10 === 0).map((row) => row.label) };
}

/** Runs the labelled set against the agents' search and `similar` (`postmortems`: the archive, newest first). */
export function measureRelevance(set: LabelledSet, postmortems: readonly Postmortem[]): RelevanceResult {
  const known = new Set(postmortems.map((pm) => pm.slug));
  for (const slug of [...set.queries, ...set.similar].flatMap((entry) => entry.relevant)) {
    if (!known.has(slug)) throw new Error(`The labelled set names \`${slug}\`, which is not in the archive; fix the slug in ${RELEVANCE_SET}.`);
  }
  const rows = set.queries.map((entry) => ({
    kind: entry.kind,
    label: entry.query,
    relevant: entry.relevant,
    ranked: searchPostmortems(postmortems, { query: entry.query, limit: 10 }).results.map((result) => result.slug),
  }));
  const kinds = [...new Set(rows.map((row) => row.kind))];
  const agents = Object.fromEntries([...kinds.map((kind) => [kind, average(rows.filter((row) => row.kind === kind))] as const), ['all', average(rows)] as const]);
  const similarRows = set.similar.map((entry) => ({
    label: entry.text,
    relevant: entry.relevant,
    ranked: findSimilar('-', entry.text, postmortems, 10).results.map((result) => result.slug),
  }));
  return { archiveSize: postmortems.length, agents, similar: { ...average(similarRows), empty: similarRows.filter((row) => !row.ranked.length).length } };
}

const figure = (value: number) => value.toFixed(2);
const mark = (value: number, budget: number) => `${figure(value)}${value >= budget ? '' : ' ✗'}`;

/** The result as a table, budgets beside the figures. */
export function formatRelevance(result: RelevanceResult): string {
  const lines = [
    `Relevance on the labelled set (${result.archiveSize} post-mortems; budgets: recall@5 ≥ ${RELEVANCE_BUDGET.recall5}, MRR ≥ ${RELEVANCE_BUDGET.mrr}; similar recall@5 ≥ ${RELEVANCE_BUDGET.similarRecall5}, no empty answer)`,
    'agents (npm run search, MCP)  queries  recall@5  recall@10  MRR',
    ...Object.entries(result.agents).map(
      ([kind, scores]) => `  ${kind.padEnd(28)} ${String(scores.count).padStart(7)}  ${mark(scores.recall5, RELEVANCE_BUDGET.recall5).padStart(8)}  ${figure(scores.recall10).padStart(9)}  ${mark(scores.mrr, RELEVANCE_BUDGET.mrr)}`,
    ),
    `similar (npm run similar)      ${String(result.similar.count).padStart(7)}  ${mark(result.similar.recall5, RELEVANCE_BUDGET.similarRecall5).padStart(8)}  ${figure(result.similar.recall10).padStart(9)}  ${figure(result.similar.mrr)}  empty answers: ${result.similar.empty}`,
  ];
  const misses = [...Object.entries(result.agents).filter(([kind]) => kind !== 'all').flatMap(([, scores]) => scores.misses), ...result.similar.misses];
  if (misses.length) lines.push(`Not in the top 10: ${misses.map((miss) => `“${miss.length > 60 ? `${miss.slice(0, 59)}…` : miss}”`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether every relevance budget holds. */
export function relevanceMet(result: RelevanceResult): boolean {
  const kinds = Object.values(result.agents);
  return kinds.every((scores) => scores.recall5 >= RELEVANCE_BUDGET.recall5 && scores.mrr >= RELEVANCE_BUDGET.mrr) && result.similar.recall5 >= RELEVANCE_BUDGET.similarRecall5 && result.similar.empty === 0;
}

/** The labelled set's archive, read as the commands read it. */
export function relevanceArchive(set: LabelledSet): Postmortem[] {
  return loadArchive(path.resolve(set.archive)).postmortems;
}
