import { defineConfig } from 'vitest/config';

/**
 * Tests that start processes (Astro builds, the CLIs, the MCP server, a language
 * server, a pseudo-terminal, git, Pagefind, the image checker's child), run the
 * TypeScript compiler over the sources (`npm run schemas --check`) or run at scale
 * by design (linearity, property and archive-scale runs, the bench's generated
 * archive, the labelled relevance set). They form the
 * `integration` project; everything else is the fast `unit` project
 * (`npm run test:unit`), which cannot start a process
 * (tests/unit/helpers/no-subprocess.ts makes it throw).
 */
const INTEGRATION_TESTS = [
  'action-items-cli',
  'adopter-workflows',
  'adoption',
  'agent-commands',
  'assets',
  'bench-generator',
  'build-gate',
  'build-out-dir',
  'bundle-entry',
  'cli-bin',
  'cli-errors',
  'cli-usage',
  'content-loader',
  'editor-intellisense',
  'hostile-build',
  'hostile-input',
  'json-schema',
  'launch-installed',
  'learning-scale',
  'mcp-inspector',
  'mcp-server',
  'mcp-startup',
  'migrate-agent-step7',
  'new-postmortem-terminal',
  'new-postmortem',
  'parser-properties',
  'rule-linearity',
  'scaffold-final',
  'search-index',
  'search-ranking',
  'search-relevance',
  'search-snapshot-differential',
  'unsafe-html',
  'validate-cache',
  'validate-cli',
  'validate-parallel',
  'why-steps-commonmark',
].map((name) => `tests/unit/${name}.test.ts`);

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 240_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: INTEGRATION_TESTS, setupFiles: ['tests/unit/helpers/no-subprocess.ts'] } },
      { extends: true, test: { name: 'integration', include: INTEGRATION_TESTS } },
    ],
  },
});
