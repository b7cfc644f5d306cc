// Starts a Hindsight command (`node scripts/launch.mjs <command> [args…]`)
// from a cached build of it (one file; chunks for a `split` command): every command starts this way (the
// table is commands.mjs). tsx compiles every module at each start (about 0.6 s
// for validate); the bundle, packages included, starts in about 0.15 s, which matters when CI runs
// `validate` on every pull request. The bundle is rebuilt whenever the content
// of a source file or the lockfile changes. An installed package runs the
// bundles `npm pack` shipped in cli-bundles/ instead (prepack.mjs), and writes nothing. A `codeCache` command
// (validate) is bundled as CommonJS and run with V8's code cache beside the bundle (run-bundle.mjs).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COMMANDS, shippedBundle } from './commands.mjs';
import { entrySource, runBundle } from './run-bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !Object.hasOwn(COMMANDS, name)) {
  process.stderr.write(`Usage: node scripts/launch.mjs <command> [args…]; ${name ? `no command \`${name}\`` : 'no command given'}. Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
  process.exit(2);
}
const entry = path.join(root, COMMANDS[name].entry);
const cacheDir = path.join(root, 'node_modules', '.cache', 'hindsight');

/** Writes `file` whole or not at all: another start may be reading it. */
function writeWhole(file, text) {
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, text);
  renameSync(partial, file);
}

/** Everything the bundle is made of, in a fixed order: the sources under src/lib and scripts, and the lockfile. */
function sourceFiles() {
  const files = [];
  const visit = (dir) => {
    // By code units, not localeCompare: any fixed order will do, and loading the collator cost ~10 ms a start.
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, item.name);
      if (item.isDirectory()) visit(full);
      else if (/\.(ts|mjs|js|json)$/.test(item.name)) files.push(full);
    }
  };
  visit(path.join(root, 'src', 'lib'));
  visit(path.join(root, 'scripts'));
  files.push(path.join(root, 'package-lock.json'));
  return files;
}

/**
 * A hash of the contents of everything the bundle is made of. Contents, not
 * file times: a fresh CI checkout gives every file a new time and must not
 * rebuild every bundle. Reading and hashing some 200 files costs about 40 ms
 * at every start, so the hash is kept beside the files' sizes and times
 * (`source-key.json`): while none of them changed, the kept hash is used.
 */
function fingerprint() {
  const files = sourceFiles();
  const stamp = createHash('sha1');
  for (const file of files) {
    const stats = statSync(file);
    stamp.update(`${file}\0${stats.size}\0${stats.mtimeMs}\0${stats.ctimeMs}\0${stats.ino}\n`);
  }
  const stamped = stamp.digest('hex');
  const keyFile = path.join(cacheDir, 'source-key.json');
  try {
    const kept = JSON.parse(readFileSync(keyFile, 'utf8'));
    if (kept.stamp === stamped && /^[0-9a-f]{16}$/.test(kept.key)) return kept.key;
  } catch {
    // No key kept yet, or an unreadable one: hash the contents.
  }
  const hash = createHash('sha1');
  for (const file of files.slice(0, -1)) hash.update(`${path.relative(root, file)}\n`).update(readFileSync(file)).update('\n');
  hash.update(readFileSync(files.at(-1)));
  const key = hash.digest('hex').slice(0, 16);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeWhole(keyFile, JSON.stringify({ stamp: stamped, key }));
  } catch {
    // Only an optimisation: the next start hashes the contents again.
  }
  return key;
}

// An installed package ships its bundles (built by `npm pack`, see prepack.mjs): nothing to compile or write.
// A command that imports its parts when first needed (`split` in commands.mjs: the MCP server) is built as a
// folder of chunks, so that starting it compiles only what starting needs; the others are one file.
const split = COMMANDS[name].split === true;
const shipped = path.join(root, shippedBundle(COMMANDS[name].entry, split));
// Only an installed package runs shipped bundles: a checkout always runs its current sources, even while
// `npm pack` (or an interrupted one) has left cli-bundles/ beside them.
const installed = root.split(path.sep).includes('node_modules');
if (!existsSync(shipped) && installed) {
  // An installed package without its bundles: npm skipped the `prepare` script of a git dependency (npm 11 asks first).
  process.stderr.write(`Hindsight was installed without its prebuilt commands (${path.dirname(shipped)} is missing). From a git URL, npm runs Hindsight's prepare script only once approved: \`npm install-scripts approve hindsight\`, then install it again; or install a tarball made with \`npm pack\`.\n`);
  process.exit(2);
}
// A `codeCache` command is built as CommonJS and run with V8's code cache kept beside it (run-bundle.mjs); the
// cache is written, so only in a checkout: an installed package runs its shipped ES module bundle as it is.
const codeCache = COMMANDS[name].codeCache === true && !installed;
// What the checkout builds (never computed in an installed package, which has no lockfile and must not be written to).
const built = installed ? shipped : path.join(cacheDir, `${name}-${fingerprint()}${split ? '' : codeCache ? '.cjs' : '.mjs'}`);
const bundle = installed ? shipped : split ? path.join(built, `${path.basename(entry, path.extname(entry))}.mjs`) : built;
// A `codeCache` command runs as if from `startFile`, a small CommonJS file that its worker threads start from.
const startFile = built.replace(/\.cjs$/, '.start.cjs');
const cacheFile = `${built}.code-cache`;
if (!existsSync(bundle)) {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${built}.${process.pid}.tmp`;
    // esbuild and the bundler are loaded only to build: most starts find their bundle.
    const { bundleCommand } = await import('./bundle-command.mjs');
    await bundleCommand({ root, entry, outfile: partial, split, commonjs: codeCache });
    // The file the command's worker threads start from, in place before the bundle so that one implies the other.
    if (codeCache) writeWhole(startFile, entrySource(startFile, built, cacheFile));
    try {
      renameSync(partial, built);
    } catch (error) {
      // Another start built the same folder meanwhile: use that one.
      if (!split || !existsSync(bundle)) throw error;
      rmSync(partial, { recursive: true, force: true });
    }
    // Bundles of earlier versions of this command are never run again.
    for (const file of readdirSync(cacheDir)) {
      if (file.startsWith(`${name}-`) && /^[0-9a-f]{16}(\.mjs|\.cjs|\.cjs\.code-cache|\.start\.cjs)?$/.test(file.slice(name.length + 1)) && !file.startsWith(path.basename(built).replace(/\..*$/, '.'))) {
        rmSync(path.join(cacheDir, file), { recursive: true, force: true });
      }
    }
  } catch (error) {
    process.stderr.write(`Hindsight could not prepare \`${name}\` in ${cacheDir}: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}\n`);
    process.exit(2);
  }
}

// The CLI checks that it is the entry point: make the bundle the script being run.
process.argv = [process.argv[0], codeCache ? startFile : bundle, ...(COMMANDS[name].args ?? []), ...args];
try {
  if (codeCache) runBundle(bundle, cacheFile, startFile);
  else await import(pathToFileURL(bundle).href);
} catch (error) {
  // The CLI's own boundary (scripts/lib/cli.ts) handles everything once it runs; this catches what fails while loading it.
  const message = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
  process.stderr.write(`Hindsight could not start \`${name}\`: ${message}${process.env.HINDSIGHT_DEBUG === '1' && error instanceof Error ? `\n${error.stack}` : ''}\n`);
  process.exit(2);
}
