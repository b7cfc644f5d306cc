import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
for (let i = 0; i < 3; i++) for (const js of [true, false]) {
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  const page = await ctx.newPage();
  const t = Date.now();
  await page.goto('http://localhost:8767/action-items/', { timeout: 120000, waitUntil: 'load' });
  if (js) await page.waitForSelector('[data-ledger-filters]:not([hidden])');
  console.log('js', js, Date.now() - t, 'ms');
  await ctx.close();
}
await browser.close();
