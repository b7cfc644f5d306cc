/**
 * Writes files so that a crash or a concurrent writer never leaves half a
 * post-mortem: the text goes to a temporary file in the same folder (same
 * file system), which is then linked or renamed into place.
 */
import { closeSync, linkSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

function writeTemporary(target: string, text: string): string {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return temporary;
}

/**
 * Creates `target` with `text`, never replacing an existing file.
 * Throws an error with code `EEXIST` when `target` exists (and leaves it untouched).
 */
export function createFileAtomically(target: string, text: string): void {
  const temporary = writeTemporary(target, text);
  try {
    // link() fails with EEXIST instead of clobbering, which rename() would do.
    linkSync(temporary, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    // Some file systems cannot hard-link: fall back to an exclusive create.
    const fd = openSync(target, 'wx');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  } finally {
    unlinkSync(temporary);
  }
}

/** Replaces `target` (which may exist) with `text` in one rename. */
export function replaceFileAtomically(target: string, text: string): void {
  const temporary = writeTemporary(target, text);
  try {
    renameSync(temporary, target);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}
