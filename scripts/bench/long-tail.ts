/**
 * The generated archive's long tail: words, services, owners, tags and ticket
 * ids drawn with Zipf's law, as in real writing. A handful of words and
 * services are everywhere and most are rare, so posting lists, index chunks
 * and gzip sizes have a real archive's shape (fifteen stories alone made every
 * word common). Ranks come from a fixed shuffle of `an-array-of-english-words`,
 * so the vocabulary is the same whatever the archive's seed.
 */
import { createRequire } from 'node:module';
import { BLAME_TRIGGER } from '../../src/lib/postmortem/blameless/detect.ts';
import { PLACEHOLDER_PATTERN } from '../../src/lib/postmortem/parsing/placeholder-text.ts';
import { spellingKey } from '../../src/lib/postmortem/spelling/spelling-key.ts';
import { seededRandom } from './seeded-random.ts';

/** Distinct words the prose draws from; rank r is drawn in proportion to 1 / (r + WORD_RANK_OFFSET)^ZIPF_EXPONENT. */
export const VOCABULARY_SIZE = 60_000;
const ZIPF_EXPONENT = 1.05;
/** Zipf–Mandelbrot's offset for content words: the function words hold the very top ranks of real prose. */
const WORD_RANK_OFFSET = 30;
const VOCABULARY_SEED = 26;

/** The words of running English prose that are not content: about half of every sentence. */
const FUNCTION_WORDS = [
  'the', 'of', 'and', 'to', 'in', 'a', 'was', 'for', 'on', 'that', 'with', 'it', 'as', 'by', 'at', 'from', 'this', 'were',
  'which', 'after', 'before', 'when', 'but', 'not', 'all', 'its', 'into', 'than', 'then', 'during', 'because', 'while',
];
const SERVICE_SUFFIXES = ['api', 'worker', 'service', 'db', 'gateway', 'cache', 'queue', 'sync', 'proxy', 'scheduler', 'exporter', 'ingest', 'store', 'router'];
const TEAM_SUFFIXES = ['team', 'oncall', 'sre', 'platform', 'eng'];
const TICKET_PREFIXES = ['OPS', 'INC', 'SRE', 'PLAT', 'DATA', 'BILL', 'SEC', 'INFRA', 'NET', 'WEB', 'MOB', 'PAY', 'AUTH', 'CORE'];
const FIRST_NAMES = ['Ravi', 'Mei', 'Dana', 'Tomás', 'Aisha', 'Jonas', 'Priya', 'Lucas', 'Sofia', 'Kenji', 'Elena', 'Samuel', 'Hannah', 'Omar', 'Lea', 'Noah', 'Ines', 'Arjun', 'Yara', 'Felix', 'Chloé', 'Mateo', 'Zara', 'Ivan', 'Amara', 'Leo', 'Nadia', 'Hugo', 'Saanvi', 'Erik'];
const LAST_NAMES = ['Patel', 'Chen', 'Kim', 'Ortega', 'Okafor', 'Berg', 'Raman', 'Moreau', 'Rossi', 'Watanabe', 'Petrova', 'Adeyemi', 'Novak', 'Haddad', 'Schmidt', 'Silva', 'Nguyen', 'Kowalski', 'Dubois', 'Larsen', 'Mensah', 'Sato', 'Costa', 'Yilmaz', 'Fischer'];

/** Draws from a ranked list with Zipf's law: rank 1 most often, the last rank rarely. */
export interface ZipfPool<T> {
  items: readonly T[];
  draw: (random: () => number) => T;
}

/** A Zipf sampler over `items` (rank = position, shifted by `offset`): binary search in the cumulative weights. */
export function zipfPool<T>(items: readonly T[], offset = 0, exponent = ZIPF_EXPONENT): ZipfPool<T> {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  for (let rank = 0; rank < items.length; rank += 1) cumulative[rank] = total += 1 / (rank + 1 + offset) ** exponent;
  return {
    items,
    draw(random) {
      const target = random() * total;
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (cumulative[middle]! < target) low = middle + 1;
        else high = middle;
      }
      return items[low]!;
    },
  };
}

