import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto('http://127.0.0.1:4871/hindsight/incidents/');
const out = await page.evaluate(async (q) => {
  const pf = await import('/hindsight/pagefind/pagefind.js');
  await pf.options({ baseUrl: '/' });
  const r = await pf.search(q);
  const d = r.results[0] ? await r.results[0].data() : null;
  return { n: r.results.length, filters: r.filters, d: d && { url: d.url, meta: d.meta, excerpt: d.excerpt, subs: d.sub_results.map((s) => ({ t: s.title, u: s.url, e: s.excerpt, l: s.locations.length })) } };
}, process.argv[2]);
console.log(JSON.stringify(out, null, 1));
await browser.close();
