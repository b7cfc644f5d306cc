/**
 * Whatever an SVG holds, what the check publishes is a plain picture: random
 * documents built from hostile pieces (handlers, links, CSS that loads, odd
 * namespaces, entities, escapes) are either refused, or written out with none
 * of them, in ASCII, and writing the copy out again changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sax from 'sax';
import { SVG_ELEMENTS } from '../../src/lib/postmortem/safety/svg-allowlist.ts';
import { checkSvg } from '../../src/lib/postmortem/safety/svg-check.ts';

/** The elements of a published copy, as an XML parser reads them. */
function elements(svg: string): { name: string; attributes: [string, string][] }[] {
  const found: { name: string; attributes: [string, string][] }[] = [];
  const parser = sax.parser(true, { xmlns: true });
  parser.onopentag = (tag) => {
    expect(tag.uri).toBe('http://www.w3.org/2000/svg');
    found.push({ name: tag.local, attributes: Object.values(tag.attributes).filter((a) => a.name !== 'xmlns').map((a) => [a.name, a.value]) });
  };
  parser.write(svg).close();
  return found;
}

const names = fc.constantFrom('rect', 'g', 'text', 'use', 'image', 'a', 'script', 'style', 'foreignObject', 'set', 'x:script', 'h:img', 'feImage', 'pattern', 'linearGradient', 'svg', 'metadata', 'i:layer');
const attributeNames = fc.constantFrom('fill', 'style', 'href', 'xlink:href', 'onload', 'OnClick', 'cursor', 'filter', 'mask', 'transform', 'id', 'class', 'x', 'xml:base', 'i:label', 'data-x', 'src', 'values', 'attributeName');
const values = fc.constantFrom(
  'red', '#abc', 'url(#g)', 'url(https://evil.example/x#a)', 'u\\72l(//evil.example/x)', 'u&#x72;l(//evil.example)', 'image-set(x.png 1x)',
  "fill:red;stroke:url('//evil.example/s')", 'fill:url(#g)', 'javascript:alert(1)', '#g', 'https://evil.example/i.png', 'data:image/png;base64,AAAA',
  'rotate(45)', 'expression(alert(1))', 'var(--x)', '@import "x"', 'a/**/b', "'Open Sans'", '&amp;', '&lt;script&gt;', 'Größe', 'x"y',
);
const text = fc.constantFrom('', 'plain', 'Größe', '&lt;script&gt;alert(1)&lt;/script&gt;', '<![CDATA[</text><script>alert(1)</script>]]>', '@import url(//evil.example/x.css);', ']]>', '&amp;');

const element: fc.Memo<string> = fc.memo((depth) =>
  fc.tuple(names, fc.array(fc.tuple(attributeNames, values), { maxLength: 3 }), depth > 1 ? fc.array(element(depth - 1), { maxLength: 3 }) : fc.constant([]), text).map(([name, attributes, children, inner]) => {
    const written = attributes.map(([key, value]) => ` ${key}="${value.replace(/"/g, '&quot;')}"`);
    return `<${name}${[...new Set(written)].join('')}>${inner}${children.join('')}</${name}>`;
  }),
);
const prologue = fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>', '<!DOCTYPE svg [<!ENTITY a "b">]>', '<?xml-stylesheet href="x.css"?>', '<!-- c -->');
const documents = fc.tuple(prologue, fc.array(element(3), { maxLength: 4 })).map(
  ([head, children]) => `${head}<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:x="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:i="urn:editor" width="10" height="10">${children.join('')}</svg>`,
);

describe('checkSvg on random hostile documents', () => {
  it('refuses, or publishes a copy with nothing that runs, loads or links', () => {
    let published = 0;
    fc.assert(
      fc.property(documents, (document) => {
        const { problem, svg } = checkSvg(Buffer.from(document));
        if (problem) return;
        published += 1;
        expect(svg!).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/);
        expect(svg!).not.toMatch(/<!|<\?/);
        for (const { name, attributes } of elements(svg!)) {
          expect(SVG_ELEMENTS.has(name), name).toBe(true);
          for (const [key, value] of attributes) {
            expect(key).not.toMatch(/^on|:/i);
            if (key === 'href') expect(value).toBe('#g');
            expect(value.replace(/url\(#g\)/g, '')).not.toMatch(/url|\\|@|image-set|expression|var\(/i);
          }
        }
        expect(checkSvg(Buffer.from(svg!)).svg).toBe(svg);
      }),
      { numRuns: 2000, seed: 23 },
    );
    // The property is about published copies: enough of the documents must be published for it to say something.
    expect(published).toBeGreaterThan(100);
  });
});
