/**
 * A digest of the code that renders post-mortem bodies (and of the MDX mode).
 * Astro's content cache keeps rendered bodies across builds and does not notice
 * a change of plugin code; the site's cache folder is named after this digest, so
 * a new sanitizer or image rule never serves a body rendered by the old one.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mdxMode } from '../config.ts';

const HERE = import.meta.dirname;
const CORE = path.resolve(HERE, '../postmortem');
const RENDERING_CORE = ['sanitize-schema.ts', 'link-policy.ts', 'sanitizer-removals.ts', 'mdx-constructs.ts', 'body-tree.ts', 'assets.ts', 'svg-check.ts'];

export function renderVersion(): string {
  const hash = createHash('sha1').update(mdxMode());
  const files = [
    ...readdirSync(HERE).filter((name) => name.endsWith('.ts')).map((name) => path.join(HERE, name)),
    ...RENDERING_CORE.map((name) => path.join(CORE, name)),
    path.resolve(HERE, '../site/rehype-heading-anchors.ts'),
    path.resolve(HERE, '../site/rehype-table-scroll.ts'),
  ];
  for (const file of files.sort()) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 10);
}
