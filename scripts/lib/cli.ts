/**
 * What a CLI step needs from the outside world, passed in so tests can run
 * commands in-process without a terminal and read what they printed.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isMainThread } from 'node:worker_threads';
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

/** Prints `message` and the usage on standard error; returns exit code 2. */
export function usageError(ctx: CliContext, usage: string, message: string): number {
  ctx.stderr(`${message}\n\n${usage}`);
  return EXIT.usage;
}

/**
 * Reads a command's flags from `ctx.argv`. A malformed or unknown flag is a usage error and `--help`
 * prints the usage; both return the exit code to end with. Otherwise the parsed flags.
 */
export function parseCommand<T extends Omit<ParseArgsConfig, 'args'>>(ctx: CliContext, usage: string, config: T): ReturnType<typeof parseArgs<T>> | number {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs({ ...config, args: ctx.argv }) as ReturnType<typeof parseArgs<T>>;
  } catch (error) {
    return usageError(ctx, usage, (error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    ctx.stdout(usage);
    return EXIT.ok;
  }
  return parsed;
}

/** A usage error: the command was called wrongly (exit 2). */
export class UsageError extends Error {}

/** Runs `main` when the module is the process's entry point, exiting with its code. */
export function runIfMain(moduleUrl: string, main: (ctx: CliContext) => Promise<number> | number): void {
  if (!isMainThread || !process.argv[1] || realpath(process.argv[1]) !== realpath(fileURLToPath(moduleUrl))) return;
  Promise.resolve(main(processContext())).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}

/** The real path of a file, so a command started through a symlink still knows it is the entry point. */
function realpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
