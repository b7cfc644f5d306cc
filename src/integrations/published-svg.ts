/**
 * Publishes every SVG as svg-check.ts wrote it out, never as its author did.
 * Astro copies an SVG image byte for byte into `/_astro/` (its image service
 * passes SVG through untouched), so after the build each published `.svg` is
 * replaced by the copy checkSvg writes from the parsed file: ASCII-only UTF-8
 * with the allowlist of a plain picture. An SVG the check refuses never gets
 * here (the Markdown pipeline leaves refused images out); if one does, the
 * build fails naming it rather than publish it.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkSvg } from '../lib/postmortem/safety/svg-check.ts';

/** Rewrites every `.svg` under `folder` in place; returns how many were written. Throws on one the check refuses. */
export function rewritePublishedSvgs(folder: string): number {
  let count = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.toLowerCase().endsWith('.svg')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const { problem, svg } = checkSvg(readFileSync(file));
    if (problem) throw new Error(`The build published \`${path.relative(folder, file)}\`, an SVG the image check refuses: ${problem}. Report this as a bug in Hindsight; do not publish this build.`);
    // Written beside it and renamed over it: a reader never sees half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, svg!);
    renameSync(temporary, file);
    count += 1;
  }
  return count;
}

export function publishedSvg(): AstroIntegration {
  return {
    name: 'hindsight:published-svg',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const count = rewritePublishedSvgs(fileURLToPath(dir));
        if (count) logger.info(`${count} SVG file${count === 1 ? '' : 's'} published as checked`);
      },
    },
  };
}
