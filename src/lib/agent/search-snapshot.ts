/**
 * The agents' search index kept on disk between runs, so `hindsight search`
 * started cold reads one file instead of parsing every post-mortem and
 * indexing it again (seconds at 10,000 post-mortems). The snapshot holds the
 * ranking's index (Pagefind's words, weighted positions and metadata fields
 * per page, src/lib/search/ranking.ts, packed by packed-ranking.ts), the
 * corrector's words, each entry's filter facts and what a result shows (its
 * facts and searchable text), so it ranks exactly as the archive read in
 * memory. It is one file of sections read by range (section-file.ts): a
 * search reads the words, the postings of its own words and its results'
 * entries, not the whole index (tens of megabytes). It is used only when it
 * was made from the same files (names, sizes and modification times) by the
 * same code (the hash validate's cache uses) under the same check settings; otherwise the archive is read,
 * searched and the snapshot written anew. Any trouble reading or writing it
 * means reading the archive, never an error (a snapshot another run replaces
 * while this one reads it is still read whole: the open file is the old one).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkerVersion, defaultCacheDir } from '../postmortem/validation/validation-cache.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../postmortem/safety/limits.ts';
import { createCorrector } from '../search/correct.ts';
import { createIncidentSearch } from '../search/engine.ts';
import { packRanking, unpackRanking } from '../search/packed-ranking.ts';
import { isEnglish, loadEnglish } from '../search/english.ts';
import type { SearchRow } from '../search/records.ts';
import type { AgentArchive } from './agent-archive.ts';
import { archiveStamp, folderReader } from './folder-reader.ts';
import { filterFactsOf, memorySource, prepareSearch, resultFactsOf, type FilterFacts, type ResultFacts, type SearchSource } from './agent-search.ts';
import { openSectionFile, writeSectionFile, type SectionFile } from './section-file.ts';
import { warmUp } from './warm-search.ts';

/**
 * The snapshot's header; its sections: the ranking's words (`words`, UTF-16, and `wordStarts`), each
 * page's length, each word's postings (`postings`, placed by `postingStarts`), the corrector's words
 * (`vocabulary`, JSON), the entries' filter facts (`facts`, JSON, read only when a filter asks) and what a
 * result shows of each entry (`entries`, placed by `entryStarts`, read for the results shown).
 */
interface SnapshotHeader {
  version: string;
  stamp: string;
  count: number;
  fieldNames: string[];
  average: number;
}

/** What a result shows of an entry. */
interface Entry {
  facts: ResultFacts;
  row: SearchRow;
}

/** The snapshot's file for an archive folder read from `cwd` (paths in it are relative to `cwd`). */
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
  const snapshot = openSectionFile<SnapshotHeader>(file);
  if (snapshot?.header.version === made && snapshot.header.stamp === stamp) {
    const source = snapshotSource(snapshot);
    if (source) return source;
  }
  snapshot?.close();
  // The parser and the validator's rules load only here: a search answered from the snapshot compiles none of them.
  const { readArchive } = await import('./agent-archive.ts');
  const archive = readArchive(dir, cwd, settings);
  writeSnapshot(file, archive, made, stamp);
  return memorySource(archive.postmortems);
}

/** Whether this process has run its search warm-up (once is enough: it is V8's compiled code that stays). */
let warmed = false;

/**
 * The search of a long-running process (the MCP server): a snapshot's when one is current (a first call
 * then costs a read, not a parse of the archive), made again only when a file changes (folderReader).
 */
export function searchSourceReader(dir: string, cwd: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS, cacheDir = defaultCacheDir(cwd)): () => Promise<SearchSource> {
  const version = checkerVersion();
  const read = folderReader(dir, async (stamp) => {
    const source = await openSearchSource(dir, cwd, cacheDir, settings, version, stamp);
    // With the first call, not the first misspelling: 43-54 ms of CPU a warm call would otherwise pay once.
    loadEnglish();
    // Once a process: what later calls run is then compiled (warm-search.ts); a changed folder needs no second.
    if (!warmed) warmed = warmUp(source) > 0;
    return source;
  });
  return async () => await read();
}

