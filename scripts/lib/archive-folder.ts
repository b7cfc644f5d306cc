/**
 * The post-mortem folder an agent command reads (--dir, POSTMORTEM_DIR or the default), checked without
 * reading a file, and the flags those commands share. No parser here: `search` answers from its snapshot
 * without one (reading the archive itself: read-archive-folder.ts).
 */
import path from 'node:path';
import { loadConfig } from '../../src/lib/config.ts';
import { listPostmortemFiles } from '../../src/lib/postmortem/archive-files.ts';
import { displayPath } from '../../src/lib/postmortem/display-path.ts';
import { EXIT, usageError, type CliContext } from './cli.ts';

/** The absolute post-mortem folder, or the exit code after saying why there is none (2: no such folder; 1: no post-mortems in it). */
export function archiveFolder(ctx: CliContext, usage: string, dirFlag: string | undefined): string | number {
  const dir = dirFlag ? path.resolve(ctx.cwd, dirFlag) : loadConfig(ctx.env, ctx.cwd).archiveDir;
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
  return dir;
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
