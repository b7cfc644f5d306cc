/**
 * Builds for an output folder outside the checkout (`HINDSIGHT_OUT_DIR=/srv/site`)
 * through a staging folder inside it. Astro builds its server code for such a
 * folder in `<checkout>/.astro/`, then copies whatever is there into the
 * published folder: the content layer's `.mjs` modules, and the server chunks
 * of any earlier build that died before cleaning up. Staged inside the
 * checkout, the server build is cleaned where it was made, and only the site
 * is moved out (renamed: copying 1,000 pages and deleting the copies took 20 s of a
 * 1,000-post-mortem build; across file systems it falls back to a copy). Must be the last integration: the others finish the pages first.
 */
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

export function publishOutsideCheckout(outDir: string, stagingDir: string): AstroIntegration {
  let staged = false;
  return {
    name: 'hindsight:publish-outside-checkout',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        // Astro's own test: an output folder under the working directory is built in place.
        if (command !== 'build' || path.resolve(outDir).startsWith(process.cwd())) return;
        staged = true;
        rmSync(stagingDir, { recursive: true, force: true });
        updateConfig({ outDir: pathToFileURL(`${stagingDir}${path.sep}`) });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!staged) return;
        const built = fileURLToPath(dir);
        mkdirSync(outDir, { recursive: true });
        // As Astro empties its output folder before a build (keeping .git), so is this one.
        for (const entry of readdirSync(outDir)) if (entry !== '.git') rmSync(path.join(outDir, entry), { recursive: true, force: true });
        moveEntries(built, outDir);
        logger.info(`Site published to ${outDir}`);
      },
    },
  };
}

/** Moves every entry of `from` into `to` (both existing folders), then removes `from`. */
function moveEntries(from: string, to: string): void {
  for (const entry of readdirSync(from)) {
    const [source, target] = [path.join(from, entry), path.join(to, entry)];
    try {
      renameSync(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      cpSync(source, target, { recursive: true });
    }
  }
  rmSync(from, { recursive: true, force: true });
}
