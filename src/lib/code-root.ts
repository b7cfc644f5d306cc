/** Where Hindsight's own files are, whichever way its code was started. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository this code runs from: the nearest folder above this module
 * that holds src/lib/postmortem. Modules run from their own folder under tsx,
 * vitest and Astro, and from the launcher's bundle in node_modules/.cache/hindsight/;
 * either way the repository is above them.
 */
export function codeRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'src', 'lib', 'postmortem'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
