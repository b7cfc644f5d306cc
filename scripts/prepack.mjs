// `npm pack` ships every listed command prebuilt in cli-bundles/: a user's
// install compiles nothing and the launcher writes nothing inside
// node_modules/hindsight. postpack removes the folder again, so a checkout
// always runs its current sources. Installing from a git URL packs the clone
// running only its `prepare` script (npm's pacote), which calls this with
// --if-git-dependency: it builds only there (pacote names the clone in
// npm_package_resolved), never at a checkout's own `npm ci`.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCommand } from './bundle-command.mjs';
import { COMMANDS, shippedBundle } from './commands.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv[2] === '--if-git-dependency' && !process.env.npm_package_resolved) {
  // A checkout's own install: nothing to ship.
} else if (process.argv[2] === '--clean') {
  rmSync(path.join(root, 'cli-bundles'), { recursive: true, force: true });
} else {
  const entries = new Map(Object.values(COMMANDS).filter((command) => command.listed !== false).map((command) => [command.entry, command.split === true]));
  for (const [entry, split] of entries) {
    const shipped = path.join(root, shippedBundle(entry, split));
    await bundleCommand({ root, entry: path.join(root, entry), outfile: split ? path.dirname(shipped) : shipped, relocatable: true, split });
  }
}
