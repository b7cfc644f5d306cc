/**
 * A long-running server's search, compiled before its second call needs it. In a fresh process the first
 * ranking over a common word's thousands of postings runs as V8's unoptimised code (150–200 ms at 10,000
 * post-mortems, against 10 ms once compiled), and so do fuse.js's first corrections. The MCP server's first
 * search already pays for reading the archive's snapshot; it also runs these few searches of the archive's
 * own words, so that the calls after it answer from compiled code (docs/PERFORMANCE.md).
 */
import { searchSource, type SearchSource } from './agent-search.ts';

/** Newest entries whose titles give the warm-up its words: common incident words, as callers' are. */
const TITLES = 4;
const WORDS_PER_QUERY = 3;
const MIN_WORD = 4;
/** A word long enough to misspell as a responder does (two letters swapped), so that fuse runs. */
const MIN_MISSPELT = 6;

/** The warm-up's queries: words of the newest titles, and each title's first long word misspelt. */
export function warmUpQueries(source: SearchSource): string[] {
  const queries = new Set<string>();
  for (let index = 0; index < Math.min(TITLES, source.count); index += 1) {
    const words = source.resultFacts(index).title.split(/\s+/).filter((word) => word.length >= MIN_WORD);
    if (words.length) queries.add(words.slice(0, WORDS_PER_QUERY).join(' '));
    const long = words.find((word) => word.length >= MIN_MISSPELT && /^\p{L}+$/u.test(word));
    if (long) queries.add(`${long.slice(0, 2)}${long[3]}${long[2]}${long.slice(4)}`);
  }
  return [...queries];
}

/**
 * Runs the warm-up's searches on `source` and throws the answers away; returns how many ran. A failure ends
 * it quietly: it only saves later calls time, and the call that caused it answers (or fails) on its own.
 */
export function warmUp(source: SearchSource, search: typeof searchSource = searchSource): number {
  let ran = 0;
  try {
    for (const query of warmUpQueries(source)) {
      search(source, { query, limit: 10 });
      ran += 1;
    }
  } catch {
    // Nothing to report: see above.
  }
  return ran;
}
