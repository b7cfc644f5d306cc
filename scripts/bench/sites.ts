/**
 * The two sites the benchmark builds side by side: Hindsight itself (this
 * repository, pointed at the generated folder) and a bare Astro baseline
 * generated from baseline-site/ in the bench folder. Both get a private,
 * empty cache folder so every build is cold and no build touches the
 * repository's own cache (other builds may be running in the checkout).
 */
import { cpSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TEMPLATE = fileURLToPath(new URL('./baseline-site', import.meta.url));
/** The Astro CLI, run with this Node so `npm`/`npx` start-up is not measured. */
export const ASTRO_BIN = path.join(REPO_ROOT, 'node_modules', 'astro', 'astro.js');

export interface SiteBuild {
  /** Folder to run `astro` in. */
  cwd: string;
  /** Arguments after `astro build` / `astro preview`. */
  args: string[];
  env: NodeJS.ProcessEnv;
  outDir: string;
}

/**
 * Hindsight as `npm run build` runs it, with two overrides: the output folder
 * (HINDSIGHT_OUT_DIR) and a cache folder, via a wrapper config that imports
 * the repository's astro.config.mjs unchanged.
 */
export function hindsightSite(benchDir: string, archiveDir: string, name: string): SiteBuild {
  const outDir = path.join(benchDir, `${name}-dist`);
  // The build's own chunks, run from the output folder during prerendering, resolve packages from here; the
  // build gate keeps validate's result cache in <cwd>/node_modules/.cache, which must start empty for a cold build.
  const modules = privateModules(benchDir);
  rmSync(path.join(modules, '.cache'), { recursive: true, force: true });
  const wrapper = path.join(benchDir, `${name}.astro.config.mjs`);
  writeFileSync(
    wrapper,
    `import config from ${JSON.stringify(path.join(REPO_ROOT, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(path.join(benchDir, `${name}-cache`))} };\n`,
  );
  return {
    // Run from the bench folder with --root: Astro keeps its build chunks in the output folder only when that
    // folder is inside the working directory, and otherwise in <cwd>/.astro/, which builds running in the checkout share.
    cwd: benchDir,
    // Astro joins --config onto the root, so it must be relative.
    args: ['--root', REPO_ROOT, '--config', path.relative(REPO_ROOT, wrapper)],
    env: { ...process.env, POSTMORTEM_DIR: archiveDir, HINDSIGHT_OUT_DIR: outDir, HINDSIGHT_BASE: '/', ASTRO_TELEMETRY_DISABLED: '1' },
    outDir,
  };
}

/**
 * `<dir>/node_modules` as a real folder holding a link to each of this repository's packages, but no `.cache`:
 * a link to the whole folder would share the repository's caches (validate's results among them), so a build
 * that should be cold would find the archive already checked. Returns the folder.
 */
export function privateModules(dir: string): string {
  const modules = path.join(dir, 'node_modules');
  // Bench folders made before this function linked the whole folder: drop the link, never what it points to.
  if (lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(modules);
  mkdirSync(modules, { recursive: true });
  const shared = path.join(REPO_ROOT, 'node_modules');
  for (const name of readdirSync(shared)) {
    const link = path.join(modules, name);
    if (name !== '.cache' && !lstatSync(link, { throwIfNoEntry: false })) symlinkSync(path.join(shared, name), link, 'dir');
  }
  return modules;
}

/**
 * The bare Astro project: baseline-site/ copied (dropping `.tpl`), sharing this repository's node_modules.
 * `markdown`: Markdown options to use instead of Astro's defaults.
 */
export function baselineSite(benchDir: string, archiveDir: string, name: string, markdown: Record<string, unknown> = {}): SiteBuild {
  const root = path.join(benchDir, name);
  mkdirSync(root, { recursive: true });
  cpSync(TEMPLATE, root, { recursive: true });
  untemplate(root);
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const outDir = path.join(root, 'dist');
  return {
    cwd: root,
    args: [],
    env: {
      ...process.env,
      BENCH_ARCHIVE_DIR: archiveDir,
      BENCH_OUT_DIR: outDir,
      BENCH_CACHE_DIR: path.join(root, '.astro-cache'),
      BENCH_MARKDOWN: JSON.stringify(markdown),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    outDir,
  };
}

function untemplate(dir: string): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) untemplate(full);
    else if (name.endsWith('.tpl')) renameSync(full, full.slice(0, -'.tpl'.length));
  }
}
