/**
 * Gives every built page a Content-Security-Policy. Static hosts cannot be
 * relied on to send headers, so the policy goes in a <meta> tag first in
 * <head>. Scripts and styles are files of the site ('self'); the only inline
 * code allowed is Hindsight's own, hashed from src/lib/site/inline-code.ts —
 * never from the built HTML, so nothing a post-mortem managed to put on a page
 * is ever allowed. No 'unsafe-inline', no 'unsafe-hashes'.
 *
 * Astro's experimental.csp (5.9+) was evaluated and not used: see docs/ARCHITECTURE.md.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { INLINE_SCRIPTS, INLINE_STYLES } from '../lib/site/inline-code.ts';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The policy of every page. */
export function policy(scripts: readonly string[] = INLINE_SCRIPTS, styles: readonly string[] = INLINE_STYLES): string {
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...scripts.map(hashOf)].join(' '),
    ['style-src', "'self'", ...styles.map(hashOf)].join(' '),
    // data: only for the layout's favicon; the sanitizer removes data: images from post-mortems.
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page's policy is the first element of its <head> (BaseLayout puts it there). */
export function hasPolicy(html: string): boolean {
  return /^<!doctype html>\s*<html[^>]*>\s*<head[^>]*>\s*<meta http-equiv="Content-Security-Policy"/i.test(html);
}

/** Inserts the policy as the first element of <head>, so it governs everything after it. */
export function withPolicy(html: string): string {
  if (hasPolicy(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy()}">`;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)(?![^>]*\btype="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle=/gi;

/**
 * Inline code on a page that the policy will block. Post-mortem bodies cannot carry any (they are
 * sanitised); this catches a component of Hindsight's own that was written with inline code.
 */
export function blockedInlineCode(html: string): string[] {
  const allowedScripts = new Set(INLINE_SCRIPTS);
  const allowedStyles = new Set(INLINE_STYLES);
  const found: string[] = [];
  for (const match of html.matchAll(INLINE_SCRIPT)) if (!allowedScripts.has(match[1]!)) found.push(`<script>${match[1]!.slice(0, 40)}`);
  for (const match of html.matchAll(INLINE_STYLE)) if (!allowedStyles.has(match[1]!)) found.push(`<style>${match[1]!.slice(0, 40)}`);
  if (hasStyleAttribute(html)) found.push('style=""');
  return found;
}

/**
 * A `style=` inside a tag (not in text). Finds each ` style=` and looks back for the tag it is in: a regex
 * that tries every `<` of the page was a quarter of this check's time on large pages.
 */
function hasStyleAttribute(html: string): boolean {
  for (const match of html.matchAll(STYLE_ATTRIBUTE)) {
    const open = html.lastIndexOf('<', match.index);
    if (open > html.lastIndexOf('>', match.index) && /[a-z]/i.test(html[open + 1] ?? '')) return true;
  }
  return false;
}

/** Pages read and checked at once: enough to keep the disk busy, few enough that memory stays flat at 10,000 pages. */
const CONCURRENCY = 8;

/**
 * Checks every built page after the build: the policy first in <head> (BaseLayout writes it, so a page is
 * rewritten only when it lacks it), and no inline code the policy would block.
 */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'hindsight:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const files = await htmlFiles(root);
        const blocked: string[] = [];
        let rewritten = 0;
        let next = 0;
        const worker = async () => {
          for (let at = next++; at < files.length; at = next++) {
            const file = files[at]!;
            const html = await readFile(file, 'utf8');
            const found = blockedInlineCode(html);
            if (found.length) blocked.push(`${path.relative(root, file)}: ${found.join(', ')}`);
            if (!hasPolicy(html)) {
              await writeFile(file, withPolicy(html));
              rewritten += 1;
            }
          }
        };
        await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        logger.info(`Content-Security-Policy on ${files.length} pages (${rewritten} without the layout's, added).`);
        if (blocked.length) logger.warn(`Inline code the policy blocks (move it to a file, or into src/lib/site/inline-code.ts if it is Hindsight's own):\n${blocked.slice(0, 20).join('\n')}`);
      },
    },
  };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}
