/** Images: files inside the archive folder, and SVGs that are pictures only. Real files on disk. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkImage, checkSrcset } from '../../src/lib/postmortem/safety/assets.ts';
import { checkSvg } from '../../src/lib/postmortem/safety/svg-check.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-assets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const archive = path.join(root, 'archive');
mkdirSync(path.join(archive, 'images'), { recursive: true });
const postmortem = path.join(archive, 'postmortem-2026-03-14-x.md');
/** A real 2×2 PNG (every image must decode). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAC0lEQVR4nGNgQAYAAA4AAamRc7EAAAAASUVORK5CYII=', 'base64');
writeFileSync(path.join(archive, 'images', 'queue depth.png'), PNG);
writeFileSync(path.join(archive, 'plain.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>');
writeFileSync(path.join(root, 'outside.png'), PNG);
symlinkSync(path.join(root, 'outside.png'), path.join(archive, 'link.png'));
writeFileSync(path.join(archive, 'fake.jpg'), '<script>alert(1)</script>');
writeFileSync(path.join(archive, '\\\\evil.example\\x.png'), PNG);
mkdirSync(path.join(archive, '\x01data:image', 'png;base64,AA'), { recursive: true });
writeFileSync(path.join(archive, '\x01data:image', 'png;base64,AA', 'x.png'), PNG);

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

describe('references a browser reads differently from a path', () => {
  // Files with these names exist (above), but a browser would load another origin, or a data: URL, instead.
  it.each([
    ['\\\\evil.example\\x.png', '`\\\\evil.example\\x.png` has a backslash'],
    ['\x01data:image/png;base64,AA/x.png', '`\\x01data:image/png;base64,AA/x.png` has a backslash or a control character'],
  ])('refuses %j', (url, problem) => {
    expect(checkImage(postmortem, url).problem).toContain(problem);
    expect(checkSrcset(postmortem, `${url} 2x`)[0]!.verdict.problem).toContain(problem);
  });
});

describe('checkSvg', () => {
  const svg = (inner: string, attributes = 'width="10" height="10"') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ${attributes}>${inner}</svg>`;
  it('accepts a diagram and publishes it written out again: ASCII, one namespace, editor metadata and unknown attributes left out', () => {
    const diagram = svg(
      '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>' +
        '<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(0, 0, 255)"/></linearGradient><path id="p" d="M0 0L5 5"/></defs>' +
        '<g inkscape:label="Layer" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" data-name="x" aria-label="depth (p95)">' +
        '<use xlink:href="#p" transform="rotate(45 5 5)"/><use href="#missing"/><text style="fill:url(#g);-inkscape-font-specification:\'Sans\';font-family:\'Open Sans\', Arial" x="1">Café &amp; <![CDATA[<tea>]]></text></g>',
      'viewBox="0 0 10 10"',
    );
    const verdict = checkSvg(Buffer.from(diagram));
    expect(verdict.problem).toBeNull();
    expect(verdict.svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="rgb(0, 0, 255)"></stop></linearGradient><path id="p" d="M0 0L5 5"></path></defs>' +
        '<g><use href="#p" transform="rotate(45 5 5)"></use><use href="#missing"></use><text style="fill:url(#g);font-family:\'Open Sans\', Arial" x="1">Caf&#xe9; &amp; &lt;tea&gt;</text></g></svg>\n',
    );
    // Publishing is idempotent: the published copy is checked and published unchanged.
    expect(checkSvg(Buffer.from(verdict.svg!)).svg).toBe(verdict.svg);
    expect(checkSvg(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n' + svg('<rect width="1" height="1"/>'))])).problem).toBeNull();
  });
  it.each([
    ['script', svg('<script>alert(1)</script>'), 'contains `<script>`'],
    ['an event handler', svg('<rect onclick="alert(1)"/>'), 'event handler `onclick`'],
    ['an event handler in odd case', svg('<rect OnMouseOver="alert(1)"/>'), 'event handler `OnMouseOver`'],
    ['foreignObject', svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), '`<foreignObject>`'],
    ['an XHTML script by namespace', svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 'HTML, MathML, XSLT'],
    ['an element without a namespace', '<s:svg xmlns:s="http://www.w3.org/2000/svg" width="1" height="1"><script>alert(1)</script></s:svg>', 'without a namespace'],
    ['an external image', svg('<image xlink:href="https://evil.example/x.png"/>'), 'references `https://evil.example/x.png`'],
    ['an embedded image', svg('<image href="data:image/png;base64,iVBORw0KGgo="/>'), 'references `data:image/png'],
    ['an external use', svg('<use href="other.svg#icon"/>'), 'references `other.svg#icon`'],
    ['a javascript link', svg('<a href="javascript:alert(1)"><text>x</text></a>'), 'contains `<a>`'],
    ['animation', svg('<animate attributeName="opacity" values="0;1" dur="1s"/>'), 'contains `<animate>`'],
    ['a set element', svg('<set attributeName="href" to="javascript:alert(1)"/>'), 'contains `<set>`'],
    ['a style element', svg('<style>.a{fill:red}</style>'), 'contains `<style>`'],
    ['a remote url() in an attribute', svg('<rect fill="url(https://evil.example/x.svg#p)"/>'), 'loads something outside the file'],
    ['a url() spelt with an entity', svg('<rect fill="u&#x72;l(//evil.example/x)"/>'), 'loads something outside the file'],
    ['a url() spelt with a CSS escape', svg('<rect style="fill:u\\72l(//evil.example/x)"/>'), 'has `\\`'],
    ['image-set()', svg('<rect style="stroke: -webkit-image-set(x.png 1x)"/>'), 'calls `-webkit-image-set()`'],
    ['a CSS comment', svg('<rect style="fill:red/**/;x:y"/>'), 'has `*`'],
    ['a quoted separator', svg('<rect style="font-family:\'a;cursor:url(//evil.example/c)\'"/>'), "has `'`"],
    ['an entity declaration', '<!DOCTYPE svg [<!ENTITY x "y">]>' + svg('&x;'), 'DOCTYPE'],
    ['a stylesheet instruction', '<?xml-stylesheet href="https://evil.example/x.xsl"?>' + svg(''), '`<?xml-stylesheet?>`'],
    ['another encoding declared', '<?xml version="1.0" encoding="Shift_JIS"?>' + svg(''), 'encoding `Shift_JIS`'],
    ['a second root', svg('') + '<svg/>', 'second root element'],
    [
      'nested uses that multiply (10^5 copies)',
      svg(`<defs><rect id="g0" width="1" height="1"/>${[1, 2, 3, 4, 5].map((i) => `<g id="g${i}">${`<use href="#g${i - 1}"/>`.repeat(10)}</g>`).join('')}</defs><use href="#g5"/>`),
      'make 111,111 copies, over the 10,000',
    ],
    ['a filter radius that hangs the browser', svg('<filter id="f"><feMorphology operator="dilate" radius="2 100000"/></filter>'), '`radius` `2 100000` is over 50'],
    ['uses in a cycle', svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'), 'in a cycle'],
    ['a chain of uses deeper than elements nest', svg(Array.from({ length: 300 }, (_, i) => `<g id="c${i}"><use href="#c${i + 1}"/></g>`).join('') + '<rect id="c300"/>'), 'chain too deep'],
    ['a lone surrogate by reference', svg('<text>&#xD800;</text>'), 'not well-formed'],
    ['a raw control character', svg('<text>\x01</text>'), 'character XML does not allow'],
    ['no size', svg('<rect/>', ''), 'no size'],
    ['a percentage size', svg('<rect/>', 'width="100%" height="100%"'), 'no size'],
    ['broken XML', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect></svg>', 'not well-formed'],
    ['HTML instead of SVG', '<html><script>alert(1)</script></html>', 'root element'],
  ])('refuses %s', (_name, text, problem) => {
    expect(checkSvg(Buffer.from(text)).problem).toContain(problem);
  });
  it.each([
    ['Latin-1 bytes', Buffer.from(svg('<text>caf\xe9</text>'), 'latin1'), 'not UTF-8'],
    ['UTF-16 with its byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(svg(''), 'utf16le')]), 'UTF-16'],
    ['UTF-16 without one', Buffer.from(svg(''), 'utf16le'), 'NUL bytes'],
    ['a UTF-8 byte order mark and a UTF-16 declaration', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<?xml version="1.0" encoding="UTF-16"?>${svg('')}`)]), 'encoding `UTF-16`'],
    ['over the size limit', Buffer.from(svg(`<desc>${'x'.repeat(1024 * 1024)}</desc>`)), 'KiB limit'],
  ])('refuses bytes that are not plain UTF-8: %s', (_name, bytes, problem) => {
    expect(checkSvg(bytes).problem).toContain(problem);
  });
});

describe('raster images: read by the build\'s two readers, bounded and decoded', () => {
  const folder = path.join(root, 'rasters');
  mkdirSync(folder);
  const at = (name: string) => path.join(folder, name);
  const pm = at('postmortem-2026-03-14-x.md');
  /** A PNG whose header declares `width`×`height` but whose data is one compressed row. */
  const declaring = (width: number, height: number) => {
    const chunk = (type: string, data: Buffer) => {
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      out.write(type, 4, 'latin1');
      data.copy(out, 8);
      out.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 8 + data.length);
      return out;
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(height, 4);
    header.set([8, 2], 8);
    return Buffer.concat([PNG.subarray(0, 8), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(Buffer.alloc(100))), chunk('IEND', Buffer.alloc(0))]);
  };
  const brokenCrc = Buffer.from(PNG);
  brokenCrc[29] = brokenCrc[29]! ^ 0xff; // The IHDR checksum.
  writeFileSync(at('ok.png'), PNG);
  writeFileSync(at('truncated.png'), PNG.subarray(0, PNG.length - 20));
  writeFileSync(at('crc.png'), brokenCrc);
  writeFileSync(at('polyglot.gif'), 'GIF89a<html><script>alert(1)</script></html>');
  writeFileSync(at('riff.webp'), 'RIFF\x10\0\0\0WEBPVP8 <script>alert(1)</script>');
  writeFileSync(at('bomb.png'), declaring(9000, 9000));
  writeFileSync(at('wide.png'), declaring(20_000, 2));
  writeFileSync(at('png.gif'), Buffer.concat([Buffer.from('GIF89a'), PNG]));

  it('accepts a real PNG', () => {
    expect(checkImage(pm, './ok.png').problem).toBeNull();
  });
  it.each([
    ['truncated.png', 'does not decode'],
    ['crc.png', 'invalid chunk checksum'],
    ['polyglot.gif', 'is not a .gif image the build can read'],
    ['riff.webp', 'is not a .webp image the build can read'],
    ['bomb.png', 'declares 9000×9000 pixels (81 megapixels), over the 40 megapixel limit'],
    ['wide.png', 'is 20000×2 pixels, over the 16,383 pixel limit for a side'],
    ['png.gif', 'is not a .gif image the build can read'],
  ])('refuses %s', (name, problem) => {
    const verdict = checkImage(pm, `./${name}`);
    expect(verdict.problem).toContain(`image \`./${name}\``);
    expect(verdict.problem).toContain(problem);
  });
});

