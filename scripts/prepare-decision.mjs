// Whether npm's `prepare` of this package is the one an install from a git URL
// runs in its clone (npm's pacote), the only `prepare` that ships bundles
// (prepack.mjs). pacote names the clone in npm_package_resolved; but `npx
// hindsight` in a checkout links the checkout and runs its `prepare` with
// npm_package_resolved set to "null" too, so a command started inside this
// folder (INIT_CWD) is a checkout preparing itself.
import path from 'node:path';

/** True for a clone prepared for an install; false for a checkout's own `npm ci` or `npx hindsight` in it. */
export function isGitDependencyPrepare(env, root) {
  if (!env.npm_package_resolved) return false;
  if (!env.INIT_CWD) return true;
  const inside = path.relative(root, path.resolve(env.INIT_CWD));
  return inside.startsWith('..') || path.isAbsolute(inside);
}
