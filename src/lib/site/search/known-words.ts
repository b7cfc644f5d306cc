/**
 * The archive's vocabulary cut by the first letters of its words, so the
 * browser's corrector (src/scripts/incident-list/spelling.ts) can tell
 * whether a typed word is one the archive holds, or the beginning of one,
 * from one small shard instead of the whole vocabulary (55 KB gzip at
 * 10,000 post-mortems): every word a typed word begins shares its first
 * letters, so it is in the same shard. The whole vocabulary is then fetched
 * only for a word to correct. Browser-safe.
 */
import { ENGLISH_SHARDS, englishShard, shardName } from '../../search/correct.ts';
import { MIN_CORRECTED_LENGTH, type Vocabulary } from '../../search/vocabulary.ts';

/**
 * The shard of the archive's words a word belongs with (`incidents/known-words/3f.json`): the English list's hash
 * and shard count, of its first letters, as many as the shortest word the corrector looks at has.
 */
export function knownShard(word: string): string {
  return englishShard(word.slice(0, MIN_CORRECTED_LENGTH));
}

/** The vocabulary's words by shard, in the vocabulary's order; every shard there is, the empty ones too (a missing file is an error, not "no words"). */
export function knownShards(vocabulary: Vocabulary): Map<string, string[]> {
  const shards = new Map<string, string[]>();
  for (let index = 0; index < ENGLISH_SHARDS; index++) shards.set(shardName(index), []);
  for (const word of vocabulary.words) shards.get(knownShard(word))!.push(word);
  return shards;
}
