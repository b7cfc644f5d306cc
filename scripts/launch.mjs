// Starts a Hindsight CLI from a cached single-file build of it. tsx compiles
// every module at each start (about 0.6 s for validate); the bundle starts in
// about 0.15 s, which matters when CI runs `validate` on every pull request.
// The bundle is rebuilt whenever the content of a source file or the lockfile changes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
const entry = path.join(root, 'scripts', `${name ?? ''}.ts`);
if (!name || !existsSync(entry)) {
  process.stderr.write(`Usage: node scripts/launch.mjs <command> [args…]; no command \`${name ?? ''}\` in scripts/.\n`);
  process.exit(2);
}

/**
 * A hash of the contents of everything the bundle is made of. Contents, not
 * file times: a fresh CI checkout gives every file a new time, and validate's
 * result cache is keyed by this version, so it must survive a checkout.
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

const cacheDir = path.join(root, 'node_modules', '.cache', 'hindsight');
const version = fingerprint();
const bundle = path.join(cacheDir, `${name}-${version}.mjs`);
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
      packages: 'external',
      logLevel: 'warning',
    });
    renameSync(partial, bundle);
    // Bundles of earlier versions of this command are never run again.
    for (const file of readdirSync(cacheDir)) {
      if (file.startsWith(`${name}-`) && file.endsWith('.mjs') && path.join(cacheDir, file) !== bundle) rmSync(path.join(cacheDir, file), { force: true });
    }
  } catch (error) {
    process.stderr.write(`Hindsight could not prepare \`${name}\` in ${cacheDir}: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}\n`);
    process.exit(2);
  }
}

// Which build of the code runs, so caches of its results (validate's) are never read by another build.
process.env.HINDSIGHT_CODE_VERSION = version;
process.env.HINDSIGHT_CACHE_DIR = cacheDir;
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
