/**
 * After the build, every published SVG is replaced by the copy the check wrote
 * out from its parse (src/integrations/published-svg.ts). Real files on disk.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rewritePublishedSvgs } from '../../src/integrations/published-svg.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'hindsight-published-svg-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('rewritePublishedSvgs', () => {
  it('writes every .svg of the output as the check wrote it out, and leaves other files alone', () => {
    const site = path.join(root, 'site');
    mkdirSync(path.join(site, '_astro'), { recursive: true });
    const original = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- Inkscape -->\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="20" height="10" cursor="url(https://evil.example/c.png), auto"><text inkscape:label="t">Größe</text></svg>';
    writeFileSync(path.join(site, '_astro', 'diagram.abc123.SVG'), original);
    writeFileSync(path.join(site, '_astro', 'photo.webp'), 'not touched');
    expect(rewritePublishedSvgs(site)).toBe(1);
    expect(readFileSync(path.join(site, '_astro', 'diagram.abc123.SVG'), 'utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><text>Gr&#xf6;&#xdf;e</text></svg>\n');
    expect(readFileSync(path.join(site, '_astro', 'photo.webp'), 'utf8')).toBe('not touched');
    expect(readdirSync(path.join(site, '_astro')).sort()).toEqual(['diagram.abc123.SVG', 'photo.webp']);
  });

  it('stops, naming the file, if the output holds an SVG the check refuses', () => {
    const site = path.join(root, 'refused');
    mkdirSync(site);
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    writeFileSync(path.join(site, 'odd.svg'), bytes);
    expect(() => rewritePublishedSvgs(site)).toThrow(/`odd\.svg`.*encoding `ISO-8859-1`/);
    // Not half-written: the refused file is left as it was.
    expect(readFileSync(path.join(site, 'odd.svg')).equals(bytes)).toBe(true);
  });
});
