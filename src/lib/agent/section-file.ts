/**
 * A file of named byte ranges behind a small JSON header, read range by range
 * (`fs.readSync` at an offset), so a reader pays for what it asks, not for the
 * file: the search snapshot (search-snapshot.ts) reads a cold search's words
 * and the postings of the query's words out of tens of megabytes.
 * Layout: a mark (4 bytes), the header's length (4 bytes, little-endian),
 * the header (JSON: the caller's fields and each section's offset and
 * length), the sections.
 */
import { closeSync, openSync, readSync, renameSync, writeSync } from 'node:fs';

type Sections = Record<string, Uint8Array>;

/** What starts every section file: another file (an older snapshot, a half-written one) is not one. */
const MARK = 'HSF1';
/** A header is a few hundred bytes; a larger length is not one of ours (and is not allocated). */
const MAX_HEADER = 1 << 20;

/** Writes aside, then renames: two commands at once, or one stopped half-way, never leave half a file. */
export function writeSectionFile(file: string, header: object, sections: Sections): void {
  let offset = 0;
  const places: Record<string, [number, number]> = {};
  for (const [name, bytes] of Object.entries(sections)) {
    places[name] = [offset, bytes.length];
    offset += bytes.length;
  }
  const head = Buffer.from(JSON.stringify({ ...header, sections: places }));
  const size = Buffer.alloc(8);
  size.write(MARK, 0, 'latin1');
  size.writeUInt32LE(head.length, 4);
  const partial = `${file}.${process.pid}.tmp`;
  const fd = openSync(partial, 'w');
  try {
    for (const bytes of [size, head, ...Object.values(sections)]) {
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(partial, file);
}

/** A section file open for reading; the open descriptor keeps reading the file it opened, even once another run replaces it. */
export interface SectionFile<H> {
  header: H;
  /** Bytes `from` … `to - 1` of a section (all of it by default), in a buffer of their own (aligned for a typed array). */
  read(name: string, from?: number, to?: number): Buffer;
  close(): void;
}

function readExactly(fd: number, length: number, position: number): Buffer {
  // Not from the shared pool: a typed array over it needs an aligned offset of its own.
  const buffer = Buffer.allocUnsafeSlow(length);
  for (let done = 0; done < length; ) {
    const got = readSync(fd, buffer, done, length - done, position + done);
    if (!got) throw new Error('The search snapshot ends early.');
    done += got;
  }
  return buffer;
}

/** Opens `file`; null when it cannot be read or has no header. */
export function openSectionFile<H>(file: string): SectionFile<H> | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const first = readExactly(fd, 8, 0);
    const length = first.readUInt32LE(4);
    if (first.toString('latin1', 0, 4) !== MARK || length > MAX_HEADER) throw new Error('not a section file');
    const { sections, ...header } = JSON.parse(readExactly(fd, length, 8).toString('utf8')) as { sections: Record<string, [number, number]> };
    const start = 8 + length;
    return {
      header: header as H,
      read(name, from = 0, to) {
        const [offset, size] = sections[name]!;
        const end = Math.min(to ?? size, size);
        return readExactly(fd, Math.max(0, end - from), start + offset + from);
      },
      close: () => closeSync(fd),
    };
  } catch {
    closeSync(fd);
    return null;
  }
}
