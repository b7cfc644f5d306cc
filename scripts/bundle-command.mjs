// Bundles one Hindsight command (an entry of commands.mjs) into a single ESM
// file. Two callers: the launcher, which keeps a bundle per source version in
// the checkout's node_modules/.cache/hindsight, and `npm pack` (prepack.mjs),
// which ships prebuilt bundles in the package so nothing is compiled, and
// nothing written, inside a user's node_modules/hindsight (often read-only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Paths written relative to a source file (`import.meta.dirname`,
 * `new URL('./x', import.meta.url)`) keep pointing next to that source file
 * in the bundle. `import.meta.url` alone stays the bundle's: it is the running
 * module (the entry-point check, worker threads that load the bundle again).
 * `relocatable`: the bundle lives one folder below the package root and finds
 * the sources from its own place, since the package is installed somewhere else
 * than where it was packed. `entry`: the one module whose `runIfMain(import.meta.url, …)`
 * runs; another CLI module bundled in (the bench uses migrate's) keeps its own
 * source URL there, so it does not take the bundle for its own entry point.
 */
export function sourceRelativePaths(root, relocatable, entry) {
  const at = (file) => (relocatable ? `__hindsightAt(${JSON.stringify(path.relative(root, file).split(path.sep).join('/'))})` : JSON.stringify(file));
  return {
    name: 'hindsight:source-relative-paths',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (loaded) => {
        // Dependencies keep their own paths; Hindsight's sources do, wherever the package itself is.
        if (path.relative(root, loaded.path).split(path.sep).includes('node_modules')) return undefined;
        const text = readFileSync(loaded.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const url = relocatable ? `__hindsightUrl(${JSON.stringify(path.relative(root, loaded.path).split(path.sep).join('/'))})` : JSON.stringify(pathToFileURL(loaded.path).href);
        const contents = (loaded.path === entry ? text : text.replaceAll('runIfMain(import.meta.url', `runIfMain(${url}`))
          .replace(/new URL\(\s*(['"`][^'"`$]*['"`])\s*,\s*import\.meta\.url\s*\)/g, `new URL($1, ${url})`)
          .replaceAll('import.meta.dirname', at(path.dirname(loaded.path)))
          .replaceAll('import.meta.filename', at(loaded.path));
        return { contents, loader: path.extname(loaded.path).slice(1).replace(/^[cm]/, '') };
      });
    },
  };
}

// CommonJS packages inside an ESM bundle still call require().
export const REQUIRE = "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);";
// A relocatable bundle's way back to the package's own files (it lives in <package>/cli-bundles/, a split one a folder deeper).
export const relocate = (up) =>
  `import { fileURLToPath as __hindsightFilePath } from 'node:url'; const __hindsightUrl = (file) => new URL(\`${up}\${file}\`, import.meta.url).href; const __hindsightAt = (file) => __hindsightFilePath(__hindsightUrl(file)).replace(/[\\\\/]$/, '');`;

// A CommonJS bundle (run-bundle.mjs runs it with V8's code cache) has `require` and `__filename` of its own;
// `import.meta.url` is the bundle's, as in an ES module bundle.
const SELF_URL = "var __hindsightSelfUrl = require('node:url').pathToFileURL(__filename).href;";

/**
 * Writes the bundle of the command whose source is `entry` to `outfile`; a `split` command (one that imports its
 * parts when first needed: the MCP server) is written as a folder of chunks, `outfile` being that folder, so that
 * starting it compiles only what starting needs. `commonjs`: one CommonJS file, for run-bundle.mjs.
 */
export async function bundleCommand({ root, entry, outfile, relocatable = false, split = false, commonjs = false }) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    ...(split ? { outdir: outfile, splitting: true, outExtension: { '.js': '.mjs' } } : { outfile }),
    bundle: true,
    platform: 'node',
    format: commonjs ? 'cjs' : 'esm',
    target: 'node20',
    // Packages are bundled too: resolving and loading hundreds of ESM files from node_modules at each
    // start cost about 0.5 s CPU of validate's 2.3 s on 1,000 files. Left out: native or binary-launching
    // packages and the big tools only maintainers' commands use.
    external: ['esbuild', 'pagefind', 'typescript', '@playwright/test', 'playwright', 'playwright-core', 'fsevents'],
    ...(commonjs ? { define: { 'import.meta.url': '__hindsightSelfUrl' } } : {}),
    banner: { js: commonjs ? SELF_URL : relocatable ? `${REQUIRE} ${relocate(split ? '../../' : '../')}` : REQUIRE },
    logLevel: 'warning',
    plugins: [sourceRelativePaths(root, relocatable, path.resolve(root, entry))],
  });
}
