/**
 * What a CLI step needs from the outside world, passed in so tests can run
 * commands in-process without a terminal and read what they printed.
 */
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { HindsightError } from '../../src/lib/errors.ts';
import { nearestWord } from '../../src/lib/postmortem/edit-distance.ts';
import type { Prompter } from './prompter.ts';

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface CliContext {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when a person can answer prompts. */
  interactive: boolean;
  /** Asks questions when `interactive`; a command that needs it uses @clack/prompts when this is left out. Tests pass a stub. */
  prompt?: Prompter;
}

/** The real process as a context. */
export function processContext(): CliContext {
  return {
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
}

/**
 * Prints what is wrong in one line and where the usage is, not the usage itself:
 * a 30-line help buries the one line that matters. Returns exit code 2.
 */
export function usageError(ctx: CliContext, usage: string, message: string): number {
  ctx.stderr(`${message.split('\n', 1)[0]!.trim()}\n${helpHint(usage)}\n`);
  return EXIT.usage;
}

/** `Run \`npm run search -- --help\` for usage.`, the command read from the usage's first line. */
function helpHint(usage: string): string {
  const command = /^Usage:\s+(npm run (?:--silent )?[\w-]+|npx hindsight [\w-]+|\S+)/.exec(usage)?.[1];
  if (!command) return 'Run with --help for usage.';
  return `Run \`${command}${command.startsWith('npm run') ? ' --' : ''} --help\` for usage.`;
}

/**
 * node:util's parse error in the house style: the bad value in backticks and,
 * for an unknown flag, the nearest one the command has ("did you mean `--severity`?").
 */
function describeParseError(error: NodeJS.ErrnoException, options: FlagConfig['options']): string {
  const message = error.message.split('\n', 1)[0]!.replace(/'([^']*)'/g, '`$1`');
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return message;
  const flag = /`(-[^`]*)`/.exec(message)?.[1] ?? '';
  const known = Object.keys(options ?? {}).map((name) => `--${name}`);
  const near = flag.startsWith('--') ? nearestWord(flag.split('=', 1)[0]!, known) : undefined;
  return `Unknown option \`${flag}\`${near ? `; did you mean \`${near}\`?` : '.'}`;
}

/** A command's flags, as node:util's parseArgs takes them (the arguments come from the context). */
export type FlagConfig = Omit<ParseArgsConfig, 'args'>;

/** What {@link parseCommand} returns for `T`: `values` and `positionals`. */
export type ParsedFlags<T extends FlagConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * Reads a command's flags from `ctx.argv`. A malformed or unknown flag is a usage error and `--help`
 * prints the usage; both return the exit code to end with. Otherwise the parsed flags.
 */
export function parseCommand<T extends FlagConfig>(ctx: CliContext, usage: string, config: T): ParsedFlags<T> | number {
  let parsed: ParsedFlags<T>;
  try {
    parsed = parseArgs({ ...config, args: ctx.argv }) as ParsedFlags<T>;
  } catch (error) {
    return usageError(ctx, usage, describeParseError(error as NodeJS.ErrnoException, config.options));
  }
  if ((parsed.values as { help?: boolean }).help) {
    ctx.stdout(usage);
    return EXIT.ok;
  }
  return parsed;
}

/** A usage error: the command was called wrongly (exit 2). */
export class UsageError extends Error {}

/**
 * Runs `main` when the module is the process's entry point, exiting with its code.
 * This is every CLI's one error boundary: nothing reaches the terminal as a stack trace.
 */
export function runIfMain(moduleUrl: string, main: (ctx: CliContext) => Promise<number> | number): void {
  if (!isMainThread || !process.argv[1] || realpath(process.argv[1]) !== realpath(fileURLToPath(moduleUrl))) return;
  const ctx = processContext();
  Promise.resolve()
    .then(() => main(ctx))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        ctx.stderr(`${describeFailure(error, ctx.env)}\n`);
        process.exitCode = error instanceof HindsightError && error.kind === 'content' ? EXIT.invalid : EXIT.usage;
      },
    );
}

/** File-system and system errors: the environment is wrong (a path, a permission, a full disk), not Hindsight. */
const ENVIRONMENT_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOENT', 'ENOTDIR', 'EISDIR', 'EEXIST', 'ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EBUSY', 'ELOOP', 'ENAMETOOLONG', 'EXDEV', 'EIO', 'EPIPE', 'EAGAIN']);

/**
 * One line for an error that ended a command: the environment's problem as it is
 * (exit 2), or, for anything else, a short note that it is a bug in Hindsight.
 * `HINDSIGHT_DEBUG=1` adds the stack trace, for bug reports.
 */
export function describeFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const debug = env.HINDSIGHT_DEBUG === '1' && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  if (error instanceof UsageError) return `${firstLine(error.message)}${debug}`;
  if (error instanceof HindsightError) return `${firstLine(error.message)}${error.hint ? ` ${error.hint}` : ''}${debug}`;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && ENVIRONMENT_CODES.has(code)) return `${describeSystemError(error as NodeJS.ErrnoException & { dest?: string })}${debug}`;
  const message = error instanceof Error ? error.message : String(error);
  return `Hindsight stopped on an unexpected error (a bug in Hindsight): ${firstLine(message)}. Please report it with the command you ran (HINDSIGHT_DEBUG=1 shows the details).${debug}`;
}

/** `EACCES: permission denied, open '/x'` as `Cannot open \`/x\`: permission denied (EACCES).` */
function describeSystemError(error: NodeJS.ErrnoException & { dest?: string }): string {
  const reason = /^[A-Z]+: ([^,]+)/.exec(error.message)?.[1] ?? error.message;
  if (!error.syscall || !error.path) return firstLine(error.message);
  return firstLine(`Cannot ${error.syscall} \`${error.path}\`${error.dest ? ` to \`${error.dest}\`` : ''}: ${reason} (${error.code}).`);
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/**
 * Why `dir` cannot take new files, or null: it (or the nearest folder it would be created in)
 * must be a folder this process may write to.
 */
export function writableFolderProblem(dir: string, shown = dir): string | null {
  let existing = path.resolve(dir);
  for (;;) {
    try {
      const stats = statSync(existing);
      if (!stats.isDirectory()) return existing === path.resolve(dir) ? `\`${shown}\` is not a folder.` : `\`${shown}\` cannot be created: \`${existing}\` is a file, not a folder.`;
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return `\`${shown}\` cannot be created: a part of the path is a file, not a folder.`;
      if (code !== 'ENOENT' || path.dirname(existing) === existing) return `\`${shown}\` cannot be used: ${(error as Error).message}`;
      existing = path.dirname(existing);
    }
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    return existing === path.resolve(dir) ? `\`${shown}\` is not writable.` : `\`${shown}\` cannot be created: \`${existing}\` is not writable.`;
  }
  return null;
}

/** The real path of a file, so a command started through a symlink still knows it is the entry point. */
function realpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
