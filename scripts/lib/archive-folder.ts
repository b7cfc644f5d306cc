/**
 * The post-mortem folder an agent command reads (--dir, POSTMORTEM_DIR or the default), checked without
 * reading a file, and the flags those commands share. No parser here: `search` answers from its snapshot
 * without one (reading the archive itself: read-archive-folder.ts).
 */
import path from 'node:path';
import { loadConfig, type HindsightConfig } from '../../src/lib/settings/load-config.ts';
import { listPostmortemFiles } from '../../src/lib/postmortem/archive/archive-files.ts';
import { displayPath } from '../../src/lib/postmortem/archive/display-path.ts';
import { EXIT, usageError, type CliContext } from './cli.ts';

/** The archive folder a command reads. */
export interface ArchiveFolder {
  /** Absolute. */
  dir: string;
  /** The repository's settings, which the folder is read under. */
  settings: HindsightConfig;
}

/** The post-mortem folder and its settings, or the exit code after saying why there is none (2: no such folder; 1: no post-mortems in it). */
export function archiveFolder(ctx: CliContext, usage: string, dirFlag: string | undefined): ArchiveFolder | number {
  const settings = loadConfig(ctx.env, ctx.cwd);
  const dir = dirFlag ? path.resolve(ctx.cwd, dirFlag) : settings.archiveDir;
  let files: string[];
  try {
    files = listPostmortemFiles(dir);
  } catch {
    return usageError(ctx, usage, `No such folder: \`${displayPath(dir, ctx.cwd)}\`${dirFlag ? '' : ' (set POSTMORTEM_DIR or pass --dir)'}`);
  }
  if (files.length === 0) {
    ctx.stderr(`No post-mortems (*.md, *.mdx) in ${displayPath(dir, ctx.cwd)}.\n`);
    return EXIT.invalid;
  }
  return { dir, settings };
}

export const OUTPUT_FORMATS = ['table', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** The flags every agent command takes beside its own: --format (table or json), --dir, --help. */
export function agentCommandFlags(defaultFormat: OutputFormat) {
  return {
    format: { type: 'string', default: defaultFormat as string },
    dir: { type: 'string' },
    help: { type: 'boolean', default: false },
  } as const;
}

/** Checks --format; returns it, or the exit code of the usage error. */
export function readFormat(ctx: CliContext, usage: string, value: string): OutputFormat | number {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  return usageError(ctx, usage, `Unknown --format \`${value}\`; use table or json.`);
}
