/**
 * Relevance on the labelled set (scripts/bench/relevance-set.json): for each
 * kind of query, recall@5, recall@10 and MRR of the agents' search (the
 * search core, as `npm run search` and the MCP server run it), and recall@5
 * and empty answers of `similar` on new-incident descriptions, next to issue
 * 26's budgets. Runs in Node over the example archive; no build.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchPostmortems } from '../../src/lib/agent/agent-search.ts';
import { findSimilar } from '../../src/lib/agent/similar.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import type { Postmortem } from '../../src/lib/postmortem/model/model.ts';
import { runMigrate } from '../cli/migrate-cli.ts';

/** Issue 26: recall@5 and MRR at least 0.9 for every kind of query; `similar` recall@5 at least 0.8, never empty when something is relevant. */
export const RELEVANCE_BUDGET = { recall5: 0.9, mrr: 0.9, similarRecall5: 0.8 } as const;

export interface LabelledSet {
  /** Folders of post-mortems making up the archive; `migrate`: plain-form files, converted with `npm run migrate` first. */
  archives: { folder: string; migrate?: boolean }[];
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
  /** The same for the built site in a browser, when measured (`npm run bench -- --relevance`). */
  site: Record<string, Scores> | null;
  /** Site against agents, query by query: the same top 10 as a set, and the same top 3 in order. */
  agreement: { top10: number; top3: number; queries: number; differing: string[] } | null;
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

/** The agents' top ten for each query of the set, as `npm run search` ranks them. */
export function agentRankings(set: LabelledSet, postmortems: readonly Postmortem[]): string[][] {
  return set.queries.map((entry) => searchPostmortems(postmortems, { query: entry.query, limit: 10 }).results.map((result) => result.slug));
}

function byKind(set: LabelledSet, rankings: readonly string[][]): Record<string, Scores> {
  const rows = set.queries.map((entry, at) => ({ kind: entry.kind, label: entry.query, relevant: entry.relevant, ranked: rankings[at]! }));
  const kinds = [...new Set(rows.map((row) => row.kind))];
  return Object.fromEntries([...kinds.map((kind) => [kind, average(rows.filter((row) => row.kind === kind))] as const), ['all', average(rows)] as const]);
}

/** Site against agents per query: same top 10 as a set, same top 3 in order. */
export function agreementOf(set: LabelledSet, site: readonly string[][], agents: readonly string[][]): NonNullable<RelevanceResult['agreement']> {
  let top10 = 0;
  let top3 = 0;
  const differing: string[] = [];
  set.queries.forEach((entry, at) => {
    const a = site[at]!;
    const b = agents[at]!;
    const sameSet = a.length === b.length && a.every((slug) => b.includes(slug));
    const sameTop3 = a.slice(0, 3).join() === b.slice(0, 3).join();
    if (sameSet) top10 += 1;
    if (sameTop3) top3 += 1;
    if (!sameSet || !sameTop3) differing.push(entry.query);
  });
  return { top10, top3, queries: set.queries.length, differing };
}

/**
 * Runs the labelled set against the agents' search and `similar` (`postmortems`: the archive, newest
 * first), and scores the site's rankings too when given (`siteRanked`, one per query, from site-relevance.ts).
 */
export function measureRelevance(set: LabelledSet, postmortems: readonly Postmortem[], siteRanked: string[][] | null = null): RelevanceResult {
  const known = new Set(postmortems.map((pm) => pm.slug));
  for (const slug of [...set.queries, ...set.similar].flatMap((entry) => entry.relevant)) {
    if (!known.has(slug)) throw new Error(`The labelled set names \`${slug}\`, which is not in the archive; fix the slug in ${RELEVANCE_SET}.`);
  }
  const agentRanked = agentRankings(set, postmortems);
  const agents = byKind(set, agentRanked);
  const site = siteRanked && byKind(set, siteRanked);
  const agreement = siteRanked && agreementOf(set, siteRanked, agentRanked);
  const similarRows = set.similar.map((entry) => ({
    label: entry.text,
    relevant: entry.relevant,
    ranked: findSimilar('-', entry.text, postmortems, 10).results.map((result) => result.slug),
  }));
  return { archiveSize: postmortems.length, agents, site, agreement, similar: { ...average(similarRows), empty: similarRows.filter((row) => !row.ranked.length).length } };
}

const figure = (value: number) => value.toFixed(2);
const mark = (value: number, budget: number) => `${figure(value)}${value >= budget ? '' : ' ✗'}`;

/** The result as a table, budgets beside the figures. */
export function formatRelevance(result: RelevanceResult): string {
  const rows = (title: string, scores: Record<string, Scores>) => [
    `${title.padEnd(30)} queries  recall@5  recall@10  MRR`,
    ...Object.entries(scores).map(
      ([kind, kindScores]) => `  ${kind.padEnd(28)} ${String(kindScores.count).padStart(7)}  ${mark(kindScores.recall5, RELEVANCE_BUDGET.recall5).padStart(8)}  ${figure(kindScores.recall10).padStart(9)}  ${mark(kindScores.mrr, RELEVANCE_BUDGET.mrr)}`,
    ),
  ];
  const lines = [
    `Relevance on the labelled set (${result.archiveSize} post-mortems; budgets: recall@5 ≥ ${RELEVANCE_BUDGET.recall5}, MRR ≥ ${RELEVANCE_BUDGET.mrr}; similar recall@5 ≥ ${RELEVANCE_BUDGET.similarRecall5}, no empty answer)`,
    ...rows('agents (npm run search, MCP)', result.agents),
    ...(result.site ? rows('site (built, in Chromium)', result.site) : ['site: not measured (npm run bench -- --relevance builds it)']),
    ...(result.agreement
      ? [`site against agents: same top 10 (as a set) for ${result.agreement.top10} of ${result.agreement.queries} queries, same top 3 (in order) for ${result.agreement.top3} of ${result.agreement.queries}`]
      : []),
    `similar (npm run similar)      ${String(result.similar.count).padStart(7)}  ${mark(result.similar.recall5, RELEVANCE_BUDGET.similarRecall5).padStart(8)}  ${figure(result.similar.recall10).padStart(9)}  ${figure(result.similar.mrr)}  empty answers: ${result.similar.empty}`,
  ];
  const misses = [...Object.entries(result.agents).filter(([kind]) => kind !== 'all').flatMap(([, scores]) => scores.misses), ...result.similar.misses];
  if (misses.length) lines.push(`Not in the top 10: ${misses.map((miss) => `“${miss.length > 60 ? `${miss.slice(0, 59)}…` : miss}”`).join('; ')}`);
  return `${lines.join('\n')}\n`;
}

/** Whether every relevance budget holds. */
export function relevanceMet(result: RelevanceResult): boolean {
  const kinds = [...Object.values(result.agents), ...Object.values(result.site ?? {})];
  return kinds.every((scores) => scores.recall5 >= RELEVANCE_BUDGET.recall5 && scores.mrr >= RELEVANCE_BUDGET.mrr) && result.similar.recall5 >= RELEVANCE_BUDGET.similarRecall5 && result.similar.empty === 0;
}

/** The labelled set's archive: its folders' post-mortems in one temporary folder (plain-form ones migrated), read as the commands read it. */
export function relevanceArchive(set: LabelledSet): { dir: string; postmortems: Postmortem[]; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-relevance-'));
  for (const { folder, migrate } of set.archives) {
    const files = readdirSync(folder).filter((name) => /^postmortem-.*\.mdx?$/.test(name));
    const into = migrate ? path.join(dir, '.plain') : dir;
    mkdirSync(into, { recursive: true });
    for (const name of files) copyFileSync(path.join(folder, name), path.join(into, name));
    if (!migrate) continue;
    const errors: string[] = [];
    const code = runMigrate({ argv: [into, '--write'], cwd: dir, env: {}, stdout: () => {}, stderr: (text) => errors.push(text), interactive: false });
    if (code !== 0) throw new Error(`npm run migrate refused ${folder}: ${errors.join('')}`);
    for (const name of readdirSync(into)) renameSync(path.join(into, name), path.join(dir, name));
    rmSync(into, { recursive: true });
  }
  return { dir, postmortems: loadArchive(dir).postmortems, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
