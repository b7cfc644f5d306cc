/** Images: files inside the archive folder, and SVGs that are pictures only. Real files on disk. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImage } from '../../src/lib/postmortem/assets.ts';
import { checkSvg } from '../../src/lib/postmortem/svg-check.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-assets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const archive = path.join(root, 'archive');
mkdirSync(path.join(archive, 'images'), { recursive: true });
const postmortem = path.join(archive, 'postmortem-2026-03-14-x.md');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
writeFileSync(path.join(archive, 'images', 'queue depth.png'), PNG);
writeFileSync(path.join(archive, 'plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
writeFileSync(path.join(root, 'outside.png'), PNG);
symlinkSync(path.join(root, 'outside.png'), path.join(archive, 'link.png'));
writeFileSync(path.join(archive, 'fake.jpg'), '<script>alert(1)</script>');

describe('checkImage', () => {
  it('accepts real images inside the folder (URL-encoded paths too)', () => {
    expect(checkImage(postmortem, './images/queue%20depth.png').problem).toBeNull();
    expect(checkImage(postmortem, 'plain.svg').problem).toBeNull();
  });
  it.each([
    ['./missing.png', 'does not exist'],
    ['../outside.png', 'outside the archive folder'],
    ['./link.png', 'outside the archive folder'],
    ['./fake.jpg', 'not a real .jpg file'],
    ['./notes.txt', 'is not a png, jpg'],
    ['/etc/passwd.png', 'absolute path'],
    ['https://evil.example/x.png', 'not a file in the archive'],
    ['//evil.example/x.png', 'not a file in the archive'],
  ])('refuses %s', (url, problem) => {
    const verdict = checkImage(postmortem, url);
    expect(verdict.problem).toContain(problem);
    expect(verdict.problem).toContain(`\`${url}\``);
    expect(verdict.hint.length).toBeGreaterThan(10);
  });
});

describe('checkSvg', () => {
  const svg = (inner: string, attributes = 'width="10" height="10"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${inner}</svg>`;
  it('accepts a diagram: shapes, text, gradients, internal references, styles without URLs, an embedded PNG', () => {
    const diagram = svg(
      '<defs><linearGradient id="g"><stop offset="0"/></linearGradient><path id="p" d="M0 0"/></defs><style>.a{fill:url(#g)}</style><use href="#p"/><text class="a">x</text><image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><animate attributeName="opacity" values="0;1" dur="1s"/>',
      'viewBox="0 0 10 10"',
    );
    expect(checkSvg(diagram).problem).toBeNull();
    expect(checkSvg('<?xml version="1.0"?>\n' + svg('<rect width="1" height="1"/>')).problem).toBeNull();
  });
  it.each([
    ['script', svg('<script>alert(1)</script>'), 'contains `<script>`'],
    ['an event handler', svg('<rect onclick="alert(1)"/>'), 'event handler `onclick`'],
    ['foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), '`<foreignObject>`'],
    ['an XHTML script by namespace', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'HTML, MathML or XSLT'],
    ['an external image', svg('<image xlink:href="https://evil.example/x.png"/>'), 'references `https://evil.example/x.png`'],
    ['an external use', svg('<use href="other.svg#icon"/>'), 'references `other.svg#icon`'],
    ['a javascript link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'contains `<a>`'],
    ['an animated href', svg('<animate attributeName="href" values="#a;#b"/>'), 'animates a link target'],
    ['a set element', svg('<set attributeName="href" to="javascript:alert(1)"/>'), 'contains `<set>`'],
    ['a remote style', svg('<style>@import url(https://evil.example/x.css);</style>'), '`<style>` loads'],
    ['a url() in an attribute', svg('<rect fill="url(https://evil.example/x.svg#p)"/>'), 'attribute loads'],
    ['an entity declaration', '<!DOCTYPE svg [<!ENTITY x "y">]>' + svg('&x;'), 'DOCTYPE'],
    ['a stylesheet instruction', '<?xml-stylesheet href="https://evil.example/x.xsl"?>' + svg(''), '`<?xml-stylesheet?>`'],
    ['no size', svg('<rect/>', ''), 'no size'],
    ['a percentage size', svg('<rect/>', 'width="100%" height="100%"'), 'no size'],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect></svg>', 'not well-formed'],
    ['HTML instead of SVG', '<html><script>alert(1)</script></html>', 'root element'],
  ])('refuses %s', (_name, text, problem) => {
    expect(checkSvg(text).problem).toContain(problem);
  });
});

describe("validate's result cache", () => {
  it('never answers for a file that shows images: adding the missing image clears the error on the next run', async () => {
    const { validateFiles } = await import('../../src/lib/postmortem/validate.ts');
    const { FileValidationCache } = await import('../../src/lib/postmortem/validation-cache.ts');
    const { readSource } = await import('../../src/lib/postmortem/source.ts');
    const folder = path.join(root, 'cached');
    mkdirSync(folder);
    const file = path.join(folder, 'postmortem-2026-03-14-x.md');
    writeFileSync(file, '---\n---\n## Summary\n\n![Queue](./queue.png)\n');
    const run = async () => validateFiles([{ path: file, source: readSource(file) }], { cache: new FileValidationCache(path.join(root, 'cache'), 'v1') }).files[0]!.problems.filter((p) => p.rule === 'image-asset');
    expect((await run()).map((p) => p.message)).toEqual(['image `./queue.png` does not exist']);
    writeFileSync(path.join(folder, 'queue.png'), PNG);
    expect(await run()).toEqual([]);
  });
});
