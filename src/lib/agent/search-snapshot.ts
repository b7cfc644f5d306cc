/**
 * The agents' search index kept on disk between runs, so `hindsight search`
 * started cold reads one file instead of parsing every post-mortem and
 * indexing it again (seconds at 10,000 post-mortems). The snapshot holds the
 * word index, the corrector's words and each entry's filter facts; what a
 * result shows (its facts and searchable text) is kept in chunks of 32
 * entries, read only for the results shown. It is used only when it
 * was made from the same files (names, sizes and modification times) by the
 * same code (the hash validate's cache uses); otherwise the archive is read,
 * searched and the snapshot written anew. Any trouble reading or writing it
 * means reading the archive, never an error (a snapshot another run replaces
 * while this one reads it stops this search with a message to run it again).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkerVersion, defaultCacheDir } from '../postmortem/validation-cache.ts';
import { createCorrector } from '../search/correct.ts';
import { createIncidentSearch, type WordIndex } from '../search/engine.ts';
import { isEnglish } from '../search/english.ts';
import type { SearchRow } from '../search/records.ts';
import type { AgentArchive } from './agent-archive.ts';
import { archiveStamp, folderReader } from './folder-reader.ts';
import { filterFactsOf, memorySource, prepareSearch, resultFactsOf, type FilterFacts, type ResultFacts, type SearchSource } from './agent-search.ts';

/**
 * What the snapshot file holds, packed for a fast read: word lists as one string each (a deserialised
 * string is one copy; 200,000 strings are 200,000 objects), postings in one array (a typed array per word
 * costs a header each). Reading it is most of a cold search's time at 10,000 post-mortems.
 */
interface Snapshot {
  version: string;
  stamp: string;
  count: number;
  /** The entries' filter facts, as JSON (one string to read, parsed only when a filter asks). */
  facts: string;
  /** The corrector's words, `\n`-separated. */
  vocabulary: string;
  /** The index's words, `\n`-separated, and their stems, empty where the stem is the word. */
  words: string;
  stems: string;
  /** Word `w`'s postings are `postings[offsets[w]] … postings[offsets[w + 1] - 1]`. */
  offsets: Int32Array;
  postings: Int32Array;
}

/** What a result shows of entry i, kept in chunks of {@link CHUNK} entries beside the snapshot: a search reads one or two. */
interface EntryChunk {
  stamp: string;
  entries: { facts: ResultFacts; row: SearchRow }[];
}
const CHUNK = 32;

/** The snapshot's file for an archive folder read from `cwd` (paths in it are relative to `cwd`); chunks add `.<n>`. */
function snapshotFile(cacheDir: string, dir: string, cwd: string): string {
  return path.join(cacheDir, `search-${createHash('sha1').update(`${dir}\0${cwd}`).digest('hex').slice(0, 12)}.bin`);
}

/**
 * The search over `dir` (absolute) for one cold command: from the snapshot in `cacheDir` when it is
 * current, else from the archive (and the snapshot is written for the next run).
 */
export async function openSearchSource(dir: string, cwd: string, cacheDir: string, version = checkerVersion(), stamp = archiveStamp(dir)): Promise<SearchSource> {
  const file = snapshotFile(cacheDir, dir, cwd);
  const snapshot = readBinary<Snapshot>(file);
  if (snapshot && snapshot.version === version && snapshot.stamp === stamp) return snapshotSource(snapshot, file);
  // The parser and the validator's rules load only here: a search answered from the snapshot compiles none of them.
  const { readArchive } = await import('./agent-archive.ts');
  const archive = readArchive(dir, cwd);
  writeSnapshot(file, archive, version, stamp);
  return memorySource(archive.postmortems);
}

/**
 * The search of a long-running process (the MCP server): a snapshot's when one is current (a first call
 * then costs a read, not a parse of the archive), made again only when a file changes (folderReader).
 */
export function searchSourceReader(dir: string, cwd: string, cacheDir = defaultCacheDir(cwd)): () => Promise<SearchSource> {
  const version = checkerVersion();
  const read = folderReader(dir, (stamp) => openSearchSource(dir, cwd, cacheDir, version, stamp));
  return async () => await read();
}

