/**
 * The one place Hindsight's settings live. Every CLI, the build gate and the
 * site read them from here; each can be overridden by an environment variable
 * so a team can point Hindsight at its own repository without editing code.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { readSettings, SettingsError } from './settings-file.ts';

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
  /** Rows per page of the paged lists (`/incidents/`, `/incidents/page/2/`, …; the ledger shows twice as many). Env: `HINDSIGHT_PAGE_SIZE`; default 50. */
  pageSize: number;
  /** Size limits on one post-mortem, each with its override (see docs/FORMAT.md, "Limits"). */
  limits: SizeLimits;
}

/** A limit and the environment variable that overrides it. */
export interface SizeLimit {
  value: number;
  env: string;
}

export interface SizeLimits {
  /** Bytes in one file. Env: `HINDSIGHT_MAX_FILE_KB` (KiB). */
  fileBytes: SizeLimit;
  /** Rows in one Markdown table. Env: `HINDSIGHT_MAX_TABLE_ROWS`. */
  tableRows: SizeLimit;
  /** Columns in one Markdown table. Env: `HINDSIGHT_MAX_TABLE_COLUMNS`. */
  tableColumns: SizeLimit;
  /** Characters in one table cell. Env: `HINDSIGHT_MAX_CELL_CHARS`. */
  cellChars: SizeLimit;
  /** Bytes of HTML one post-mortem's body may render to. Env: `HINDSIGHT_MAX_BODY_HTML_KB` (KiB). */
  bodyHtmlBytes: SizeLimit;
}

/**
 * Defaults chosen so that one post-mortem cannot make any page heavier than 2 MB of HTML;
 * the reasoning is in docs/FORMAT.md ("Limits").
 */
export const DEFAULT_LIMITS = { fileKiB: 128, tableRows: 100, tableColumns: 20, cellChars: 500, bodyHtmlKiB: 1536 } as const;

/** Rows per list page unless `HINDSIGHT_PAGE_SIZE` says otherwise: a page stays light at any archive size. */
export const DEFAULT_PAGE_SIZE = 50;

/**
 * Reads the configuration from the environment, over the settings kept in the repository
 * (settings-file.ts: package.json's `hindsight` key or hindsight.config.json), over the defaults
 * shown in {@link HindsightConfig}.
 */
export function loadConfig(processEnv: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): HindsightConfig {
  let env: NodeJS.ProcessEnv;
  try {
    env = { ...readSettings(cwd), ...Object.fromEntries(Object.entries(processEnv).filter(([, value]) => value)) };
  } catch (error) {
    throw error instanceof SettingsError ? new ConfigError(error.message) : error;
  }
  const archiveDir = path.resolve(cwd, env.POSTMORTEM_DIR || DEFAULT_ARCHIVE_DIR);
  // Read here too, so a wrong HINDSIGHT_MDX stops the process at start with the other settings' errors.
  mdxMode(env);
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
    limits: {
      fileBytes: readLimit(env, 'HINDSIGHT_MAX_FILE_KB', DEFAULT_LIMITS.fileKiB, 1024),
      tableRows: readLimit(env, 'HINDSIGHT_MAX_TABLE_ROWS', DEFAULT_LIMITS.tableRows),
      tableColumns: readLimit(env, 'HINDSIGHT_MAX_TABLE_COLUMNS', DEFAULT_LIMITS.tableColumns),
      cellChars: readLimit(env, 'HINDSIGHT_MAX_CELL_CHARS', DEFAULT_LIMITS.cellChars),
      bodyHtmlBytes: readLimit(env, 'HINDSIGHT_MAX_BODY_HTML_KB', DEFAULT_LIMITS.bodyHtmlKiB, 1024),
    },
  };
}

/** A limit from the environment (a whole number of `unit`s), or its default. */
function readLimit(env: NodeJS.ProcessEnv, name: string, fallback: number, unit = 1): SizeLimit {
  const text = env[name];
  if (!text) return { value: fallback * unit, env: name };
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a whole number above 0, not \`${text}\`.`);
  return { value: value * unit, env: name };
}

/** A setting in the environment is wrong: an environment error (exit 2), not a bug. */
export class ConfigError extends Error {}

function readToday(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new ConfigError(`HINDSIGHT_TODAY must be a date written YYYY-MM-DD, not \`${value}\`.`);
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
  throw new ConfigError(`HINDSIGHT_MDX must be \`safe\` or \`trusted\`, not \`${env.HINDSIGHT_MDX}\`.`);
}

/**
 * Build a site even when validation finds errors (the report is still printed). Only for proving the renderer:
 * the hostile-corpus browser test builds with it, to show that sanitising holds when validation is bypassed.
 * Env: `HINDSIGHT_BUILD_INVALID=1`.
 */
export function buildInvalid(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.HINDSIGHT_BUILD_INVALID === '1';
}

/**
 * The configuration of this process. A wrong setting stops the process here with one line and
 * exit code 2 (an environment error), before any command or the build would show a stack trace.
 */
export const config: HindsightConfig = configOfProcess();

function configOfProcess(): HindsightConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
}
