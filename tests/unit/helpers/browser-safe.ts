/**
 * The check behind "src/lib/site/ is browser-safe": every module a file there
 * loads, followed through relative imports, imports no Node built-in (`node:fs`,
 * `path`, …). A type-only import loads nothing and is skipped. Takes the root to
 * read from, so a test can run it on a tree with a planted violation.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

const LOADING_IMPORT = /(?:^|\n)\s*(?:import|export)(?!\s+type\b)\s*(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const BUILTINS = new Set(builtinModules);

function modulesUnder(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    return statSync(path.join(root, relative)).isDirectory() ? modulesUnder(root, relative) : /\.(ts|mjs)$/.test(name) ? [relative] : [];
  });
}

/** Each chain from a module under `dir` to a Node built-in, as `a.ts -> b.ts -> node:fs`. */
export function nodeImportChains(root: string, dir: string): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, trail: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(path.join(root, file), 'utf8');
    for (const match of text.matchAll(LOADING_IMPORT)) {
      const specifier = match[1] ?? match[2]!;
      if (specifier.startsWith('.')) {
        const target = path.join(path.dirname(file), specifier);
        if (existsSync(path.join(root, target))) visit(target, [...trail, target]);
      } else if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]!)) {
        chains.push([...trail, specifier].join(' -> '));
      }
    }
  };
  for (const file of modulesUnder(root, dir)) visit(file, [file]);
  return chains;
}