function readBinary<T>(file: string): T | null {
  try {
    return deserialize(readFileSync(file)) as T;
  } catch {
    return null;
  }
}

/** Writes aside, then renames: two commands at once, or one stopped half-way, never leave half a file. */
function writeBinary(file: string, value: unknown): void {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, serialize(value));
  renameSync(partial, file);
}

/** The chunks first, the snapshot last: a snapshot that can be read has its chunks (a chunk of another stamp is not used). */
function writeSnapshot(file: string, archive: AgentArchive, version: string, stamp: string): void {
  const { postmortems } = archive;
  const { data, index, vocabulary } = prepareSearch(postmortems);
  const offsets = new Int32Array(index.words.length + 1);
  for (let word = 0; word < index.words.length; word++) offsets[word + 1] = offsets[word]! + index.postings[word]!.length;
  const postings = new Int32Array(offsets[index.words.length]!);
  index.postings.forEach((list, word) => postings.set(list, offsets[word]!));
  const rows = data.records;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    for (let from = 0; from < postmortems.length; from += CHUNK) {
      const entries = postmortems.slice(from, from + CHUNK).map((pm, k) => ({ facts: resultFactsOf(pm), row: rows[from + k]! }));
      writeBinary(`${file}.${from / CHUNK}`, { stamp, entries } satisfies EntryChunk);
    }
    // Chunks past the last, from a larger archive, would never be read again.
    const name = path.basename(file);
    for (const old of readdirSync(path.dirname(file))) {
      const n = old.startsWith(`${name}.`) ? Number(old.slice(name.length + 1)) : NaN;
      if (Number.isInteger(n) && n * CHUNK >= postmortems.length) unlinkSync(path.join(path.dirname(file), old));
    }
    const facts = JSON.stringify(postmortems.map(filterFactsOf));
    const words = index.words.join('\n');
    const stems = index.stems.map((stem, at) => (stem === index.words[at] ? '' : stem)).join('\n');
    writeBinary(file, { version, stamp, count: postmortems.length, facts, vocabulary: vocabulary.words.join('\n'), words, stems, offsets, postings } satisfies Snapshot);
  } catch {
    // A read-only or full disk only costs the next run its head start.
  }
}

/** A source over a snapshot: the index in memory, each result's facts and record read from its chunk when asked for. */
function snapshotSource(snapshot: Snapshot, file: string): SearchSource {
  const { offsets, postings, count } = snapshot;
  const words = snapshot.words ? snapshot.words.split('\n') : [];
  const stems = snapshot.stems ? snapshot.stems.split('\n').map((stem, at) => stem || words[at]!) : [];
  // A word's postings are viewed when a query first reaches it: 200,000 views made up front cost more than a search.
  const views: Int32Array[] = [];
  const lists = new Proxy(views, {
    get: (target, key) => (typeof key === 'string' && /^\d+$/.test(key) ? (target[Number(key)] ??= postings.subarray(offsets[Number(key)]!, offsets[Number(key) + 1]!)) : Reflect.get(target, key)),
  });
  const index: WordIndex = { words, stems, postings: lists };
  let facts: FilterFacts[] | null = null;
  // Records are filled as results are read: the engine reads a record only for a result's "matched in" lines.
  const records: SearchRow[] = new Array<SearchRow>(count);
  const chunks = new Map<number, EntryChunk>();
  return {
    count,
    engine: createIncidentSearch({ count, records }, index),
    corrector: createCorrector({ words: snapshot.vocabulary.split('\n') }, isEnglish),
    filterFacts: (at) => (facts ??= JSON.parse(snapshot.facts) as FilterFacts[])[at]!,
    resultFacts(at) {
      const n = Math.floor(at / CHUNK);
      let chunk = chunks.get(n);
      if (!chunk) {
        const read = readBinary<EntryChunk>(`${file}.${n}`);
        // Written before the snapshot it belongs to; another stamp means another run replaced it meanwhile.
        if (read?.stamp !== snapshot.stamp) throw new Error('The search snapshot changed during the search; run it again.');
        chunks.set(n, (chunk = read));
      }
      const entry = chunk.entries[at - n * CHUNK]!;
      records[at] = entry.row;
      return entry.facts;
    },
  };
}
