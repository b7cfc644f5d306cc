/**
 * The house rules of docs/ARCHITECTURE.md that a grep can hold: the core
 * imports nothing from the floors above it, routes keep their private pieces
 * to themselves, helpers are defined once, and no two modules share a name
 * where a reader could mistake one for the other.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeImportChains } from './helpers/browser-safe.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const IMPORT = /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(ROOT, relative)).isDirectory() ? filesUnder(relative) : /\.(ts|mjs|astro)$/.test(name) ? [relative] : [];
  });
}

/** Each relative import of a file, resolved to a path from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => path.join(path.dirname(file), match[1] ?? match[2]!));
}

describe('layers', () => {
  it('the core imports nothing from the presentation layer, pages, browser scripts or CLIs', () => {
    const upward = filesUnder('src/lib/postmortem').flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(src\/(lib\/site|lib\/agent|pages|scripts|components|layouts|integrations)|scripts)\//.test(target))
        .map((target) => `${file} -> ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it('the site layer is browser-safe: nothing it loads imports a Node built-in, and it loads nothing of the build layer', () => {
    expect(nodeImportChains(ROOT, 'src/lib/site')).toEqual([]);
    const intoBuild = filesUnder('src/lib/site').flatMap((file) => importsOf(file).filter((target) => target.startsWith('src/lib/build/')).map((target) => `${file} -> ${target}`));
    expect(intoBuild).toEqual([]);
  });

  it('the browser-safe check fails on a Node import planted in the site layer, directly or two imports down', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hindsight-layers-'));
    try {
      mkdirSync(path.join(root, 'src/lib/site/search'), { recursive: true });
      mkdirSync(path.join(root, 'src/lib/postmortem'), { recursive: true });
      writeFileSync(path.join(root, 'src/lib/site/clean.ts'), "import type { Stats } from 'node:fs';\nexport const a = 1;\n");
      writeFileSync(path.join(root, 'src/lib/site/direct.ts'), "import path from 'path';\nexport const b = path.sep;\n");
      writeFileSync(path.join(root, 'src/lib/site/search/deep.ts'), "import { c } from '../../postmortem/core.ts';\nexport { c };\n");
      writeFileSync(path.join(root, 'src/lib/postmortem/core.ts'), "import { readFileSync } from 'node:fs';\nexport const c = readFileSync;\n");
      expect(nodeImportChains(root, 'src/lib/site').sort()).toEqual([
        'src/lib/site/direct.ts -> path',
        'src/lib/site/search/deep.ts -> src/lib/postmortem/core.ts -> node:fs',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('no module under src/lib reads the environment or ends the process', () => {
    const offending = filesUnder('src/lib').filter((file) => /\bprocess\.(env|exit)\b/.test(readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')));
    expect(offending).toEqual([]);
  });

  it('no route imports another route’s private (`_`) modules', () => {
    const crossing = filesUnder('src').flatMap((file) =>
      importsOf(file)
        .filter((target) => /\/_[^/]+/.test(target.replace(/^src\/pages\//, '/')))
        .filter((target) => {
          const privateRoot = target.slice(0, target.search(/\/_[^/]+/));
          return !file.startsWith(`${privateRoot}/`);
        })
        .map((target) => `${file} -> ${target}`),
    );
    expect(crossing).toEqual([]);
  });

  it('date helpers are defined once, in the core’s dates module', () => {
    const definitions = filesUnder('src')
      .concat(filesUnder('scripts'))
      .flatMap((file) => {
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        return [...text.matchAll(/\b(?:function|const)\s+(addDays|shiftDate|daysBetween|MONTHS|MONTH_ABBREVIATIONS)\b/g)].map((match) => `${match[1]} in ${file}`);
      });
    expect(definitions.sort()).toEqual(['MONTH_ABBREVIATIONS in src/lib/postmortem/dates.ts', 'addDays in src/lib/postmortem/dates.ts', 'daysBetween in src/lib/postmortem/dates.ts', 'shiftDate in src/lib/postmortem/dates.ts'].sort());
  });

  it('no two modules share a file name, and no file shares its name with a folder beside it', () => {
    const files = filesUnder('src').concat(filesUnder('scripts'));
    // Route files (`index.astro`) and folder entry points (`index.ts`) are named by convention, not to be told apart.
    const named = files.filter((file) => !/(^|\/)index\.(astro|ts)$/.test(file) && !file.startsWith('src/pages/'));
    const byName = new Map<string, string[]>();
    for (const file of named) byName.set(path.basename(file), [...(byName.get(path.basename(file)) ?? []), file]);
    expect([...byName.values()].filter((group) => group.length > 1)).toEqual([]);
    const clashes = files.filter((file) => {
      const folder = path.join(ROOT, file.replace(/\.(ts|mjs|astro)$/, ''));
      try {
        return statSync(folder).isDirectory();
      } catch {
        return false;
      }
    });
    expect(clashes).toEqual([]);
  });
});
