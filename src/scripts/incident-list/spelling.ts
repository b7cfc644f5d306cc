/**
 * The core's spelling corrector (src/lib/search/correct.ts) in the browser,
 * fetching as little as a query needs: first the shard of the archive's words
 * each typed word belongs with (known-words.ts), which says whether the
 * archive holds the word or a word it begins; for a word it does not, the
 * shard of the English list the word belongs to; and only for a word neither
 * knows (one to correct) the whole vocabulary, over which the core corrects
 * the query. Each step answers as the whole vocabulary would, so the
 * corrections are the core's. A shard of English that cannot be fetched
 * counts the word as English: better to search the reader's own word than to
 * rewrite a correct one.
 */
import { createCorrector, englishShard, type Correction, type Corrector } from '../../lib/search/correct.ts';
import { correctable, type Vocabulary } from '../../lib/search/vocabulary.ts';
import { textWords } from '../../lib/search/words.ts';
import { knownShard } from '../../lib/site/search/known-words.ts';

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<T>;
}

/** JSON files by key, each fetched once; a file that cannot be fetched is remembered as 'unavailable'. */
function shardFiles<T>(urlOf: (key: string) => string) {
  const shards = new Map<string, T | 'unavailable'>();
  const loading = new Map<string, Promise<void>>();
  const load = (key: string): Promise<void> => {
    if (shards.has(key)) return Promise.resolve();
    let pending = loading.get(key);
    if (!pending) {
      pending = fetchJson<T>(urlOf(key)).then(
        (content) => void shards.set(key, content),
        () => void shards.set(key, 'unavailable'),
      );
      loading.set(key, pending);
    }
    return pending;
  };
  return {
    get: (key: string) => shards.get(key),
    loadAll: (keys: Iterable<string>) => Promise.all([...new Set(keys)].map(load)).then(() => undefined),
    /** Every file fetched so far. */
    fetched: () => [...shards.values()].filter((content): content is T => content !== 'unavailable'),
  };
}

/** The URLs of what the corrector fetches: the vocabulary (`incidents/vocabulary.json`), and the folders of its shards and of the English shards, each ending in `/`. */
export interface SpellingFiles {
  vocabularyUrl: string;
  knownUrl: string;
  englishUrl: string;
}

export function browserCorrector({ vocabularyUrl, knownUrl, englishUrl }: SpellingFiles): { correct(query: string): Promise<Correction>; holds(words: readonly string[]): boolean } {
  let corrector: Promise<Corrector> | null = null;
  let loaded: Corrector | null = null;
  const loadVocabulary = () => {
    corrector ??= fetchJson<Vocabulary>(vocabularyUrl).then((vocabulary) => (loaded = createCorrector(vocabulary, isEnglish)));
    corrector.catch(() => (corrector = null));
    return corrector;
  };
  const english = shardFiles<string[]>((key) => `${englishUrl}${key}.json`);
  const englishSets = new Map<string, Set<string>>();
  function isEnglish(word: string): boolean {
    const key = englishShard(word);
    const shard = english.get(key);
    if (shard === undefined || shard === 'unavailable') return true;
    if (!englishSets.has(key)) englishSets.set(key, new Set(shard));
    return englishSets.get(key)!.has(word);
  }
  const known = shardFiles<string[]>((key) => `${knownUrl}${key}.json`);
  const shardsOf = (words: readonly string[]) => words.map((word) => word.toLowerCase()).filter(correctable).map(knownShard);
  // The core's corrector over the archive words fetched so far, built again when more arrive (shards only add
  // words, so their number says): for a word of those shards it tells the known from the unknown as the whole
  // vocabulary would.
  let partial: { words: number; corrector: Corrector } | null = null;
  const partialCorrector = (): Corrector => {
    const words = known.fetched().flat();
    if (partial?.words !== words.length) partial = { words: words.length, corrector: createCorrector({ words }, isEnglish) };
    return partial.corrector;
  };
  /** The corrector that can judge every word of `words`: the whole vocabulary's, else the shards' when each word's arrived. */
  const judge = (words: readonly string[]): Corrector | null => {
    if (loaded) return loaded;
    return shardsOf(words).every((key) => Array.isArray(known.get(key))) ? partialCorrector() : null;
  };
  return {
    async correct(query) {
      const words = textWords(query);
      if (!loaded) {
        await known.loadAll(shardsOf(words));
        const shards = judge(words);
        const unknown = shards?.unknownWords(query);
        if (unknown) {
          await english.loadAll(unknown.map(englishShard));
          // Nothing to correct: no word is both unknown to the archive and not English.
          if (unknown.every(isEnglish)) return { query, changes: [] };
        }
      }
      const ready = await loadVocabulary().catch(() => null);
      if (!ready) return { query, changes: [] };
      await english.loadAll(ready.unknownWords(query).map(englishShard));
      return ready.correct(query);
    },
    /**
     * Whether the archive holds every word, each a word of the vocabulary or the beginning of one (a word Pagefind
     * then finds); false until the words' shards (or the vocabulary) are loaded, and for a short word, an id or a
     * word with punctuation, which the vocabulary does not list.
     */
    holds(words) {
      const corrector = judge(words);
      return corrector !== null && words.every((word) => /^\p{L}+$/u.test(word) && correctable(word) && corrector.unknownWords(word).length === 0);
    },
  };
}
