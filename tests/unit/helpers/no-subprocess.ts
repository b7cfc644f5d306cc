/**
 * The unit project's promise, held: a test in it starts no process. Every way
 * `node:child_process` starts one throws here, so a test that needs a real
 * process (a build, a CLI, a language server, a terminal) fails until it is
 * listed in the integration project (vitest.config.ts).
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const name of STARTERS) {
  (childProcess as unknown as Record<string, unknown>)[name] = (command: unknown) => {
    throw new Error(`child_process.${name}(${JSON.stringify(command)}) in the unit project: a test that starts a process belongs to the integration project (vitest.config.ts).`);
  };
}
// Modules that imported the functions by name see the replacements too.
syncBuiltinESMExports();
