/**
 * How much of one post-mortem Hindsight reads and renders, and what an `.mdx`
 * may do. The adjustable limits and the MDX mode are settings: the entry point
 * reads them (src/lib/settings/load-config.ts) and passes a {@link CheckSettings}
 * down; the YAML and field bounds are fixed, because no frontmatter needs more.
 */

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
 * Each adjustable limit: its default (in `unit`s) and the variable that overrides it. Defaults chosen so
 * that one post-mortem cannot make any page heavier than 2 MB of HTML; the reasoning is in docs/FORMAT.md ("Limits").
 */
export const LIMIT_SETTINGS: Record<keyof SizeLimits, { env: string; fallback: number; unit: number }> = {
  fileBytes: { env: 'HINDSIGHT_MAX_FILE_KB', fallback: 128, unit: 1024 },
  tableRows: { env: 'HINDSIGHT_MAX_TABLE_ROWS', fallback: 100, unit: 1 },
  tableColumns: { env: 'HINDSIGHT_MAX_TABLE_COLUMNS', fallback: 20, unit: 1 },
  cellChars: { env: 'HINDSIGHT_MAX_CELL_CHARS', fallback: 500, unit: 1 },
  bodyHtmlBytes: { env: 'HINDSIGHT_MAX_BODY_HTML_KB', fallback: 1536, unit: 1024 },
};

/** A limit at its default. */
function defaultLimit(name: keyof SizeLimits): SizeLimit {
  const { env, fallback, unit } = LIMIT_SETTINGS[name];
  return { value: fallback * unit, env };
}

/** The limits when no setting raises one. */
export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  fileBytes: defaultLimit('fileBytes'),
  tableRows: defaultLimit('tableRows'),
  tableColumns: defaultLimit('tableColumns'),
  cellChars: defaultLimit('cellChars'),
  bodyHtmlBytes: defaultLimit('bodyHtmlBytes'),
};

/**
 * What an `.mdx` post-mortem may do. `safe` (default): Markdown and literal HTML only, nothing runs at build time
 * (imports, exports, expressions, components and `set:html` are validation errors and are never compiled).
 * `trusted`: full MDX, for teams that review post-mortems as code. Env: `HINDSIGHT_MDX`. See docs/FORMAT.md.
 */
export type MdxMode = 'safe' | 'trusted';

/** The settings a check depends on: the same file is judged the same way under the same settings. */
export interface CheckSettings {
  limits: SizeLimits;
  mdx: MdxMode;
}

/** The settings of a repository that set none (tests, the benchmark's generated archives). */
export const DEFAULT_CHECK_SETTINGS: CheckSettings = { limits: DEFAULT_SIZE_LIMITS, mdx: 'safe' };

export const LIMITS = {
  /** Characters in the frontmatter block: metadata needs a few hundred; the cap keeps YAML parsing linear in practice. */
  frontmatterChars: 64 * 1024,
  /** YAML alias nodes (`*name`) in the frontmatter. */
  yamlAliases: 50,
  /** How many copies alias expansion may make (`yaml`'s maxAliasCount). */
  yamlAliasExpansion: 100,
  /**
   * Frontmatter values that pages repeat (the title and services on every action item row of the
   * ledger, tags on the list): bounded so repetition cannot multiply a long value.
   */
  titleChars: 200,
  /** Rows of the Action Items table: the ledger page repeats the post-mortem's title and services on each. */
  actionItems: 50,
  listEntries: 20,
  listEntryChars: 60,
  urlChars: 2000,
} as const;
