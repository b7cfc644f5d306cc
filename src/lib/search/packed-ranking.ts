/**
 * The ranking's index (ranking.ts) as bytes, for the agents' snapshot on disk
 * (src/lib/agent/search-snapshot.ts), laid out so a search reads only what it
 * needs: the sorted words as one string with their offsets (a word is cut out
 * of it when a lookup reaches it), each page's length, and each word's
 * postings as its own byte range, read when a query first reaches the word.
 * Postings are varints with page and position deltas, as Pagefind's own index
 * stores them: at 10,000 post-mortems the positions as 32-bit integers were
 * 203 MB, read whole by every cold search.
 */
import type { PostingList, RankingIndex } from './ranking.ts';
import type { SortedWords } from './sorted-words.ts';

/** What a snapshot reads up front; each word's postings are read apart (`postingStarts`). */
export interface RankingHead {
  /** The sorted words, concatenated. */
  words: string;
  /** Word `w` is `words.slice(wordStarts[w], wordStarts[w + 1])` (UTF-16 offsets). */
  wordStarts: Int32Array;
  /** Word `w`'s postings are bytes `postingStarts[w]` … `postingStarts[w + 1] - 1` of the postings. */
  postingStarts: Float64Array;
  fieldNames: string[];
  lengths: Int32Array;
  average: number;
}

/** A {@link RankingHead} and every word's postings, end to end. */
export interface PackedRanking {
  head: RankingHead;
  postings: Uint8Array;
}

/** Grows as it is written; `bytes()` is what was written. */
class ByteWriter {
  private buffer = new Uint8Array(1 << 16);
  length = 0;

  /** An unsigned integer in 7-bit groups, low first (LEB128). */
  varint(value: number): void {
    if (this.length + 10 > this.buffer.length) {
      const grown = new Uint8Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    while (value >= 0x80) {
      this.buffer[this.length++] = (value % 0x80) | 0x80;
      value = Math.floor(value / 0x80);
    }
    this.buffer[this.length++] = value;
  }

  /** Any integer: zigzag, so a small negative delta stays small. */
  signed(value: number): void {
    this.varint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

export function packRanking(index: RankingIndex): PackedRanking {
  const count = index.sorted.length;
  const wordStarts = new Int32Array(count + 1);
  const postingStarts = new Float64Array(count + 1);
  const out = new ByteWriter();
  const fieldNames: string[] = [];
  const fieldId = new Map<string, number>();
  const words: string[] = [];
  for (let id = 0; id < count; id++) {
    const word = index.sorted.at(id)!;
    words.push(word);
    wordStarts[id + 1] = wordStarts[id]! + word.length;
    const { pages, locStarts, locs, fieldStarts, fields } = index.postings(id);
    out.varint(pages.length);
    let page = 0;
    for (let p = 0; p < pages.length; p++) {
      out.signed(pages[p]! - page);
      page = pages[p]!;
      out.varint((locStarts[p + 1]! - locStarts[p]!) / 2);
      let position = 0;
      for (let k = locStarts[p]!; k < locStarts[p + 1]!; k += 2) {
        out.varint(locs[k]!);
        out.signed(locs[k + 1]! - position);
        position = locs[k + 1]!;
      }
      out.varint(fieldStarts[p + 1]! - fieldStarts[p]!);
      for (let f = fieldStarts[p]!; f < fieldStarts[p + 1]!; f++) {
        // Ids in the order first met over the sorted words, as the snapshot has always stored them.
        const field = index.fieldNames[fields[f]!]!;
        let n = fieldId.get(field);
        if (n === undefined) {
          fieldId.set(field, (n = fieldNames.length));
          fieldNames.push(field);
        }
        out.varint(n);
      }
    }
    postingStarts[id + 1] = out.length;
  }
  return {
    head: { words: words.join(''), wordStarts, postingStarts, fieldNames, lengths: Int32Array.from(index.lengths), average: index.average },
    postings: out.bytes(),
  };
}

/** Reads varints from one word's bytes. */
class ByteReader {
  at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.bytes[this.at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte & 0x80);
    return value;
  }

  signed(): number {
    const n = this.varint();
    return n % 2 ? -(n + 1) / 2 : n / 2;
  }
}

// A word's positions and fields are decoded here first, then copied out at their length (unknown until read).
let locScratch: Int32Array = new Int32Array(1 << 16);
let fieldScratch: Int32Array = new Int32Array(1 << 12);

function room(scratch: Int32Array, size: number): Int32Array {
  if (size <= scratch.length) return scratch;
  const bigger = new Int32Array(Math.max(size, 2 * scratch.length));
  bigger.set(scratch);
  return bigger;
}

/** Word `w`'s postings from its bytes. */
function readPostings(bytes: Uint8Array): PostingList {
  const read = new ByteReader(bytes);
  const count = read.varint();
  const pages = new Int32Array(count);
  const locStarts = new Int32Array(count + 1);
  const fieldStarts = new Int32Array(count + 1);
  let locLength = 0;
  let fieldLength = 0;
  let page = 0;
  for (let p = 0; p < count; p++) {
    pages[p] = page += read.signed();
    const end = locLength + 2 * read.varint();
    locScratch = room(locScratch, end);
    let position = 0;
    for (; locLength < end; locLength += 2) {
      locScratch[locLength] = read.varint();
      locScratch[locLength + 1] = position += read.signed();
    }
    locStarts[p + 1] = locLength;
    const fieldEnd = fieldLength + read.varint();
    fieldScratch = room(fieldScratch, fieldEnd);
    for (; fieldLength < fieldEnd; fieldLength++) fieldScratch[fieldLength] = read.varint();
    fieldStarts[p + 1] = fieldLength;
  }
  return { pages, locStarts, locs: locScratch.slice(0, locLength), fieldStarts, fields: fieldScratch.slice(0, fieldLength) };
}

/** The words of a {@link RankingHead}, each cut out of the one string when asked for. */
function headWords({ words, wordStarts }: RankingHead): SortedWords {
  return { length: wordStarts.length - 1, at: (id) => (id >= 0 && id < wordStarts.length - 1 ? words.slice(wordStarts[id], wordStarts[id + 1]) : undefined) };
}

/**
 * The index a {@link RankingHead} stands for; `postingBytes(from, to)` reads bytes of the postings (from a
 * file, or from memory), once per word a query reaches.
 */
export function unpackRanking(head: RankingHead, postingBytes: (from: number, to: number) => Uint8Array): RankingIndex {
  const made: (PostingList | undefined)[] = new Array(head.wordStarts.length - 1);
  const { postingStarts, fieldNames } = head;
  return {
    sorted: headWords(head),
    postings: (id) => (made[id] ??= readPostings(postingBytes(postingStarts[id]!, postingStarts[id + 1]!))),
    fieldNames,
    lengths: head.lengths,
    average: head.average,
  };
}