describe('checkSrcset', () => {
  it('parses as a browser does, checks each image as `src` is checked, and writes the accepted ones out again', () => {
    const candidates = checkSrcset(postmortem, ' ./images/queue%20depth.png 2x,data:image/png;base64,AAA,BBB 1x, https://evil.example/p.png 640w,javascript:alert(1), plain.svg');
    expect(candidates.map((c) => [c.text, c.verdict.problem === null])).toEqual([
      ['./images/queue%20depth.png 2x', true],
      ['data:image/png;base64,AAA,BBB 1x', false],
      ['https://evil.example/p.png 640w', false],
      ['javascript:alert(1)', false],
      ['plain.svg', true],
    ]);
    expect(candidates[1]!.verdict.problem).toContain('is a `data:` URL');
  });
});

describe("validate's result cache", () => {
  it('never answers for a file that shows images: adding the missing image clears the error on the next run', async () => {
    const { validateFiles } = await import('../../src/lib/postmortem/validation/validate.ts');
    const { FileValidationCache } = await import('../../src/lib/postmortem/validation/validation-cache.ts');
    const { readSource } = await import('../../src/lib/postmortem/parsing/source.ts');
    const folder = path.join(root, 'cached');
    mkdirSync(folder);
    const file = path.join(folder, 'postmortem-2026-03-14-x.md');
    writeFileSync(file, '---\n---\n## Summary\n\n![Queue](./queue.png)\n');
    const run = async () => validateFiles([{ path: file, source: readSource(file, 128 * 1024) }], { cache: new FileValidationCache(path.join(root, 'cache'), 'v1') }).files[0]!.problems.filter((p) => p.rule === 'image-asset');
    expect((await run()).map((p) => p.message)).toEqual(['image `./queue.png` does not exist']);
    writeFileSync(path.join(folder, 'queue.png'), PNG);
    expect(await run()).toEqual([]);
  });
});
