/**
 * The services, tags and owners the archive already writes, with how many
 * files use each spelling: what `new-postmortem` and `migrate` follow so a new
 * file spells a service as the archive does. Only what validate would read is
 * read (no links, no oversized or non-UTF-8 files).
 */
import { existsSync } from 'node:fs';
import { listPostmortemFiles } from '../archive/archive.ts';
import { readSource } from '../parsing/source.ts';
import { spellingsInText, type SpellingKind } from './spellings-used.ts';

export type ArchiveSpellings = Record<SpellingKind, Map<string, number>>;

/** Spellings in the archive folder (when it exists) and in `files`, each file counted once; a file over `maxBytes` is not read. */
export function spellingsInArchive(maxBytes: number, archiveDir: string | null, files: readonly string[] = []): ArchiveSpellings {
  const found: ArchiveSpellings = { service: new Map(), tag: new Map(), owner: new Map() };
  const archive = archiveDir && existsSync(archiveDir) ? listPostmortemFiles(archiveDir) : [];
  for (const file of new Set([...archive, ...files])) {
    let text: string;
    try {
      const source = readSource(file, maxBytes);
      if (source.problem) continue;
      text = source.text;
    } catch {
      continue;
    }
    const seen = new Set<string>();
    for (const use of spellingsInText(text)) {
      if (seen.has(`${use.kind}\0${use.value}`)) continue;
      seen.add(`${use.kind}\0${use.value}`);
      found[use.kind].set(use.value, (found[use.kind].get(use.value) ?? 0) + 1);
    }
  }
  return found;
}