const bytesOf = (array: Int32Array | Float64Array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** The snapshot of `archive`; entries of the earlier layout beside it are removed. */
function writeSnapshot(file: string, archive: AgentArchive, version: string, stamp: string): void {
  const { postmortems } = archive;
  const { data, ranking, vocabulary } = prepareSearch(postmortems);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const { head, postings } = packRanking(ranking);
    const entries = postmortems.map((pm, at) => serialize({ facts: resultFactsOf(pm), row: data.records[at]! } satisfies Entry));
    const entryStarts = new Float64Array(entries.length + 1);
    entries.forEach((entry, at) => (entryStarts[at + 1] = entryStarts[at]! + entry.length));
    const header: SnapshotHeader = { version, stamp, count: postmortems.length, fieldNames: head.fieldNames, average: head.average };
    writeSectionFile(file, header, {
      // UTF-16, as the offsets count: a word is cut out of the string without decoding.
      words: Buffer.from(head.words, 'utf16le'),
      wordStarts: bytesOf(head.wordStarts),
      postingStarts: bytesOf(head.postingStarts),
      lengths: bytesOf(head.lengths),
      vocabulary: utf8(JSON.stringify(vocabulary.words)),
      facts: utf8(JSON.stringify(postmortems.map(filterFactsOf))),
      entryStarts: bytesOf(entryStarts),
      entries: Buffer.concat(entries),
      postings,
    });
    // The earlier layout kept entries in files beside it (`.0`, `.1`, …), which nothing reads now.
    const name = path.basename(file);
    for (const old of readdirSync(path.dirname(file))) if (old.startsWith(`${name}.`) && /^\d+$/.test(old.slice(name.length + 1))) unlinkSync(path.join(path.dirname(file), old));
  } catch {
    // A read-only or full disk only costs the next run its head start.
  }
}

/**
 * A long-running process replaces its source when a file changes: the old one's descriptor closes once
 * nothing can read through it any more (a descriptor closed under a live reader could be reused by another file).
 */
const closeWhenDropped = new FinalizationRegistry<() => void>((close) => close());

const int32s = (bytes: Uint8Array) => new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
const float64s = (bytes: Uint8Array) => new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);

/**
 * A source over a snapshot: the words and page lengths read now; a word's postings when a query first
 * reaches it, the filter facts when a filter asks, an entry's facts and record when it is a result.
 * Null when the file cannot be read (another run then writes it anew).
 */
function snapshotSource(file: SectionFile<SnapshotHeader>): SearchSource | null {
  const { count, fieldNames, average } = file.header;
  let head;
  try {
    head = {
      words: file.read('words').toString('utf16le'),
      wordStarts: int32s(file.read('wordStarts')),
      postingStarts: float64s(file.read('postingStarts')),
      lengths: int32s(file.read('lengths')),
      vocabulary: JSON.parse(file.read('vocabulary').toString('utf8')) as string[],
      entryStarts: float64s(file.read('entryStarts')),
    };
  } catch {
    return null;
  }
  // Every later read goes through `reader`, which is what the descriptor's closing waits on.
  const reader = { read: file.read };
  closeWhenDropped.register(reader, () => file.close());
  let facts: FilterFacts[] | null = null;
  // Records are filled as results are read: the engine reads a record only for a result's "matched in" lines.
  const records: SearchRow[] = new Array<SearchRow>(count);
  const entries: (Entry | undefined)[] = new Array(count);
  const source: SearchSource = {
    count,
    // No documents: the ranking's index stands for them. The engine's `likeText` (which would need every record) is not offered.
    engine: createIncidentSearch(
      { count, records, documents: [] },
      unpackRanking({ words: head.words, wordStarts: head.wordStarts, postingStarts: head.postingStarts, lengths: head.lengths, fieldNames, average }, (from, to) => reader.read('postings', from, to)),
    ),
    corrector: createCorrector({ words: head.vocabulary }, isEnglish),
    filterFacts: (at) => (facts ??= JSON.parse(reader.read('facts').toString('utf8')) as FilterFacts[])[at]!,
    resultFacts(at) {
      const entry = (entries[at] ??= deserialize(reader.read('entries', head.entryStarts[at], head.entryStarts[at + 1])) as Entry);
      records[at] = entry.row;
      return entry.facts;
    },
  };
  return source;
}
