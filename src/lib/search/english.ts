/**
 * Correctly spelt English, so the corrector (correct.ts) never rewrites it:
 * a word the archive does not use ("throttled" in an archive that says
 * "throttling") is the responder's own wording, not a typo. The list is
 * an-array-of-english-words (MIT, ~275,000 words, 3.3 MB of JSON), read in
 * Node only, on first use. The site ships it in 256 shards by a hash of the
 * word (about 4 KB gzip each), fetched only for a word the archive does not know.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { englishShard } from './correct.ts';
import { correctable } from './vocabulary.ts';
import { lowerBound, type SortedWords } from './sorted-words.ts';

let english: readonly string[] | null = null;
let lookup: SortedWords | null = null;

/**
 * The English word list, loaded on first use: lower case and sorted as the package ships it (a test holds
 * that), so a lookup is a binary search and a CLI call pays for parsing the JSON only, not for building a set.
 */
export function englishWords(): readonly string[] {
  english ??= createRequire(import.meta.url)('an-array-of-english-words') as string[];
  return english;
}

/**
 * The English list for lookups: the package's JSON text (`["a","aa",…]`) with each word's place in it, a
 * word cut out only when a binary search reaches it. Parsing the 3.3 MB of JSON into 275,000 strings cost
 * a cold search 0.19 s of CPU for one lookup; finding the quotes costs a tenth of that. A list with an
 * escape in it is parsed as JSON.
 */
function englishLookup(): SortedWords {
  if (lookup) return lookup;
  const text = readFileSync(createRequire(import.meta.url).resolve('an-array-of-english-words'), 'utf8');
  if (text.includes('\\')) return (lookup = englishWords());
  const places: number[] = [];
  for (let open = text.indexOf('"'), close = text.indexOf('"', open + 1); open >= 0 && close > open; open = text.indexOf('"', close + 1), close = text.indexOf('"', open + 1)) {
    places.push(open + 1, close);
  }
  const count = places.length / 2;
  return (lookup = { length: count, at: (index) => (index >= 0 && index < count ? text.slice(places[2 * index], places[2 * index + 1]) : undefined) });
}

/** Reads the English list now (a long-running server's first call), so no later query pays for it. */
export function loadEnglish(): void {
  englishLookup();
}

/** Whether `word` (lower case) is correctly spelt English. */
export function isEnglish(word: string): boolean {
  const words = englishLookup();
  return words.at(lowerBound(words, word)) === word;
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
