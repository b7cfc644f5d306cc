/**
 * The one place Hindsight's settings live. Every CLI, the build gate and the
 * site read them from here; each can be overridden by an environment variable
 * so a team can point Hindsight at its own repository without editing code.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Where post-mortems live unless `POSTMORTEM_DIR` says otherwise (the spec's folder). */
export const DEFAULT_ARCHIVE_DIR = 'docs/spec/.llm/completed';

export interface HindsightConfig {
  /** Absolute path of the post-mortem folder. Env: `POSTMORTEM_DIR` (relative to the working directory). */
  archiveDir: string;
  /** Site title shown in the header and feed. Env: `HINDSIGHT_TITLE`. */
  siteTitle: string;
  /** Absolute site URL, used by the feed and sitemap. Env: `HINDSIGHT_SITE`. */
  site: string;
  /** Base path the site is served under, e.g. `/org/repo/`. Env: `HINDSIGHT_BASE`. */
  base: string;
  /**
   * URL prefix for "edit this file" links; the file's path relative to the repository root is appended.
   * Env: `HINDSIGHT_EDIT_URL`, e.g. `https://github.com/acme/ops/edit/main/`. Empty: no edit link.
   */
  editUrl: string;
  /** Root of the repository that holds the post-mortems; edit links use paths relative to it. Env: `HINDSIGHT_REPO_ROOT`. */
  repoRoot: string;
  /** Pins the site's "today" (`YYYY-MM-DD`) instead of the build date. Env: `HINDSIGHT_TODAY`. */
  today: string | null;
  /** Where `astro build` writes the site. Env: `HINDSIGHT_OUT_DIR`. */
  outDir: string;
  /**
   * Astro's cache (content data store), one per archive folder, so builds of
   * different archives (tests, benchmarks) never read each other's entries.
   */
  cacheDir: string;
}

/** Reads the configuration from the environment (defaults shown in {@link HindsightConfig}). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HindsightConfig {
  const archiveDir = path.resolve(cwd, env.POSTMORTEM_DIR || DEFAULT_ARCHIVE_DIR);
  return {
    archiveDir,
    siteTitle: env.HINDSIGHT_TITLE || 'Hindsight',
    site: env.HINDSIGHT_SITE || 'https://hindsight.example.com',
    base: normaliseBase(env.HINDSIGHT_BASE || '/'),
    editUrl: env.HINDSIGHT_EDIT_URL || '',
    repoRoot: path.resolve(cwd, env.HINDSIGHT_REPO_ROOT || '.'),
    today: readToday(env.HINDSIGHT_TODAY),
    outDir: path.resolve(cwd, env.HINDSIGHT_OUT_DIR || 'dist'),
    cacheDir: path.resolve(cwd, 'node_modules/.astro', createHash('sha1').update(archiveDir).digest('hex').slice(0, 12)),
  };
}

function readToday(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`HINDSIGHT_TODAY must be a date written YYYY-MM-DD, not \`${value}\`.`);
  return value;
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * What an `.mdx` post-mortem may do. `safe` (default): Markdown and literal HTML only, nothing runs at build time
 * (imports, exports, expressions, components and `set:html` are validation errors and are never compiled).
 * `trusted`: full MDX, for teams that review post-mortems as code. Env: `HINDSIGHT_MDX`. See docs/FORMAT.md.
 */
export type MdxMode = 'safe' | 'trusted';

export function mdxMode(env: NodeJS.ProcessEnv = process.env): MdxMode {
  const value = (env.HINDSIGHT_MDX ?? '').trim().toLowerCase();
  if (value === '' || value === 'safe') return 'safe';
  if (value === 'trusted') return 'trusted';
  throw new Error(`HINDSIGHT_MDX must be \`safe\` or \`trusted\`, not \`${env.HINDSIGHT_MDX}\`.`);
}

/**
 * Build a site even when validation finds errors (the report is still printed). Only for proving the renderer:
 * the hostile-corpus browser test builds with it, to show that sanitising holds when validation is bypassed.
 * Env: `HINDSIGHT_BUILD_INVALID=1`.
 */
export function buildInvalid(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HINDSIGHT_BUILD_INVALID === '1';
}

/** The configuration of this process. */
export const config: HindsightConfig = loadConfig();
