import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext();
const page = await ctx.newPage();
const client = await ctx.newCDPSession(page);
await client.send('Profiler.enable');
await client.send('Profiler.start');
const t = Date.now();
await page.goto('http://localhost:8767/action-items/', { timeout: 120000, waitUntil: 'load' });
console.log('load', Date.now() - t);
const { profile } = await client.send('Profiler.stop');
const self = new Map();
const dt = profile.timeDeltas; profile.samples.forEach((s, i) => self.set(s, (self.get(s) || 0) + (dt[i] || 0)));
const agg = new Map();
for (const n of profile.nodes) { const k = n.callFrame.functionName + ' ' + n.callFrame.url.split('/').pop() + ':' + n.callFrame.lineNumber; agg.set(k, (agg.get(k) || 0) + (self.get(n.id) || 0)); }
for (const [k, v] of [...agg].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((v / 1000).toFixed(0).padStart(6), k);
await browser.close();
