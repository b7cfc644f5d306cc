/** Which files of a folder are post-mortems: no parser, so a command that only lists or stamps them stays light. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isPostmortemFile } from '../model/file-naming.ts';

/**
 * The post-mortem entries directly inside `dir`, sorted by name. Throws when the folder does not exist.
 * Symbolic links (and anything else that is not a folder) are listed so validation reports them; they are never read.
 */
export function listPostmortemFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && isPostmortemFile(entry.name))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}
