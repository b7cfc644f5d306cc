/**
 * Whether a content load is running, for the data store's saves (src/integrations/data-store-flush.ts).
 * Astro 5.18 saves the whole store (devalue over every rendered body, then a write) whenever 500 ms pass
 * without a change; a loaded machine, a garbage collection or one slow body makes such a pause in the middle
 * of the sync, and each one serialises the store again only for the sync's final save to write it once more
 * (at 1,000 post-mortems a save is about 1.5 s of CPU; at 10,000, 150 MB). Saves asked for during a load
 * wait for its end, so they find the finished store, and the first writes it.
 * On globalThis: the loader (content.config.ts) and the integration are separate module instances.
 */
interface Loads {
  running: number;
  settled: Promise<void>;
  settle?: () => void;
}

const SLOT = Symbol.for('hindsight.contentLoads');

function loads(): Loads {
  return ((globalThis as Record<symbol, unknown>)[SLOT] ??= { running: 0, settled: Promise.resolve() }) as Loads;
}

/** Runs a content load; saves asked for meanwhile wait for it (and any other load running) to end. */
export async function whileLoading<T>(load: () => Promise<T>): Promise<T> {
  const state = loads();
  if (state.running++ === 0) state.settled = new Promise((resolve) => (state.settle = resolve));
  try {
    return await load();
  } finally {
    if (--state.running === 0) state.settle!();
  }
}

/** Resolves when no content load is running. */
export function contentLoadsSettled(): Promise<void> {
  return loads().settled;
}
