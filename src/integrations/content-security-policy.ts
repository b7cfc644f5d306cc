/**
 * Gives every built page a Content-Security-Policy that allows only the
 * site's own scripts and styles. Static hosts cannot be relied on to send
 * headers, so the policy goes in a <meta> tag; inline scripts and styles the
 * build emitted are allowed by their SHA-256 hashes, nothing else inline runs.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/gi;

/** The policy for one page, from the inline code it carries. */
export function policyFor(html: string): string {
  const hashes = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((match) => `'sha256-${sha256(decodeAttribute(pattern, match[1]!))}'`))];
  const scripts = hashes(INLINE_SCRIPT);
  const styles = hashes(INLINE_STYLE);
  const styleAttributes = hashes(STYLE_ATTRIBUTE);
  return [
    "default-src 'self'",
    `script-src 'self' ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}${styleAttributes.length ? ` 'unsafe-hashes' ${styleAttributes.join(' ')}` : ''}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Inserts the policy as the first element of <head>, so it governs everything after it. */
export function withPolicy(html: string): string {
  if (/http-equiv="content-security-policy"/i.test(html)) return html;
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'hindsight:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        await Promise.all(files.map(async (file) => writeFile(file, withPolicy(await readFile(file, 'utf8')))));
        logger.info(`Content-Security-Policy set on ${files.length} pages.`);
      },
    },
  };
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.html')).map((entry) => path.join(entry.parentPath, entry.name));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

/** Style attribute values are hashed as the browser sees them, after entity decoding. */
function decodeAttribute(pattern: RegExp, value: string): string {
  if (pattern !== STYLE_ATTRIBUTE) return value;
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
