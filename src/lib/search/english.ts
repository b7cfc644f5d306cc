/**
 * Correctly spelt English, so the corrector (correct.ts) never rewrites it:
 * a word the archive does not use ("throttled" in an archive that says
 * "throttling") is the responder's own wording, not a typo. The list is
 * an-array-of-english-words (MIT, ~275,000 words, 3.3 MB of JSON), read in
 * Node only, on first use. The site ships it in 256 shards by a hash of the
 * word (about 4 KB gzip each), fetched only for a word the archive does not know.
 */
import { createRequire } from 'node:module';
import { englishShard } from './correct.ts';
import { correctable } from './vocabulary.ts';

let english: Set<string> | null = null;

/** The English word list as a set, lower case, loaded on first use. */
export function englishWords(): Set<string> {
  english ??= new Set((createRequire(import.meta.url)('an-array-of-english-words') as string[]).map((word) => word.toLowerCase()));
  return english;
}

/** Whether `word` (lower case) is correctly spelt English. */
export function isEnglish(word: string): boolean {
  return englishWords().has(word);
}

/** The words the corrector could be asked about (long enough, no digits), by shard: what the site ships. */
export function englishShards(): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  for (const word of englishWords()) {
    if (!correctable(word)) continue;
    const key = englishShard(word);
    const shard = shards.get(key);
    if (shard) shard.push(word);
    else shards.set(key, [word]);
  }
  return shards;
}
