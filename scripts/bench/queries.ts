/**
 * Search queries for the latency measurement: 1–3 words people would type
 * about the generated archive (services, symptoms, causes), a quarter of them
 * words that only a full-text search finds (only in a Lessons Learned
 * paragraph or a Timeline row of the generated post-mortems), a quarter from
 * the archive's long tail (a rarer service, a word a few post-mortems use),
 * about a quarter of them misspelt, in a fixed order for a seed.
 */
import { archivePools, SERVICES, seededRandom } from './generate.ts';

const TERMS = [
  'expired', 'certificate', 'signing key', 'migration', 'disk full', 'oom', 'out of memory', 'race condition', 'pagination',
  'backfill', 'schema drift', 'feature flag', 'rollback', 'timeouts', 'duplicates', 'replication slot', 'queue', 'deploy',
  'stale assets', 'connection pool', 'network partition', 'health check', 'pricing', 'imports', 'locale', 'retry', 'double counted',
  'noisy neighbour', 'protocol version', 'config typo', 'wal', 'logins', 'invoices', 'exports', 'checkout',
];

/**
 * Phrases of the generator that appear only in Lessons Learned (its FILLER
 * paragraphs) or only in Timeline rows (TIMELINE_EVENTS), never in a title, summary or root cause.
 */
export const FULL_TEXT_TERMS = [
  'account managers', 'legacy path', 'error budgets', 'single span', 'security patch', 'side discussions', 'sampled logs',
  'support macro', 'failing query', 'forward fix', 'retries pile up', 'incident commander assigned',
];

/** `count` queries of one to three words; roughly one in four has a typo (swapped, dropped or doubled letter). */
export function searchQueries(count: number, seed = 42): string[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  // The tail: ranks 100–20,000 of the archive's pools.
  const tail = archivePools();
  const rare = (items: readonly string[]) => items[100 + Math.floor(random() * Math.min(19_900, items.length - 100))]!;
  const queries: string[] = [];
  while (queries.length < count) {
    const kind = random();
    const words =
      kind < 0.25 ? pick(FULL_TEXT_TERMS).split(' ')
      : kind < 0.4 ? pick(SERVICES).split('-')
      : kind < 0.5 ? rare(tail.services.items).split('-')
      : kind < 0.65 ? [rare(tail.words.items)]
      : pick(TERMS).split(' ');
    if (words.length < 3 && random() < 0.3) words.push(pick(random() < 0.5 ? TERMS : SERVICES).split(/[ -]/)[0]!);
    let query = words.slice(0, 3).join(' ');
    if (random() < 0.25) query = misspell(query, random);
    // The measurement types the last character as the keystroke, so a query needs two at least.
    if (query.length >= 3 && !queries.includes(query)) queries.push(query);
  }
  return queries;
}

function misspell(text: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (text.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + text[at] + text.slice(at);
}
