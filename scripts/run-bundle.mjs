// Runs a command's CommonJS bundle with V8's code cache (the launcher's `codeCache` commands, commands.mjs).
// Node 20 has no compile cache for ES modules (`module.enableCompileCache` came in Node 22), and every start
// compiled the 1.9 MB validate bundle again, then each function it ran on first call. A script compiled through
// `vm.Script` takes `cachedData`: the bytecode of every function an earlier run compiled, so a start deserialises
// instead of parsing and compiling (measured in docs/PERFORMANCE.md, "Validate, eighth round").
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/**
 * Runs `bundle` as Node runs a CommonJS module named `entry` (its `__filename`, so `import.meta.url`, and
 * `require`), compiled with the code cache in `cacheFile` when V8 accepts it
 * (V8 rejects data of another V8 version, other flags or another source, and the script is compiled as usual).
 * The cache is written when the process exits, so that the functions this run compiled are in it, not only the
 * top level: when there was none or V8 rejected it, or when this run compiled clearly more than it held (a first
 * run that only printed `--help` must not leave the checking code out of every later start; serialising costs
 * ~8 ms; two runs of the same work differ by a few bytes, which is not worth a write). Returns the bytes of
 * cache V8 accepted (0: none).
 */
export function runBundle(bundle, cacheFile, entry = bundle) {
  const { script, kept } = compileBundle(bundle, cacheFile);
  process.once('exit', () => keepCodeCache(script, cacheFile, kept));
  const module = { exports: {}, filename: entry, id: '.', loaded: false };
  script.runInThisContext().call(module.exports, module.exports, createRequire(entry), module, entry, path.dirname(entry));
  return kept;
}

/**
 * The source of `entry`, a CommonJS file beside `bundle` that runs it through {@link runBundle} as `entry`: the
 * file a bundle's worker threads start from (`new Worker(import.meta.url)`), so that they too compile from the
 * code cache instead of loading the 2 MB bundle through Node's loader. Paths are relative to the entry, which
 * keeps working in a checkout copied with its node_modules.
 */
export function entrySource(entry, bundle, cacheFile) {
  const from = (file) => JSON.stringify(path.relative(path.dirname(entry), file));
  const runner = from(fileURLToPath(import.meta.url));
  return `// Written by scripts/launch.mjs: runs ${path.basename(bundle)} with its code cache (scripts/run-bundle.mjs).
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
import(pathToFileURL(join(__dirname, ${runner})).href).then(({ runBundle }) => runBundle(join(__dirname, ${from(bundle)}), join(__dirname, ${from(cacheFile)}), __filename));
`;
}

/** `bundle` compiled in Node's module wrapper; `kept`: the bytes of code cache V8 accepted for it (0: none). */
export function compileBundle(bundle, cacheFile) {
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: this run writes it.
  }
  // Node's own module wrapper, on the first line so that line numbers in stack traces are the bundle's.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(bundle, 'utf8')}\n})`;
  // A dynamic import() of a package left out of the bundle resolves as it would in a module Node loaded itself.
  const script = new vm.Script(source, { filename: bundle, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  return { script, kept: cachedData !== undefined && !script.cachedDataRejected ? cachedData.length : 0 };
}

/**
 * Writes the code cache if it is over 5% larger than the `kept` bytes the run started from, whole or not at all
 * (another start may be reading it). Only an optimisation: never fails the command.
 */
export function keepCodeCache(script, cacheFile, kept) {
  const partial = `${cacheFile}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    if (data.length <= kept * 1.05) return;
    writeFileSync(partial, data);
    renameSync(partial, cacheFile);
  } catch {
    rmSync(partial, { force: true });
  }
}
