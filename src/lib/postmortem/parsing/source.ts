/**
 * Reads one post-mortem file from disk, refusing what is not plainly a file
 * of the folder: a symbolic link is never followed (the file is opened with
 * O_NOFOLLOW, so a link swapped in after listing is refused too), a FIFO or
 * device is not read, a file over the size limit is not read, and bytes that
 * are not UTF-8 are reported with their line instead of turning into U+FFFD.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, readlinkSync } from 'node:fs';

export type SourceProblem =
  | { kind: 'symlink'; target: string }
  | { kind: 'not-a-file' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'not-utf8'; line: number; column: number; byte: string };

export interface Source {
  /** The text (empty when the file was not read; undecodable bytes as U+FFFD). */
  text: string;
  /** Size in bytes. */
  bytes: number;
  /** Why the file was not read, or not read cleanly. */
  problem: SourceProblem | null;
}

// O_NONBLOCK: opening a FIFO must not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads `file` (an absolute or cwd-relative path) unless it is over `maxBytes` (the `fileBytes` limit of the settings).
 * Throws only when the file cannot be opened (missing, unreadable).
 */
export function readSource(file: string, maxBytes: number): Source {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { text: '', bytes: 0, problem: { kind: 'symlink', target: linkTarget(file) } };
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { text: '', bytes: 0, problem: { kind: 'not-a-file' } };
    if (stats.size > maxBytes) return { text: '', bytes: stats.size, problem: { kind: 'too-large', bytes: stats.size } };
    return decode(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** Decodes UTF-8; the first undecodable byte is reported with its line and column. */
export function decode(buffer: Buffer): Source {
  const text = buffer.toString('utf8');
  if (isUtf8(buffer)) return { text, bytes: buffer.length, problem: null };
  return { text, bytes: buffer.length, problem: { kind: 'not-utf8', ...firstBadByte(buffer) } };
}

function firstBadByte(buffer: Buffer): { line: number; column: number; byte: string } {
  // A newline byte is never part of a multi-byte sequence, so each line can be checked on its own.
  let start = 0;
  for (let line = 1; ; line += 1) {
    const end = buffer.indexOf(0x0a, start);
    const bytes = buffer.subarray(start, end === -1 ? buffer.length : end);
    if (!isUtf8(bytes)) {
      const { offset, column } = firstBadSequence(bytes);
      return { line, column, byte: `\\x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')}` };
    }
    if (end === -1) return { line, column: 1, byte: '?' };
    start = end + 1;
  }
}

/** Where the first undecodable sequence of a line starts: fed byte by byte, a fatal decoder throws at it. */
function firstBadSequence(bytes: Uint8Array): { offset: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let decoded = 0;
  let sequenceStart = 0;
  try {
    for (let index = 0; index < bytes.length; index += 1) {
      const out = decoder.decode(bytes.subarray(index, index + 1), { stream: true });
      if (out) {
        decoded += out.length;
        sequenceStart = index + 1;
      }
    }
    decoder.decode();
  } catch {
    // sequenceStart is the first byte not yet decoded: the bad sequence.
  }
  return { offset: Math.min(sequenceStart, bytes.length - 1), column: decoded + 1 };
}

function linkTarget(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '?';
  }
}
