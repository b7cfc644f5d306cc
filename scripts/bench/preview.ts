/** Serves a built site with `astro preview` on a free loopback port, for the browser measurements. */
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { freePort } from '../../tests/e2e/free-port.ts';
import { ASTRO_BIN, type SiteBuild } from './sites.ts';

export interface Preview {
  /** Origin plus base path, ending in `/`. */
  url: string;
  stop: () => Promise<void>;
}

/** Starts the preview server and waits until it answers (up to `timeoutMs`). */
export async function startPreview(site: SiteBuild, logFile: string, timeoutMs = 60_000): Promise<Preview> {
  const port = freePort();
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [ASTRO_BIN, 'preview', '--host', '127.0.0.1', '--port', String(port), ...site.args], {
    cwd: site.cwd,
    env: site.env,
    stdio: ['ignore', log, log],
  });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`astro preview did not answer on ${url} within ${timeoutMs / 1000} s; see ${logFile}`);
}
