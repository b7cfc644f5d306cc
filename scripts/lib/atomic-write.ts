/**
 * Writes files so that a crash or a concurrent writer never leaves half a
 * post-mortem: the text goes to a temporary file in the same folder (same
 * file system), which is then linked or renamed into place. A replacement
 * keeps the file's mode and owner, and is refused (with the reason, nothing
 * written) where a rename would silently change what the user has: a
 * read-only file, a symbolic link, a file with other hard links.
 */
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, openSync, readlinkSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';

/** Thrown when a file is left untouched on purpose; the message is the reason, for the user. */
export class WriteRefused extends Error {
  readonly code = 'EREFUSED';
}

function writeTemporary(target: string, text: string, like?: Stats): string {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temporary, 'wx', like ? like.mode & 0o7777 : 0o666);
  try {
    if (like) {
      // The new inode takes the old one's place: give it the same permissions and owner (umask would narrow the mode).
      fchmodSync(fd, like.mode & 0o7777);
      if (like.uid !== process.getuid?.() || like.gid !== process.getgid?.()) fchownSync(fd, like.uid, like.gid);
    }
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temporary);
    if ((error as NodeJS.ErrnoException).code === 'EPERM' && like) {
      throw new WriteRefused(`it belongs to another user (uid ${like.uid}, gid ${like.gid}) and a rewrite could not keep that owner; run as its owner`);
    }
    throw error;
  }
  closeSync(fd);
  return temporary;
}

/**
 * Creates `target` with `text`, never replacing an existing file.
 * Throws an error with code `EEXIST` when `target` exists (and leaves it untouched).
 */
export function createFileAtomically(target: string, text: string, like?: Stats): void {
  const temporary = writeTemporary(target, text, like);
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

/**
 * Replaces `target` (which may exist) with `text` in one rename, keeping its mode and owner.
 * Throws {@link WriteRefused} (nothing written) for a read-only file, a symbolic link or a hard-linked file.
 */
export function replaceFileAtomically(target: string, text: string): void {
  const existing = currentFile(target);
  if (existing) refuseUnsafeReplacement(target, existing);
  const temporary = writeTemporary(target, text, existing ?? undefined);
  try {
    renameSync(temporary, target);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
}

/**
 * Writes `text` to the new name `target` and removes `source`, keeping the mode and owner; `target`
 * must not exist (`EEXIST`). Refused like {@link replaceFileAtomically} when `source` is a link,
 * read-only or hard-linked: moving it would silently change what the user has.
 */
export function moveFileAtomically(source: string, target: string, text: string): void {
  const existing = lstatSync(source);
  refuseUnsafeReplacement(source, existing);
  createFileAtomically(target, text, existing);
  unlinkSync(source);
}

function currentFile(target: string): Stats | null {
  try {
    return lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function refuseUnsafeReplacement(target: string, stats: Stats): void {
  if (stats.isSymbolicLink()) {
    throw new WriteRefused(`it is a symbolic link (to \`${readlinkSync(target)}\`), which a rewrite would replace with a copy; run on the file it points to`);
  }
  if (!stats.isFile()) throw new WriteRefused('it is not a regular file');
  if ((stats.mode & 0o222) === 0) {
    throw new WriteRefused(`it is read-only (mode ${(stats.mode & 0o777).toString(8).padStart(4, '0')}); make it writable (\`chmod u+w\`) if it should change`);
  }
  try {
    // A rename needs only the folder to be writable: ask about the file itself, as an in-place write would.
    accessSync(target, constants.W_OK);
  } catch {
    throw new WriteRefused('you do not have permission to write to it');
  }
  if (stats.nlink > 1) {
    throw new WriteRefused(`it has ${stats.nlink - 1} other hard link(s), which a rewrite would leave holding the old text`);
  }
}
