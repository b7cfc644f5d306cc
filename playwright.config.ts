/**
 * Browser tests run against production builds of small fixture archives,
 * served by `astro preview` under a base path (as on GitHub Pages), each
 * built once per run: tests/fixtures/site for the product, and
 * tests/fixtures/hostile/archive for the proof that injected content never runs
 * (built with HINDSIGHT_BUILD_INVALID=1: validation rejects every hostile file,
 * and the point is that the renderer is safe even when validation is bypassed).
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/browser.ts';
import { freePort } from './tests/e2e/free-port.ts';

export const E2E_BASE = '/hindsight/';
export const E2E_TODAY = '2026-11-27';

// Workers re-read this file; the ports chosen by the runner reach them through the environment.
process.env.E2E_PORT ??= String(freePort());
process.env.E2E_HOSTILE_PORT ??= String(freePort());
// The tests compute expectations with the core, so they must share the site's fixed "today".
process.env.HINDSIGHT_TODAY = E2E_TODAY;

const archives = {
  site: { port: Number(process.env.E2E_PORT), dir: 'tests/fixtures/site' },
  hostile: { port: Number(process.env.E2E_HOSTILE_PORT), dir: 'tests/fixtures/hostile/archive' },
};
const origin = (port: number) => `http://127.0.0.1:${port}${E2E_BASE}`;
const envOf = (name: keyof typeof archives) => ({
  POSTMORTEM_DIR: archives[name].dir,
  HINDSIGHT_OUT_DIR: `.cache/e2e-${name}`,
  HINDSIGHT_BASE: E2E_BASE,
  HINDSIGHT_EDIT_URL: 'https://github.com/acme/ops/edit/main/',
  // Date-dependent pages (overdue, last 90 days) are tested against a fixed day.
  HINDSIGHT_TODAY: E2E_TODAY,
  // Small pages, so the fixture's nine post-mortems and few dozen action items span several (the ledger shows twice this many rows a page).
  HINDSIGHT_PAGE_SIZE: '4',
  ...(name === 'hostile' ? { HINDSIGHT_BUILD_INVALID: '1' } : {}),
});
const preview = (name: keyof typeof archives) => `npx astro preview --host 127.0.0.1 --port ${archives[name].port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: 'list',
  outputDir: '.cache/test-results',
  use: {
    launchOptions: chromiumLaunchOptions(),
    trace: 'off',
  },
  projects: [
    { name: 'site', testIgnore: /hostile\.spec\.ts$/, use: { baseURL: origin(archives.site.port) } },
    { name: 'hostile', testMatch: /hostile\.spec\.ts$/, use: { baseURL: origin(archives.hostile.port) } },
  ],
  // Servers start one after the other: the first builds both archives (two builds at once would share Astro's
  // generated types), the second only serves what the first built.
  webServer: [
    {
      command: `npx astro build && env ${Object.entries(envOf('hostile')).map(([k, v]) => `${k}=${v}`).join(' ')} npx astro build && ${preview('site')}`,
      url: origin(archives.site.port),
      env: envOf('site'),
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: preview('hostile'),
      url: origin(archives.hostile.port),
      env: envOf('hostile'),
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
