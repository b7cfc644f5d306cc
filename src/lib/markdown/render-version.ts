/**
 * A digest of the code that renders post-mortem bodies (and of the MDX mode).
 * Astro's content cache keeps rendered bodies across builds and does not notice
 * a change of plugin code; the site's cache folder is named after this digest, so
 * a new sanitizer or image rule never serves a body rendered by the old one.
 * The digest covers the Markdown plugins and every module they import, found by
 * following relative imports, so a renamed or new module is never left out.
 * It depends on code only, never on the archive: adding a post-mortem keeps the cache.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MdxMode } from '../postmortem/safety/limits.ts';

const HERE = import.meta.dirname;
const ENTRIES = [
  ...readdirSync(HERE).filter((name) => name.endsWith('.ts')).map((name) => path.join(HERE, name)),
  path.resolve(HERE, '../site/rehype-heading-anchors.ts'),
  path.resolve(HERE, '../site/rehype-table-scroll.ts'),
];
const RELATIVE_IMPORT = /\b(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+\.ts)['"]/g;

/** The digest for the rendering code under MDX mode `mdx` (a setting: it changes what a body renders to). */
export function renderVersion(mdx: MdxMode): string {
  const hash = createHash('sha1').update(mdx);
  for (const file of [...renderingModules(ENTRIES)].sort()) hash.update(path.relative(HERE, file)).update(readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}

/** `entries` and every .ts module they import through relative paths, transitively. */
export function renderingModules(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) pending.push(path.resolve(path.dirname(file), match[1]!));
  }
  return seen;
}
