/**
 * Proposes a root-cause category from free text by keyword scoring. The
 * keywords start from the spec's examples in CATEGORIES and add the words
 * post-mortems use for the same causes. A proposal is only ever a proposal:
 * the generators mark it for review in the file they write.
 */
import { CATEGORIES, type CategoryId } from '../model/category.ts';

/** Words that point to a category beyond the spec's examples (lower case, matched as whole words). */
const EXTRA_KEYWORDS: Record<CategoryId, readonly string[]> = {
  'code-bug': ['bug', 'logic', 'off-by-one', 'null', 'undefined', 'exception', 'unhandled', 'edge case', 'regression', 'deadlock', 'infinite loop', 'retry loop', 'wrong calculation', 'rounding', 'timezone', 'dst', 'race', 'concurrency', 'error handling', 'code path', 'typo'],
  configuration: ['config', 'configuration', 'misconfigured', 'setting', 'settings', 'environment variable', 'env var', 'expired', 'certificate', 'cert', 'credential', 'credentials', 'api key', 'secret', 'token', 'feature flag', 'flag', 'ttl', 'limit', 'threshold', 'allowlist', 'cache-control', 'header'],
  infrastructure: ['resource exhaustion', 'exhausted', 'out of memory', 'oom', 'memory', 'disk', 'disk full', 'cpu', 'network', 'dependency', 'provider', 'outage', 'connection pool', 'pool', 'capacity', 'node', 'cluster', 'load balancer', 'dns', 'latency', 'saturation', 'queue', 'throttled', 'rate limit'],
  data: ['data', 'corrupt', 'corrupted', 'volume', 'schema drift', 'schema', 'malformed', 'encoding', 'duplicate', 'duplicates', 'backfill', 'payload', 'format', 'unexpected input', 'invalid records', 'field'],
  deployment: ['deploy', 'deployed', 'deployment', 'release', 'rollout', 'rolled out', 'rollback', 'migration', 'version', 'upgrade', 'incompatible', 'canary', 'build', 'artifact', 'bundle', 'pipeline'],
};

/** The spec's examples split into phrases, plus the extra words, per category. */
export const CATEGORY_KEYWORDS = Object.fromEntries(
  CATEGORIES.map((category) => [
    category.id,
    [...new Set([...category.examples.toLowerCase().split(/\s*,\s*/), ...EXTRA_KEYWORDS[category.id]])],
  ]),
) as unknown as Record<CategoryId, readonly string[]>;

export interface CategoryProposal {
  category: CategoryId;
  score: number;
  /** The keywords that matched, strongest first, to show why. */
  matched: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The best-scoring category for `text`, or null when no keyword matches.
 * Multi-word phrases weigh more than single words (they are the spec's own
 * examples); ties go to the category listed first in CATEGORIES.
 */
export function proposeCategory(text: string): CategoryProposal | null {
  const lower = text.toLowerCase();
  let best: CategoryProposal | null = null;
  for (const category of CATEGORIES) {
    const matched: { keyword: string; weight: number }[] = [];
    for (const keyword of CATEGORY_KEYWORDS[category.id]) {
      const count = lower.match(new RegExp(`(?<![a-z0-9])${escape(keyword)}(?![a-z0-9])`, 'g'))?.length ?? 0;
      if (count) matched.push({ keyword, weight: count * keyword.split(/[\s-]+/).length });
    }
    const score = matched.reduce((sum, item) => sum + item.weight, 0);
    if (score > (best?.score ?? 0)) {
      best = { category: category.id, score, matched: matched.sort((a, b) => b.weight - a.weight).map((item) => item.keyword) };
    }
  }
  return best;
}
