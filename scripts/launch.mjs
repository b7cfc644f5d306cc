// Starts a Hindsight command (`node scripts/launch.mjs <command> [args…]`)
// from a cached single-file build of it: every command starts this way (the
// table is commands.mjs). tsx compiles every module at each start (about 0.6 s
// for validate); the bundle, packages included, starts in about 0.15 s, which matters when CI runs
// `validate` on every pull request. The bundle is rebuilt whenever the content
// of a source file or the lockfile changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMANDS } from './commands.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !Object.hasOwn(COMMANDS, name)) {
  process.stderr.write(`Usage: node scripts/launch.mjs <command> [args…]; ${name ? `no command \`${name}\`` : 'no command given'}. Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
  process.exit(2);
}
const entry = path.join(root, COMMANDS[name].entry);

/**
 * A hash of the contents of everything the bundle is made of. Contents, not
 * file times: a fresh CI checkout gives every file a new time and must not
 * rebuild every bundle.
 */
function fingerprint() {
  const hash = createHash('sha1');
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) visit(full);
      else if (/\.(ts|mjs|js|json)$/.test(item.name)) hash.update(`${path.relative(root, full)}\n`).update(readFileSync(full)).update('\n');
    }
  };
  visit(path.join(root, 'src', 'lib'));
  visit(path.join(root, 'scripts'));
  hash.update(readFileSync(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Paths written relative to a source file (`import.meta.dirname`,
 * `new URL('./x', import.meta.url)`) keep pointing next to that source file
 * in the bundle. `import.meta.url` alone stays the bundle's: it is the running
 * module (the entry-point check, worker threads that load the bundle again).
 */
const sourceRelativePaths = {
  name: 'hindsight:source-relative-paths',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (loaded) => {
      if (loaded.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(loaded.path, 'utf8');
      if (!text.includes('import.meta')) return undefined;
      const url = JSON.stringify(pathToFileURL(loaded.path).href);
      const contents = text
        .replace(/new URL\(\s*(['"`][^'"`$]*['"`])\s*,\s*import\.meta\.url\s*\)/g, `new URL($1, ${url})`)
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(loaded.path)))
        .replaceAll('import.meta.filename', JSON.stringify(loaded.path));
      return { contents, loader: path.extname(loaded.path).slice(1).replace(/^[cm]/, '') };
    });
  },
};

const cacheDir = path.join(root, 'node_modules', '.cache', 'hindsight');
const bundle = path.join(cacheDir, `${name}-${fingerprint()}.mjs`);
if (!existsSync(bundle)) {
  try {
    const { build } = await import('esbuild');
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${bundle}.${process.pid}.tmp`;
    await build({
      entryPoints: [entry],
      outfile: partial,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Packages are bundled too: resolving and loading hundreds of ESM files from node_modules at each
      // start cost about 0.5 s CPU of validate's 2.3 s on 1,000 files. Left out: native or binary-launching
      // packages and the big tools only maintainers' commands use.
      external: ['esbuild', 'pagefind', 'typescript', '@playwright/test', 'playwright', 'playwright-core', 'fsevents'],
      // CommonJS packages inside an ESM bundle still call require().
      banner: { js: "import { createRequire as __hindsightRequire } from 'node:module'; const require = __hindsightRequire(import.meta.url);" },
      logLevel: 'warning',
      plugins: [sourceRelativePaths],
    });
    renameSync(partial, bundle);
    // Bundles of earlier versions of this command are never run again.
    for (const file of readdirSync(cacheDir)) {
      if (file.startsWith(`${name}-`) && /^[0-9a-f]{16}\.mjs$/.test(file.slice(name.length + 1)) && path.join(cacheDir, file) !== bundle) rmSync(path.join(cacheDir, file), { force: true });
    }
  } catch (error) {
    process.stderr.write(`Hindsight could not prepare \`${name}\` in ${cacheDir}: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}\n`);
    process.exit(2);
  }
}

// The CLI checks that it is the entry point: make the bundle the script being run.
process.argv = [process.argv[0], bundle, ...args];
try {
  await import(pathToFileURL(bundle).href);
} catch (error) {
  // The CLI's own boundary (scripts/lib/cli.ts) handles everything once it runs; this catches what fails while loading it.
  const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  process.stderr.write(`Hindsight could not start \`${name}\`: ${message}${process.env.HINDSIGHT_DEBUG === '1' && error instanceof Error ? `\n${error.stack}` : ''}\n`);
  process.exit(2);
}
