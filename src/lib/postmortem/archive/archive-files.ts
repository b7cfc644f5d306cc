/** Which files of a folder are post-mortems: no parser, so a command that only lists or stamps them stays light. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isPostmortemFile } from '../model/file-naming.ts';

/**
 * The post-mortem entries directly inside `dir`, sorted by name. Throws when the folder does not exist.
 * Symbolic links (and anything else that is not a folder) are listed so validation reports them; they are never read.
 */
export function listPostmortemFiles(dir: string): string[] {
  // path.join(dir, name) for every name, with the folder normalised once: a name read from the folder holds no
  // separator and is never `.` or `..`, so the two agree, and 10,000 joins cost a cold search 30 ms.
  const folder = path.join(dir, '_').slice(0, -1);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && isPostmortemFile(entry.name))
    .map((entry) => folder + entry.name)
    .sort();
}
