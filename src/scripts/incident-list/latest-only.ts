/** One search at a time while the reader types, and of the keystrokes meanwhile only the last. */

/**
 * Runs `work` one call at a time, and of the calls made meanwhile only the
 * last: while the reader types, each keystroke's search would otherwise queue
 * behind the ones before it in Pagefind's worker. `work` is told when a newer
 * call is waiting, to stop before fetching or drawing what nobody will see.
 */
export function latestOnly(work: (stale: () => boolean) => Promise<void>): () => void {
  let running = false;
  let waiting = false;
  const run = () => {
    running = true;
    waiting = false;
    void work(() => waiting)
      .catch((error: unknown) => console.error(error))
      .finally(() => {
        running = false;
        if (waiting) run();
      });
  };
  return () => {
    if (running) waiting = true;
    else run();
  };
}
