import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blockedInlineCode, policy, withPolicy } from '../../src/integrations/content-security-policy.ts';
import { INLINE_SCRIPTS, THEME_INIT_SCRIPT } from '../../src/lib/site/inline-code.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy of built pages', () => {
  const injected = '<script>window.__pwned=1</script><style>body{display:none}</style><div style="position:fixed">x</div>';
  const page = `<!doctype html><html><head><title>x</title><script>${THEME_INIT_SCRIPT}</script><script type="module" src="/_astro/a.js"></script></head><body>${injected}</body></html>`;

  it("allows the site's files and only Hindsight's own inline script, by a hash computed from its source", () => {
    expect(INLINE_SCRIPTS).toEqual([THEME_INIT_SCRIPT]);
    expect(policy()).toBe(
      `default-src 'self'; script-src 'self' ${hash(THEME_INIT_SCRIPT)}; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`,
    );
  });

  it('is the same whatever the page carries: nothing inline on a page is ever hashed into it', () => {
    const html = withPolicy(page);
    expect(html).toContain(`content="${policy()}"`);
    expect(html).not.toContain(hash('window.__pwned=1'));
    expect(html).not.toContain(hash('body{display:none}'));
    expect(html).not.toMatch(/unsafe-inline|unsafe-hashes|unsafe-eval/);
  });

  it('goes first in <head>, once', () => {
    const html = withPolicy(page);
    expect(html).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    expect(withPolicy(html)).toBe(html);
    // As Astro writes a page whose layout already put it there (a space after <html>): left as it is.
    const fromLayout = `<!DOCTYPE html><html lang="en"> <head><meta http-equiv="Content-Security-Policy" content="${policy()}"><title>x</title></head></html>`;
    expect(withPolicy(fromLayout)).toBe(fromLayout);
  });

  it('names the inline code a page carries that the policy blocks (to catch a component written with inline code)', () => {
    expect(blockedInlineCode(page)).toEqual(['<script>window.__pwned=1', '<style>body{display:none}', 'style=""']);
    expect(blockedInlineCode(`<script>${THEME_INIT_SCRIPT}</script><script type="application/json">{"a":1}</script>`)).toEqual([]);
    // Prose that mentions the attribute is text, not an attribute.
    expect(blockedInlineCode('<p>set style="color: red" on the <code>div</code> > span</p><p class="a">b</p>')).toEqual([]);
    expect(blockedInlineCode('<p>a > b</p><span\n  class="x" STYLE="top:0">c</span>')).toEqual(['style=""']);
  });
});
