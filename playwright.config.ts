/**
 * Browser tests run against a production build of the small fixture archive
 * in tests/fixtures/site, served by `astro preview` under a base path (as on
 * GitHub Pages), built once per run.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './tests/e2e/browser.ts';
import { freePort } from './tests/e2e/free-port.ts';

// Workers re-read this file; the port chosen by the runner reaches them through the environment.
process.env.E2E_PORT ??= String(freePort());
const port = Number(process.env.E2E_PORT);
export const E2E_BASE = '/hindsight/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '.cache/test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}${E2E_BASE}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
  },
  webServer: {
    command: `npx astro build && npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${E2E_BASE}`,
    env: {
      POSTMORTEM_DIR: 'tests/fixtures/site',
      HINDSIGHT_OUT_DIR: '.cache/e2e-site',
      HINDSIGHT_BASE: E2E_BASE,
      HINDSIGHT_EDIT_URL: 'https://github.com/acme/ops/edit/main/',
    },
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
