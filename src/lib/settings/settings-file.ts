/**
 * Settings kept in the user's repository: a `hindsight` key in its package.json,
 * or a hindsight.config.json beside it (not both). Each setting is the default of
 * one environment variable, which still overrides it, so config.ts reads one
 * source either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { HindsightError } from '../errors.ts';

/** The file name of the stand-alone settings file. */
export const SETTINGS_FILE = 'hindsight.config.json';

/** A value to show when a setting is wrong: what to write instead. */
const EXAMPLES: Record<keyof typeof SETTING_ENV, string> = {
  postmortemDir: '"docs/postmortems"',
  title: '"Acme incidents"',
  site: '"https://acme.github.io"',
  base: '"/ops/"',
  editUrl: '"https://github.com/acme/ops/edit/main/"',
  outDir: '"dist"',
  pageSize: '50',
};

/** Each setting and the environment variable it stands in for. */
export const SETTING_ENV = {
  postmortemDir: 'POSTMORTEM_DIR',
  title: 'HINDSIGHT_TITLE',
  site: 'HINDSIGHT_SITE',
  base: 'HINDSIGHT_BASE',
  editUrl: 'HINDSIGHT_EDIT_URL',
  outDir: 'HINDSIGHT_OUT_DIR',
  pageSize: 'HINDSIGHT_PAGE_SIZE',
} as const;

const text = z.string().min(1);
const settingsSchema = z
  .object({
    /** The post-mortem folder, relative to the repository root, e.g. `docs/postmortems`. */
    postmortemDir: text,
    /** The site's title, e.g. `Acme incidents`. */
    title: text,
    /** The site's absolute URL, e.g. `https://acme.github.io`. */
    site: z.string().url(),
    /** The path the site is served under, e.g. `/ops/`. */
    base: text,
    /** Prefix of "edit this file" links, e.g. `https://github.com/acme/ops/edit/main/`. */
    editUrl: z.string().url(),
    /** Where `build` writes the site, relative to the repository root. */
    outDir: text,
    /** Rows per page of the paged lists. */
    pageSize: z.number().int().positive(),
  })
  .partial()
  .strict();

export type Settings = z.infer<typeof settingsSchema>;

/**
 * The repository's settings as environment-variable defaults (`{ POSTMORTEM_DIR: 'docs/pm' }`).
 * Throws a one-line {@link HindsightError} naming the file, the key and the value.
 */
export function readSettings(cwd: string): Record<string, string> {
  const found = settingsIn(cwd);
  if (!found) return {};
  const parsed = settingsSchema.safeParse(found.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    const keys = Object.keys(SETTING_ENV).map((name) => `\`${name}\``).join(', ');
    if (issue.code === 'unrecognized_keys') throw new HindsightError(`${found.where}: unknown setting ${issue.keys.map((name) => `\`${name}\``).join(', ')}; the settings are ${keys}.`);
    if (!key) throw new HindsightError(`${found.where} must be an object of settings (${keys}), not \`${JSON.stringify(found.value)}\`.`);
    const value = (found.value as Record<string, unknown>)[issue.path[0] as string];
    const example = EXAMPLES[issue.path[0] as keyof typeof SETTING_ENV];
    throw new HindsightError(`${found.where}: \`${key}\` is \`${JSON.stringify(value)}\`: ${issue.message.replace(/^./, (c) => c.toLowerCase())}; write e.g. \`"${key}": ${example}\`.`);
  }
  return Object.fromEntries(Object.entries(parsed.data).map(([name, value]) => [SETTING_ENV[name as keyof Settings], String(value)]));
}

function settingsIn(cwd: string): { where: string; value: unknown } | null {
  const file = path.join(cwd, SETTINGS_FILE);
  const manifest = path.join(cwd, 'package.json');
  const inManifest = existsSync(manifest) ? (readJson(manifest, 'package.json') as Record<string, unknown> | null)?.hindsight : undefined;
  if (existsSync(file)) {
    if (inManifest !== undefined) throw new HindsightError(`Settings in both ${SETTINGS_FILE} and package.json's \`hindsight\` key; keep one of them.`);
    return { where: SETTINGS_FILE, value: readJson(file, SETTINGS_FILE) };
  }
  return inManifest === undefined ? null : { where: 'package.json "hindsight"', value: inManifest };
}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new HindsightError(`${name} is not valid JSON: ${(error as Error).message.split('\n', 1)[0]}.`);
  }
}
