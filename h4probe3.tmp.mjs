import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4871/hindsight/incidents/');
for (const q of ['@platform-team', 'platform-team', 'OPS-1112', 'SEV-1', 'sev-1', 'redis zqxwv', 'zqxwv', 'durability class']) {
  const out = await page.evaluate(async (q) => {
    const pf = await import('/hindsight/pagefind/pagefind.js');
    await pf.options({ baseUrl: '/' });
    const r = await pf.search(q);
    const ds = await Promise.all(r.results.map((x) => x.data()));
    return ds.map((d) => d.meta.title.slice(0, 30) + ' ' + d.meta.severity);
  }, q);
  console.log(q, JSON.stringify(out));
}
await browser.close();
