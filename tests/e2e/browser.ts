/**
 * Finds a Chromium for Playwright without downloading one: CHROMIUM_PATH,
 * then the system's (Debian's `chromium`), then Playwright's own if a user installed it,
 * then the one `npm test` fetched from the npm registry on a machine that had none (ensure-browser.ts).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

/** Where @sparticuz/chromium extracts its binary (its fixed place, in the temporary folder). */
export const EXTRACTED_CHROMIUM = path.join(os.tmpdir(), 'chromium');
/**
 * Where its own shared libraries go (NSS, NSPR, ALSA: a fresh Debian machine has none of them; the package
 * unpacks them itself only on AWS Lambda, so ensure-browser.ts unpacks them).
 */
export const EXTRACTED_LIBRARIES = path.join(os.tmpdir(), 'al2023', 'lib');

const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Flags for a closed-network, root, headless machine: no sandbox, no background calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.CHROMIUM_PATH, ...SYSTEM_CHROMIUMS, bundledChromium(), EXTRACTED_CHROMIUM].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    [
      'No Chromium found for the browser tests. Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install -y chromium   (found at /usr/bin/chromium)',
      "  - Playwright's own: npx playwright install chromium",
      '  - or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    ].join('\n'),
  );
}

function bundledChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The environment a Chromium starts with: the extracted one finds its own libraries first. */
export function chromiumEnv(executable: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv | undefined {
  if (executable !== EXTRACTED_CHROMIUM || !existsSync(EXTRACTED_LIBRARIES)) return undefined;
  const fonts = path.join(os.tmpdir(), 'fonts');
  return {
    ...env,
    LD_LIBRARY_PATH: [EXTRACTED_LIBRARIES, env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    // The fonts it unpacks beside the binary, for a machine with none.
    ...(existsSync(fonts) && !env.FONTCONFIG_PATH ? { FONTCONFIG_PATH: fonts } : {}),
  };
}

/** Playwright's launch options for the Chromium found here. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[]; env?: NodeJS.ProcessEnv } {
  const executablePath = findChromium();
  const env = chromiumEnv(executablePath);
  return { executablePath, args: CHROMIUM_ARGS, ...(env ? { env } : {}) };
}
