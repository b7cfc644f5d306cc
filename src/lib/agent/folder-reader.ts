/**
 * What a long-running process (the MCP server) or a cold command knows of the
 * archive folder without reading it: a stamp of its files, and a value made of
 * the folder again only when that stamp changes. No parser here, so a command
 * answering from the search snapshot loads none.
 */
import { createHash } from 'node:crypto';
import { statSync, watch, type FSWatcher } from 'node:fs';
import { listPostmortemFiles } from '../postmortem/archive/archive-files.ts';

/**
 * The files of `dir` as a search sees them: names, sizes and modification times, hashed. One stat per
 * file: what tells the MCP server to read the archive again, and a cold command's snapshot (search-snapshot.ts) that it is current.
 */
export function archiveStamp(dir: string): string {
  // One string hashed once: an update per file was 8 ms of a cold search at 10,000.
  let text = '';
  for (const file of listPostmortemFiles(dir)) {
    const stats = statSync(file);
    text += `${file}\0${stats.size}\0${stats.mtimeMs}\n`;
  }
  return createHash('sha1').update(text).digest('hex');
}

/**
 * What `load` makes of `dir`, made again only when a file was added, removed or changed (its stamp). The
 * folder is watched, so a call after no change does not even stat the files (10,000 stats cost more than a
 * search); where watching fails, each call compares the stamp. Each call first lets one turn of the event
 * loop pass, so a change the system reported before the call is seen by it.
 */
export function folderReader<T>(dir: string, load: (stamp: string) => T): () => Promise<T> {
  let last: { stamp: string; value: T } | null = null;
  let changed = true;
  let watcher: FSWatcher | null = null;
  const unwatch = () => {
    watcher?.close();
    watcher = null;
  };
  return async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (last && !changed && watcher) return last.value;
    // Cleared before the stamp is taken: a change made while reading marks the next call again.
    changed = false;
    if (!watcher) {
      try {
        watcher = watch(dir, { persistent: false }, () => (changed = true)).on('error', () => {
          changed = true;
          unwatch();
        });
      } catch {
        watcher = null;
      }
    }
    const stamp = archiveStamp(dir);
    if (last?.stamp !== stamp) last = { stamp, value: load(stamp) };
    return last.value;
  };
}
