/**
 * The core's spelling corrector (src/lib/search/correct.ts) in the browser:
 * the archive's vocabulary fetched once, and the shard of the English word
 * list a word belongs to fetched only when the archive does not know that
 * word. A shard that cannot be fetched counts the word as English: better to
 * search the reader's own word than to rewrite a correct one.
 */
import { createCorrector, englishShard, type Correction, type Corrector } from '../../lib/search/correct.ts';
import { correctable, type Vocabulary } from '../../lib/search/vocabulary.ts';

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<T>;
}

/** `vocabularyUrl`: `incidents/vocabulary.json`; `englishUrl`: the folder of shards, ending in `/`. */
export function browserCorrector(vocabularyUrl: string, englishUrl: string): { warm(): void; correct(query: string): Promise<Correction>; holds(words: readonly string[]): boolean } {
  let corrector: Promise<Corrector> | null = null;
  let loaded: Corrector | null = null;
  const load = () => {
    corrector ??= fetchJson<Vocabulary>(vocabularyUrl).then((vocabulary) => (loaded = createCorrector(vocabulary, isEnglish)));
    corrector.catch(() => (corrector = null));
    return corrector;
  };
  const shards = new Map<string, Set<string> | 'unavailable'>();
  const loading = new Map<string, Promise<void>>();
  const loadShard = (key: string): Promise<void> => {
    if (shards.has(key)) return Promise.resolve();
    let pending = loading.get(key);
    if (!pending) {
      pending = fetchJson<string[]>(`${englishUrl}${key}.json`).then(
        (words) => void shards.set(key, new Set(words)),
        () => void shards.set(key, 'unavailable'),
      );
      loading.set(key, pending);
    }
    return pending;
  };
  function isEnglish(word: string): boolean {
    const shard = shards.get(englishShard(word));
    return shard === undefined || shard === 'unavailable' || shard.has(word);
  }
  return {
    warm: () => void load().catch(() => undefined),
    async correct(query) {
      const ready = await load().catch(() => null);
      if (!ready) return { query, changes: [] };
      await Promise.all([...new Set(ready.unknownWords(query).map(englishShard))].map(loadShard));
      return ready.correct(query);
    },
    /**
     * Whether the archive holds every word, each a word of the vocabulary or the beginning of one (a word Pagefind
     * then finds); false until the vocabulary is loaded, and for a short word, an id or a word with punctuation,
     * which the vocabulary does not list.
     */
    holds: (words) => loaded !== null && words.every((word) => /^\p{L}+$/u.test(word) && correctable(word) && loaded!.unknownWords(word).length === 0),
  };
}
