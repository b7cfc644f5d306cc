/**
 * Makes `astro build` wait for the content layer's data store to be on disk
 * before bundling it. In Astro 5.18 the store is saved 500 ms after the last
 * change (a debounce); a save clears the "dirty" flag before it writes, and the
 * sync's final "save now" returns at once when the store is clean, even while
 * that save is still writing. The build then bundles the file as it was before:
 * at 10,000 post-mortems (215 MB, 40 s to write on a loaded machine) that was the
 * store of the sync's first second, with no post-mortem in it, and every page
 * failed with 'The collection "postmortems" does not exist'. Upstream fixed this
 * later (the save tracks a write in progress; withastro/astro#15454, #15672).
 *
 * Here each save waits for the one before it, so the final save (and the
 * promise the sync awaits) settles only when the store on disk is the last one.
 * `tests/unit/data-store-flush.test.ts` shows the race on Astro's own class and
 * fails when Astro stops calling `writeToDisk` the way this relies on.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import { contentLoadsSettled } from '../lib/build/content-loads.ts';

interface StoreClass {
  prototype: { writeToDisk(): Promise<void> };
}

const FLUSHED = Symbol.for('hindsight.dataStoreSavesInOrder');

/**
 * Astro's own MutableDataStore, the instance its build uses: not among the package's exports, so found beside its
 * package.json, and loaded by Node's `require` (Node >= 20.19 loads ES modules so), not through Vite, which reads
 * astro.config.mjs and would make a second copy of the class.
 */
export function astroDataStoreClass(): StoreClass {
  const require = createRequire(import.meta.url);
  const astroRoot = path.dirname(require.resolve('astro/package.json'));
  return (require(path.join(astroRoot, 'dist/content/mutable-data-store.js')) as { MutableDataStore: StoreClass }).MutableDataStore;
}

/**
 * Saves of one store run one after another; a save asked for during another starts when it ends, and one asked
 * for while the post-mortems load starts when the load ends. Idempotent.
 */
export function saveInOrder(storeClass: StoreClass): void {
  const proto = storeClass.prototype as StoreClass['prototype'] & { [FLUSHED]?: true };
  if (proto[FLUSHED]) return;
  const write = proto.writeToDisk;
  const last = new WeakMap<object, Promise<void>>();
  proto.writeToDisk = function writeAfterPrevious(this: object) {
    // A failed save is reported to its own caller; the next one still runs.
    // And not while the post-mortems are loading: the store is not finished (content-loads.ts).
    const next = (last.get(this) ?? Promise.resolve())
      .catch(() => undefined)
      .then(contentLoadsSettled)
      .then(() => write.call(this));
    last.set(this, next);
    return next;
  };
  proto[FLUSHED] = true;
}

export function dataStoreFlush(): AstroIntegration {
  return {
    name: 'hindsight:data-store-flush',
    hooks: {
      // Before the content sync, which runs after every integration's setup.
      'astro:config:setup': () => saveInOrder(astroDataStoreClass()),
    },
  };
}
