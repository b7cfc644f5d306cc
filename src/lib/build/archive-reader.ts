/**
 * How the pages reach the archive reader without bundling it. The build gate (Node) loads
 * `archive/archive.ts` and publishes its `loadArchive` here; the pages (bundled by Vite, run in the same
 * process) call it. Importing archive.ts from a page pulled validation, every rule and their readers into
 * the server bundle (79 of its 424 modules, about 40% of its bundling time; docs/PERFORMANCE.md, "Build,
 * eighth round"), although the pages only ever read the gate's cached reading.
 * `Symbol.for`: the gate's copy of this module and the pages' copy share one slot.
 */
import type { Archive, loadArchive } from '../postmortem/archive/archive.ts';

type ArchiveReader = typeof loadArchive;

const SLOT = Symbol.for('hindsight.archiveReader');

/** Called by the build gate (src/integrations/archive-gate.ts) in `astro:config:setup`. */
export function publishArchiveReader(reader: ArchiveReader): void {
  (globalThis as Record<symbol, unknown>)[SLOT] = reader;
}

/** The archive of `dir`, read by the gate's reader (cached there: the build's own reading). */
export function readArchive(...args: Parameters<ArchiveReader>): Archive {
  const reader = (globalThis as Record<symbol, unknown>)[SLOT] as ArchiveReader | undefined;
  if (!reader) throw new Error('The archive reader was not published: the hindsight:archive-gate integration must run before the pages.');
  return reader(...args);
}
