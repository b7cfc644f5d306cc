/**
 * What the agents' tools (MCP and CLI) accept as input: a file only when it
 * is a regular file inside one of the allowed folders (the repository, the
 * archive; symbolic links resolved first, so `..` or a link cannot lead out),
 * never a device, FIFO or folder, and never more than validate's file-size
 * limit; a text only up to that same limit. Each refusal is a message that
 * quotes the value and a hint, thrown at the first problem, before anything
 * large is read.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { HindsightError } from '../errors.ts';
import type { SizeLimit } from '../postmortem/safety/limits.ts';
import { readSource } from '../postmortem/parsing/source.ts';

/**
 * An input the tool refuses (a usage problem): `message` quotes it, `hint` says what to give instead.
 * Its text carries both, as the tools show it whole.
 */
export class InputRefused extends HindsightError {
  constructor(message: string, hint: string) {
    super(`${message}\n${hint}`, hint, 'usage');
  }
}

/**
 * Throws when `text` is over `fileLimit` (validate's file-size limit, from the settings);
 * cheap for any length (a string's bytes are at least its length).
 */
export function checkTextSize(text: string, fileLimit: SizeLimit, what = 'the text'): void {
  const limit = fileLimit.value;
  if (text.length <= limit / 3) return;
  const bytes = text.length > limit ? text.length : Buffer.byteLength(text);
  if (bytes > limit) throw new InputRefused(`${what} is ${kib(bytes)}, over the ${kib(limit)} limit of one post-mortem`, `Shorten it, or raise the limit with ${fileLimit.env} (KiB) as for validate.`);
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function realOrNull(file: string): string | null {
  try {
    return realpathSync(file);
  } catch {
    return null;
  }
}

/**
 * The text of `file` (relative to `cwd`) when it is a regular file of at most the size limit inside one of
 * `folders`, after resolving links, and at most `fileLimit` (validate's). Throws InputRefused otherwise, naming the file as given.
 */
export function readBoundedFile(file: string, cwd: string, folders: readonly string[], fileLimit: SizeLimit): string {
  const shown = `\`${file.length > 200 ? `${file.slice(0, 199)}…` : file}\``;
  const real = realOrNull(path.resolve(cwd, file));
  if (!real) throw new InputRefused(`Cannot read ${shown} (relative to ${cwd}): no such file.`, 'Give the path of a post-mortem file, or its text.');
  const allowed = folders.map((folder) => realOrNull(folder) ?? path.resolve(folder));
  if (!allowed.some((folder) => isInside(real, folder))) {
    throw new InputRefused(`${shown} is outside the repository and the archive (${allowed.join(', ')}).`, 'Give a file inside them, or pass its text instead.');
  }
  const source = readSource(real, fileLimit.value);
  if (source.problem?.kind === 'not-a-file' || source.problem?.kind === 'symlink') throw new InputRefused(`${shown} is not a regular file (a folder, device or FIFO).`, 'Give the path of a post-mortem file.');
  if (source.problem?.kind === 'too-large') {
    throw new InputRefused(`${shown} is ${kib(source.problem.bytes)}, over the ${kib(fileLimit.value)} limit of one post-mortem.`, `Give a smaller file, or raise the limit with ${fileLimit.env} (KiB) as for validate.`);
  }
  return source.text;
}

function kib(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KiB`;
}
