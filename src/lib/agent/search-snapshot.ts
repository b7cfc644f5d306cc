/**
 * The agents' search index kept on disk between runs, so `hindsight search`
 * started cold reads one file instead of parsing every post-mortem and
 * indexing it again (seconds at 10,000 post-mortems). The snapshot holds the
 * ranking's index (Pagefind's words, weighted positions and metadata fields
 * per page, src/lib/search/ranking.ts, packed), the corrector's words and each
 * entry's filter facts, so it ranks exactly as the archive read in memory; what a
 * result shows (its facts and searchable text) is kept in chunks of 32
 * entries, read only for the results shown. It is used only when it
 * was made from the same files (names, sizes and modification times) by the
 * same code (the hash validate's cache uses) under the same check settings; otherwise the archive is read,
 * searched and the snapshot written anew. Any trouble reading or writing it
 * means reading the archive, never an error (a snapshot another run replaces
 * while this one reads it stops this search with a message to run it again).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkerVersion, defaultCacheDir } from '../postmortem/validation/validation-cache.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../postmortem/safety/limits.ts';
import { createCorrector } from '../search/correct.ts';
import { createIncidentSearch } from '../search/engine.ts';
import { packRanking, unpackRanking, type PackedRanking } from '../search/ranking.ts';
import { isEnglish } from '../search/english.ts';
import type { SearchRow } from '../search/records.ts';
import type { AgentArchive } from './agent-archive.ts';
import { archiveStamp, folderReader } from './folder-reader.ts';
import { filterFactsOf, memorySource, prepareSearch, resultFactsOf, type FilterFacts, type ResultFacts, type SearchSource } from './agent-search.ts';

/**
 * What the snapshot file holds, packed for a fast read: word lists as one string each (a deserialised
 * string is one copy; 200,000 strings are 200,000 objects), postings in flat typed arrays (an object per
 * posting costs more to read than the search). Reading it is most of a cold search's time at 10,000 post-mortems.
 */
interface Snapshot {
  version: string;
  stamp: string;
  count: number;
  /** The entries' filter facts, as JSON (one string to read, parsed only when a filter asks). */
  facts: string;
  /** The corrector's words, `\n`-separated. */
  vocabulary: string;
  /** The ranking's index (ranking.ts), as packRanking packs it. */
  ranking: PackedRanking;
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
export async function openSearchSource(
  dir: string,
  cwd: string,
  cacheDir: string,
  settings: CheckSettings = DEFAULT_CHECK_SETTINGS,
  version = checkerVersion(),
  stamp = archiveStamp(dir),
): Promise<SearchSource> {
  const file = snapshotFile(cacheDir, dir, cwd);
  // The settings decide which files are read (their size limit), so they are part of what the snapshot was made from.
  const made = `${version}\0${JSON.stringify([settings.limits, settings.mdx])}`;
  const snapshot = readBinary<Snapshot>(file);
  if (snapshot && snapshot.version === made && snapshot.stamp === stamp) return snapshotSource(snapshot, file);
  // The parser and the validator's rules load only here: a search answered from the snapshot compiles none of them.
  const { readArchive } = await import('./agent-archive.ts');
  const archive = readArchive(dir, cwd, settings);
  writeSnapshot(file, archive, made, stamp);
  return memorySource(archive.postmortems);
}

/**
 * The search of a long-running process (the MCP server): a snapshot's when one is current (a first call
 * then costs a read, not a parse of the archive), made again only when a file changes (folderReader).
 */
export function searchSourceReader(dir: string, cwd: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, cacheDir = defaultCacheDir(cwd)): () => Promise<SearchSource> {
  const version = checkerVersion();
  const read = folderReader(dir, (stamp) => openSearchSource(dir, cwd, cacheDir, settings, version, stamp));
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
  const { data, ranking, vocabulary } = prepareSearch(postmortems);
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
    writeBinary(file, { version, stamp, count: postmortems.length, facts, vocabulary: vocabulary.words.join('\n'), ranking: packRanking(ranking) } satisfies Snapshot);
  } catch {
    // A read-only or full disk only costs the next run its head start.
  }
}

/** A source over a snapshot: the index in memory, each result's facts and record read from its chunk when asked for. */
function snapshotSource(snapshot: Snapshot, file: string): SearchSource {
  const { count } = snapshot;
  // A word's postings are made when a query first reaches it (unpackRanking): made up front they cost more than a search.
  let facts: FilterFacts[] | null = null;
  // Records are filled as results are read: the engine reads a record only for a result's "matched in" lines.
  const records: SearchRow[] = new Array<SearchRow>(count);
  const chunks = new Map<number, EntryChunk>();
  return {
    count,
    // No documents: the ranking's index stands for them. The engine's `likeText` (which would need every record) is not offered.
    engine: createIncidentSearch({ count, records, documents: [] }, unpackRanking(snapshot.ranking)),
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