/** The archive's pools: prose words, services, owners, authors, tags and ticket prefixes, each ranked. */
export interface LongTail {
  words: ZipfPool<string>;
  services: ZipfPool<string>;
  owners: ZipfPool<string>;
  authors: ZipfPool<string>;
  tags: ZipfPool<string>;
  ticketPrefixes: ZipfPool<string>;
}

/**
 * The pools (about 0.3 s: the callers keep them). `firstServices` lead the service ranking (the generator's twenty
 * well-known services), so the common services stay the ones the stories and queries name; `firstTags`
 * (the stories' tags) lead the tags, so no drawn tag is a variant spelling of one.
 */
export function longTail(firstServices: readonly string[], firstTags: readonly string[]): LongTail {
  const random = seededRandom(VOCABULARY_SEED);
  const english = (createRequire(import.meta.url)('an-array-of-english-words') as string[]).filter(usableWord);
  shuffle(english, random);
  const words = english.slice(0, VOCABULARY_SIZE);
  // Names are made from mid-ranked words, so a service's name is neither everywhere in the prose nor absent.
  const middle = words.slice(200, 20_000);
  const pick = () => middle[Math.floor(random() * middle.length)]!;
  const services = distinct([...firstServices, ...Array.from({ length: 600 }, () => `${pick()}-${SERVICE_SUFFIXES[Math.floor(random() * SERVICE_SUFFIXES.length)]}`)]);
  const owners = distinct(Array.from({ length: 240 }, (_, i) => (i % 3 === 0 ? `@${pick()}` : `@${pick()}-${TEAM_SUFFIXES[i % TEAM_SUFFIXES.length]}`)));
  const authors = distinct(FIRST_NAMES.flatMap((first, i) => LAST_NAMES.map((last, j) => ((i * 7 + j * 3) % 4 === 0 ? `${first} ${last}` : ''))).filter(Boolean));
  shuffle(authors, random);
  const tags = distinct([...firstTags, ...Array.from({ length: 3_000 }, () => (random() < 0.5 ? pick() : `${pick()}-${pick()}`))]);
  return {
    words: zipfPool(words, WORD_RANK_OFFSET),
    services: zipfPool(services),
    owners: zipfPool(owners),
    authors: zipfPool(authors),
    tags: zipfPool(tags),
    ticketPrefixes: zipfPool(TICKET_PREFIXES),
  };
}

/** A ticket id such as `INC-48213`: a Zipf-ranked project and a number of up to five digits. */
export function ticketId(pools: LongTail, random: () => number): string {
  return `${pools.ticketPrefixes.draw(random)}-${100 + Math.floor(random() * 99_900)}`;
}

/**
 * One sentence of prose: function words and Zipf-drawn words, sometimes naming a service, an owner, a
 * ticket or a figure, as engineers write. `words` is its length.
 */
export function proseSentence(pools: LongTail, random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i += 1) {
    const roll = random();
    if (roll < 0.45) out.push(FUNCTION_WORDS[Math.floor(random() * FUNCTION_WORDS.length)]!);
    else if (roll < 0.47) out.push(`\`${pools.services.draw(random)}\``);
    else if (roll < 0.48) out.push(ticketId(pools, random));
    else if (roll < 0.49) out.push(pools.owners.draw(random));
    else if (roll < 0.51) out.push(`${Math.floor(random() * 5_000)} ${random() < 0.5 ? 'ms' : 'requests'}`);
    else out.push(pools.words.draw(random));
  }
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Words that make blame with the words around them ("fails to", "should have", "caused the outage"). */
const BLAME_PARTS = new Set(['fail', 'failed', 'fails', 'should', 'made', 'caused', 'did', 'messed', 'screwed', 'more', 'human', 'operator', 'careful']);

/** PLACEHOLDER_PATTERN without its global flag, whose `lastIndex` would carry from one word to the next. */
const PLACEHOLDER = new RegExp(PLACEHOLDER_PATTERN.source);

/** Lower-case words of 3–12 letters that no rule reads as blame or a placeholder. */
function usableWord(word: string): boolean {
  return /^[a-z]{3,12}$/.test(word) && !BLAME_PARTS.has(word) && !BLAME_TRIGGER.test(word) && !PLACEHOLDER.test(word);
}

/** One name per spelling key, so no two names differ only by a plural or a hyphen (the spelling-variants rule). */
function distinct(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = spellingKey(name.replace(/^@/, ''));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
