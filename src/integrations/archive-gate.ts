/**
 * The build gate: `astro build` checks the archive with the same rules and
 * the same messages as `npm run validate` (one assembly, validate.ts, and one
 * result cache, validation-cache.ts), and stops on any invalid file or
 * an empty archive. `astro dev` reports the problems and keeps serving.
 */
import { existsSync } from 'node:fs';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { HindsightError } from '../lib/errors.ts';
import type { HindsightConfig } from '../lib/settings/load-config.ts';
import { displayPath, loadArchive } from '../lib/postmortem/archive/archive.ts';
import { openValidationCache } from '../lib/postmortem/validation/validation-cache.ts';
import { formatPretty, summaryLine } from '../lib/postmortem/validation/validation-report.ts';
import { publishArchiveReader } from '../lib/build/archive-reader.ts';
import { endOnProblem } from './astro-edge.ts';

export function archiveGate(settings: HindsightConfig): AstroIntegration {
  return {
    name: 'hindsight:archive-gate',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // The pages read the archive through this process's reader, the one that holds the gate's reading.
        publishArchiveReader(loadArchive);
        if (command !== 'build' && command !== 'dev') return;
        try {
          checkArchive(settings, command, logger);
        } catch (error) {
          endOnProblem(logger, error);
        }
      },
    },
  };
}

/** Reports the archive's problems; throws when the command must stop. */
function checkArchive(settings: HindsightConfig, command: 'build' | 'dev', logger: AstroIntegrationLogger): void {
  const { archiveDir } = settings;
  const folder = displayPath(archiveDir);
  if (!existsSync(archiveDir)) stop(`The post-mortem folder \`${folder}\` does not exist. Create it, or set POSTMORTEM_DIR to your folder.`);
  // Validate's own cache: files unchanged since `npm run validate` (or the last build) are not checked again.
  const { result } = loadArchive(archiveDir, settings, openValidationCache());
  if (result.summary.files === 0) {
    stop(`No post-mortems (*.md, *.mdx) in \`${folder}\`. Add one with \`npx hindsight new-postmortem\`, or set POSTMORTEM_DIR to your folder.`);
  }
  const problems = result.summary.errors + result.summary.warnings;
  if (problems) logger[result.summary.invalid ? 'error' : 'warn'](`\n${formatPretty(result)}`);
  else logger.info(summaryLine(result));
  if (result.summary.invalid && command === 'build' && settings.buildInvalid) {
    logger.warn('HINDSIGHT_BUILD_INVALID=1: building anyway. Invalid content is still sanitised, but do not publish this site.');
  } else if (result.summary.invalid && command === 'build') {
    stop(`The build stops here: fix the problems above (\`npx hindsight validate\` prints the same report).`);
  }
}

/** A problem that ends the build (exit 1): invalid content is not a crash. */
function stop(message: string): never {
  throw new HindsightError(message, '', 'content');
}
