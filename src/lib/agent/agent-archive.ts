/**
 * The archive as the agent commands and the MCP server read it: every file
 * parsed, the post-mortems whose frontmatter is valid, newest first (what the
 * site lists and searches; see loadArchive), and the validator's findings when asked for.
 */
import { displayPath, listPostmortemFiles, newestFirst, readPostmortems } from '../postmortem/archive/archive.ts';
import { folderReader } from './folder-reader.ts';
import { toPostmortem, type Postmortem } from '../postmortem/model/model.ts';
import type { ParsedPostmortem } from '../postmortem/parsing/parse.ts';
import { DEFAULT_CHECK_SETTINGS, type CheckSettings } from '../postmortem/safety/limits.ts';
import { validatePostmortems, type ValidationResult } from '../postmortem/validation/validate.ts';

export interface AgentArchive {
  parsed: ParsedPostmortem[];
  /** Every rule over every file, computed on first use: search and similar never need it. */
  readonly result: ValidationResult;
  postmortems: Postmortem[];
  /** The limits and MDX mode it was read and is judged under (the entry point's). */
  settings: CheckSettings;
}

/** Reads `dir` (absolute) under `settings`; paths are reported relative to `cwd`. Throws when the folder does not exist. */
export function readArchive(dir: string, cwd: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): AgentArchive {
  const files = listPostmortemFiles(dir).map((file) => displayPath(file, cwd));
  const parsed = readPostmortems(files, cwd, settings.limits.fileBytes.value);
  const postmortems = parsed
    .map((pm) => toPostmortem(pm, cwd))
    .filter((pm): pm is Postmortem => pm !== null)
    .sort(newestFirst);
  let result: ValidationResult | undefined;
  return {
    parsed,
    postmortems,
    settings,
    get result() {
      return (result ??= validatePostmortems(parsed, { settings }));
    },
  };
}

/**
 * A reader of `dir` for a long-running process (the MCP server): the archive is read again only when
 * a file was added, removed or changed (name, size or modification time), so later calls, and the
 * search index built over the archive (kept per archive object), are answered from memory.
 */
export function archiveReader(dir: string, cwd: string, settings: CheckSettings = DEFAULT_CHECK_SETTINGS): () => Promise<AgentArchive> {
  return folderReader(dir, () => readArchive(dir, cwd, settings));
}

/** Slugs of the archive closest to `slug` (sharing its words), for "did you mean". */
export function nearSlugs(archive: AgentArchive, slug: string, limit = 3): string[] {
  const words = new Set(slug.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 2));
  return archive.postmortems
    .map((pm) => ({ slug: pm.slug, shared: pm.slug.split('-').filter((word) => words.has(word)).length }))
    .filter((candidate) => candidate.shared > 0)
    .sort((a, b) => b.shared - a.shared || b.slug.localeCompare(a.slug))
    .slice(0, limit)
    .map((candidate) => candidate.slug);
}
