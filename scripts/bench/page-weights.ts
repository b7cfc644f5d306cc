/**
 * Page weight per page type, as a browser fetches it: every response of a
 * cold page load (fresh context, no cache) until the network is idle, with
 * bytes as served and gzipped (level 6, as typical static hosts serve).
 * JS counts script responses plus inline <script> code in the HTML.
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface PageSpec {
  type: string;
  /** Path relative to the site root, e.g. `incidents/`. */
  path: string;
}

export interface PageWeight extends PageSpec {
  status: 'ok' | 'missing' | 'error';
  error?: string;
  requests: number;
  totalBytes: number;
  totalGzip: number;
  jsBytes: number;
  jsGzip: number;
  htmlGzip: number;
  cssGzip: number;
  /** Every URL fetched, with its type and gzip size, for reading the figure. */
  resources: { url: string; type: string; gzip: number }[];
}

/** Loads each page once and weighs what it fetched; a page that answers 404 is reported `missing`. */
export async function measurePageWeights(browser: Browser, baseUrl: string, pages: readonly PageSpec[]): Promise<PageWeight[]> {
  const out: PageWeight[] = [];
  for (const spec of pages) out.push(await weighPage(browser, baseUrl, spec));
  return out;
}

async function weighPage(browser: Browser, baseUrl: string, spec: PageSpec): Promise<PageWeight> {
  const weight: PageWeight = { ...spec, status: 'ok', requests: 0, totalBytes: 0, totalGzip: 0, jsBytes: 0, jsGzip: 0, htmlGzip: 0, cssGzip: 0, resources: [] };
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const bodies: Promise<void>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      // Chromium drops the bodies of very large documents (tens of MB) before they can be read: fetch those again to weigh them.
      const body = response.body().catch(async (error: unknown) => {
        if (type === 'document' && response.status() < 300) return (await context.request.get(response.url())).body();
        throw error;
      });
      bodies.push(
        body.then(
          (body) => {
            const gzip = gzipSync(body).length;
            weight.requests += 1;
            weight.totalBytes += body.length;
            weight.totalGzip += gzip;
            weight.resources.push({ url: response.url().replace(baseUrl, '/'), type, gzip });
            if (type === 'script') {
              weight.jsBytes += body.length;
              weight.jsGzip += gzip;
            } else if (type === 'document') {
              weight.htmlGzip += gzip;
              const inline = inlineScripts(body.toString('utf8'));
              if (inline) {
                weight.jsBytes += Buffer.byteLength(inline);
                weight.jsGzip += gzipSync(inline).length;
              }
            } else if (type === 'stylesheet') weight.cssGzip += gzip;
          },
          () => undefined, // Redirects and aborted requests have no body.
        ),
      );
    });
    const response = await page.goto(new URL(spec.path, baseUrl).href, { waitUntil: 'load' });
    if (!response || response.status() >= 400) {
      return { ...weight, status: 'missing', error: `HTTP ${response?.status() ?? 'no response'}` };
    }
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(bodies);
    return weight;
  } catch (error) {
    return { ...weight, status: 'error', error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    await context.close();
  }
}

/** The code of inline executable scripts (not JSON or other data blocks). */
export function inlineScripts(html: string): string {
  const code: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    code.push(match[2] ?? '');
  }
  return code.join('\n');
}
