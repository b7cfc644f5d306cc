/**
 * Where the Astro process meets a {@link HindsightError}: the settings are read
 * here once (astro.config.mjs), and a problem thrown below (a wrong setting, an
 * invalid archive, a body too large) ends the command as every Hindsight
 * command does: its message on one line, exit 2 for usage, 1 for content.
 * Astro would print a stack trace under an error thrown from a hook, which buries
 * the report; invalid content is not a crash.
 */
import type { AstroIntegrationLogger } from 'astro';
import type { Loader } from 'astro/loaders';
import { HindsightError } from '../lib/errors.ts';
import { loadConfig, type Environment, type HindsightConfig } from '../lib/settings/load-config.ts';

const EXIT_CODE = { usage: 2, content: 1 } as const;

/** Ends the process for `error` when it is a {@link HindsightError}; rethrows anything else (a bug: Astro's trace helps). */
export function endOnProblem(logger: Pick<AstroIntegrationLogger, 'error'> | null, error: unknown): never {
  if (!(error instanceof HindsightError)) throw error;
  const text = error.hint ? `${error.message}\n    Hint: ${error.hint}` : error.message;
  if (logger) logger.error(text);
  else process.stderr.write(`${text}\n`);
  process.exit(EXIT_CODE[error.kind]);
}

/** The settings of this Astro process, read once from its environment and working directory. */
export function readSettingsAtEdge(env: Environment, cwd: string): HindsightConfig {
  try {
    return loadConfig(env, cwd);
  } catch (error) {
    return endOnProblem(null, error);
  }
}

/** `loader`, with a problem it throws ending the build as {@link endOnProblem} says. */
export function loaderAtEdge(loader: Loader): Loader {
  return {
    ...loader,
    async load(context) {
      try {
        await loader.load(context);
      } catch (error) {
        endOnProblem(context.logger, error);
      }
    },
  };
}
