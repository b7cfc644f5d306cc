/**
 * Hindsight's settings, read from an environment and a working directory that
 * the caller passes in. Each entry point (a CLI's start, astro.config.mjs, the
 * MCP server's start) calls {@link loadConfig} once and passes the result down;
 * nothing under src/lib reads `process.env` or keeps settings of its own. A
 * wrong value is a {@link HindsightError} (exit 2 at the edge).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { HindsightError } from '../errors.ts';
import { LIMIT_SETTINGS, type MdxMode, type SizeLimit, type SizeLimits } from '../postmortem/safety/limits.ts';
import { readSettings } from './settings-file.ts';

/** Where post-mortems live unless `POSTMORTEM_DIR` says otherwise (the spec's folder). */
export const DEFAULT_ARCHIVE_DIR = 'docs/spec/.llm/completed';

/** The environment as the settings read it: `process.env`, or what a test passes. */
export type Environment = Readonly<Record<string, string | undefined>>;

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
  /** Rows per page of the paged lists (`/incidents/`, `/incidents/page/2/`, …; the ledger shows twice as many). Env: `HINDSIGHT_PAGE_SIZE`; default 50. */
  pageSize: number;
  /** Size limits on one post-mortem, each with its override (see docs/FORMAT.md, "Limits"). */
  limits: SizeLimits;
  /** What an `.mdx` post-mortem may do. Env: `HINDSIGHT_MDX` (`safe`, the default, or `trusted`). */
  mdx: MdxMode;
  /**
   * Build a site even when validation finds errors (the report is still printed). Only for proving the renderer:
   * the hostile-corpus browser test builds with it, to show that sanitising holds when validation is bypassed.
   * Env: `HINDSIGHT_BUILD_INVALID=1`.
   */
  buildInvalid: boolean;
}

/** Rows per list page unless `HINDSIGHT_PAGE_SIZE` says otherwise: a page stays light at any archive size. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Reads the configuration from `processEnv`, over the settings kept in the repository at `cwd`
 * (settings-file.ts: package.json's `hindsight` key or hindsight.config.json), over the defaults
 * shown in {@link HindsightConfig}. Throws a one-line {@link HindsightError} for a wrong value.
 */
export function loadConfig(processEnv: Environment, cwd: string): HindsightConfig {
  const env: Environment = { ...readSettings(cwd), ...Object.fromEntries(Object.entries(processEnv).filter(([, value]) => value)) };
  const archiveDir = path.resolve(cwd, env.POSTMORTEM_DIR || DEFAULT_ARCHIVE_DIR);
  // Read first, as before, so a wrong HINDSIGHT_MDX is the error reported when several settings are wrong.
  const mdx = mdxMode(env);
  const limit = (name: keyof SizeLimits) => readLimit(env, LIMIT_SETTINGS[name].env, LIMIT_SETTINGS[name].fallback, LIMIT_SETTINGS[name].unit);
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
    pageSize: readLimit(env, 'HINDSIGHT_PAGE_SIZE', DEFAULT_PAGE_SIZE).value,
    limits: { fileBytes: limit('fileBytes'), tableRows: limit('tableRows'), tableColumns: limit('tableColumns'), cellChars: limit('cellChars'), bodyHtmlBytes: limit('bodyHtmlBytes') },
    mdx,
    buildInvalid: env.HINDSIGHT_BUILD_INVALID === '1',
  };
}

/** A limit from the environment (a whole number of `unit`s), or its default. */
function readLimit(env: Environment, name: string, fallback: number, unit = 1): SizeLimit {
  const text = env[name];
  if (!text) return { value: fallback * unit, env: name };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new HindsightError(`${name} must be a whole number above 0, not \`${text}\`.`);
  return { value: value * unit, env: name };
}

function readToday(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new HindsightError(`HINDSIGHT_TODAY must be a date written YYYY-MM-DD, not \`${value}\`.`);
  return value;
}

function normaliseBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** The MDX mode `env` sets (see {@link MdxMode}). */
export function mdxMode(env: Environment): MdxMode {
  const value = (env.HINDSIGHT_MDX ?? '').trim().toLowerCase();
  if (value === '' || value === 'safe') return 'safe';
  if (value === 'trusted') return 'trusted';
  throw new HindsightError(`HINDSIGHT_MDX must be \`safe\` or \`trusted\`, not \`${env.HINDSIGHT_MDX}\`.`);
}
