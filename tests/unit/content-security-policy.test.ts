import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { policyFor, withPolicy } from '../../src/integrations/content-security-policy.ts';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy of built pages', () => {
  const page = '<!doctype html><html><head><title>x</title><script>document.documentElement.dataset.theme="dark"</script><style>body{color:red}</style><script type="module" src="/_astro/a.js"></script></head><body><div style="width: 40%">x</div></body></html>';

  it('allows own files and exactly the inline code the page carries, by hash', () => {
    const policy = policyFor(page);
    expect(policy).toContain(`script-src 'self' ${hash('document.documentElement.dataset.theme="dark"')}`);
    expect(policy).toContain(`style-src 'self' ${hash('body{color:red}')} 'unsafe-hashes' ${hash('width: 40%')}`);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain('unsafe-inline');
  });

  it('goes first in <head>, once', () => {
    const html = withPolicy(page);
    expect(html).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/);
    expect(withPolicy(html)).toBe(html);
  });
});
