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
import type { Posting, RankingIndex } from './ranking.ts';
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
    const postings = index.postings(id);
    out.varint(postings.length);
    let page = 0;
    for (const posting of postings) {
      out.signed(posting.page - page);
      page = posting.page;
      out.varint(posting.locs.length / 2);
      let position = 0;
      for (let k = 0; k < posting.locs.length; k += 2) {
        out.varint(posting.locs[k]!);
        out.signed(posting.locs[k + 1]! - position);
        position = posting.locs[k + 1]!;
      }
      out.varint(posting.fields.length);
      for (const field of posting.fields) {
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
function byteReader(bytes: Uint8Array) {
  let at = 0;
  const varint = () => {
    let value = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = bytes[at++]!;
      value += (byte & 0x7f) * scale;
      scale *= 0x80;
    } while (byte & 0x80);
    return value;
  };
  return { varint, signed: () => ((n) => (n % 2 ? -(n + 1) / 2 : n / 2))(varint()) };
}

/** Word `w`'s postings from its bytes. */
function readPostings(bytes: Uint8Array, fieldNames: readonly string[]): Posting[] {
  const read = byteReader(bytes);
  const postings: Posting[] = new Array(read.varint());
  let page = 0;
  for (let p = 0; p < postings.length; p++) {
    page += read.signed();
    const locs: number[] = new Array(2 * read.varint());
    let position = 0;
    for (let k = 0; k < locs.length; k += 2) {
      locs[k] = read.varint();
      locs[k + 1] = position += read.signed();
    }
    const fields: string[] = new Array(read.varint());
    for (let k = 0; k < fields.length; k++) fields[k] = fieldNames[read.varint()]!;
    postings[p] = { page, locs, fields };
  }
  return postings;
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
  const made: (Posting[] | undefined)[] = new Array(head.wordStarts.length - 1);
  const { postingStarts, fieldNames } = head;
  return {
    sorted: headWords(head),
    postings: (id) => (made[id] ??= readPostings(postingBytes(postingStarts[id]!, postingStarts[id + 1]!), fieldNames)),
    lengths: head.lengths,
    average: head.average,
  };
}
