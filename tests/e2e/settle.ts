/**
 * Waiting for a page to go quiet, with a bound. Playwright's 'networkidle' is
 * discouraged by its docs and, on one CI machine, never came for one hostile
 * page: the test then waited out its whole 11-minute budget without saying
 * which request was pending. Here the wait ends after `boundMs` either way, and
 * a request still pending then is recorded on the test as a note.
 */
import { test, type Page, type Request } from '@playwright/test';

export interface RequestWatch {
  /** Resolves once the page has loaded and none of its requests has been in flight for `quietMs`, or after `boundMs`. */
  settled(options?: { quietMs?: number; boundMs?: number }): Promise<void>;
}

/** Starts counting the page's requests; call before the navigation to watch. */
export function watchRequests(page: Page): RequestWatch {
  const pending = new Set<Request>();
  let changedAt = Date.now();
  const changed = () => (changedAt = Date.now());
  const ended = (request: Request) => (pending.delete(request), changed());
  page.on('request', (request) => (pending.add(request), changed()));
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async settled({ quietMs = 400, boundMs = 10_000 } = {}) {
      const started = Date.now();
      await page.waitForLoadState('load', { timeout: boundMs });
      while (pending.size > 0 || Date.now() - changedAt < quietMs) {
        if (Date.now() - started > boundMs) {
          test.info().annotations.push({ type: 'still loading', description: `${page.url()}: ${[...pending].map((request) => request.url()).join(', ')}` });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
