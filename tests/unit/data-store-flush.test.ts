/**
 * Astro 5.18's data store can report a save complete while an earlier save is
 * still writing (src/integrations/data-store-flush.ts): a build then bundles the
 * store as it was before. Shown on Astro's own class, then fixed by saveInOrder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { astroDataStoreClass, saveInOrder } from '../../src/integrations/data-store-flush.ts';
import { whileLoading } from '../../src/lib/build/content-loads.ts';

interface Store {
  set(collection: string, key: string, value: unknown): void;
  toString(): string;
  writeToDisk(): Promise<void>;
  waitUntilSaveComplete(): Promise<void>;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'hindsight-store-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/**
 * What is on disk when the sync's final save says it is done, in the case that lost the store: the debounced save
 * of the last entry has started writing (and marked the store clean) when the final save is asked for.
 */
async function storeOnDiskAfterFinalSave(name: string): Promise<string> {
  const StoreClass = astroDataStoreClass() as unknown as { fromFile(file: URL): Promise<Store> };
  const file = path.join(temp, name, 'data-store.json');
  const store = await StoreClass.fromFile(pathToFileURL(file));
  store.set('postmortems', 'first', { id: 'first' });
  await store.waitUntilSaveComplete();
  expect(readFileSync(file, 'utf8')).toContain('first');

  let writeStarted!: () => void;
  const started = new Promise<void>((resolve) => (writeStarted = resolve));
  const inherited = store.writeToDisk;
  // An own property in front of the class's method: the debounce timer calls this.writeToDisk().
  store.writeToDisk = function (this: Store) {
    const writing = inherited.call(this);
    writeStarted();
    return writing;
  };
  // A large entry, so its write is still going when the final save is asked for.
  store.set('postmortems', 'last', { id: 'last', html: 'x'.repeat(8 * 1024 * 1024) });
  await started;
  await store.waitUntilSaveComplete();
  const onDisk = readFileSync(file, 'utf8');
  // The write still going ends with the last entry on disk (and must end before the folder is removed).
  while (!readFileSync(file, 'utf8').includes('"last"')) await new Promise((resolve) => setTimeout(resolve, 50));
  return onDisk;
}

describe('the content data store, saved before the build bundles it', () => {
  it("Astro 5.18 alone: the final save returns while the last entry's save is still writing (remove data-store-flush.ts when this fails)", async () => {
    const onDisk = await storeOnDiskAfterFinalSave('astro-alone');
    expect(onDisk).toContain('first');
    expect(onDisk).not.toContain('"last"');
  });

  it('with saves in order: the final save returns when the store on disk holds every entry', async () => {
    saveInOrder(astroDataStoreClass());
    const onDisk = await storeOnDiskAfterFinalSave('in-order');
    expect(onDisk).toContain('"last"');
    expect(onDisk).toContain('x'.repeat(1000));
  });

  it('saves asked for while the post-mortems load wait for the load, and the store is serialised once', async () => {
    saveInOrder(astroDataStoreClass());
    const StoreClass = astroDataStoreClass() as unknown as { fromFile(file: URL): Promise<Store> };
    const file = path.join(temp, 'during-load', 'data-store.json');
    const store = await StoreClass.fromFile(pathToFileURL(file));
    let serialised = 0;
    const inherited = store.toString;
    store.toString = function (this: Store) {
      serialised += 1;
      return inherited.call(this);
    };
    let endLoad!: () => void;
    const saves: Promise<void>[] = [];
    const load = whileLoading(async () => {
      store.set('postmortems', 'first', { id: 'first' });
      // What the debounce does at a pause in the load: two of them.
      saves.push(store.writeToDisk());
      store.set('postmortems', 'last', { id: 'last' });
      saves.push(store.writeToDisk());
      await new Promise<void>((resolve) => (endLoad = resolve));
    });
    // Time for a save that did not wait to have been written.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(serialised).toBe(0);
    expect(() => readFileSync(file, 'utf8')).toThrow();
    endLoad();
    await load;
    await Promise.all(saves);
    await store.waitUntilSaveComplete();
    expect(serialised).toBe(1);
    expect(readFileSync(file, 'utf8')).toContain('"last"');
  });
});
