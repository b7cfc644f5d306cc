// `npm pack` ships every listed command prebuilt in cli-bundles/: a user's
// install compiles nothing and the launcher writes nothing inside
// node_modules/hindsight. postpack removes the folder again, so a checkout
// always runs its current sources. Installing from a git URL packs the clone
// running only its `prepare` script (npm's pacote), which calls this with
// --if-git-dependency: it builds only there (prepare-decision.mjs), never at a
// checkout's own `npm ci` or `npx hindsight`.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS, shippedBundle } from './commands.mjs';
import { isGitDependencyPrepare } from './prepare-decision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[2] === '--if-git-dependency' && !isGitDependencyPrepare(process.env, root)) {
  // A checkout's own install, or `npx hindsight` run in it: nothing to ship (the launcher runs the sources).
} else if (process.argv[2] === '--clean') {
  rmSync(path.join(root, 'cli-bundles'), { recursive: true, force: true });
} else {
  // The bundler (esbuild) is loaded only when there is something to build.
  const { bundleCommand } = await import('./bundle-command.mjs');
  const entries = new Map(Object.values(COMMANDS).filter((command) => command.listed !== false).map((command) => [command.entry, command.split === true]));
  for (const [entry, split] of entries) {
    const shipped = path.join(root, shippedBundle(entry, split));
    await bundleCommand({ root, entry: path.join(root, entry), outfile: split ? path.dirname(shipped) : shipped, relocatable: true, split });
  }
}
