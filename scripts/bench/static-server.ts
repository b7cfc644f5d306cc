/**
 * Serves a built site folder over HTTP on a free local port, as a static host
 * would (folders answer with their index.html), for measuring search on a site
 * built earlier without starting `astro preview`.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Starts serving `root`; `url` ends in `/`. */
export async function serveFolder(root: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const base = path.resolve(root);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(base, pathname, pathname.endsWith('/') ? 'index.html' : '');
    if (!file.startsWith(`${base}${path.sep}`)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) => response.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
