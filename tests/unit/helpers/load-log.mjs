// `node --import ./load-log.mjs …`: appends the URL of every module the process loads to the file named by
// HINDSIGHT_LOAD_LOG, so a test can see what a command loads and when (tests/unit/mcp-startup.test.ts).
import { register } from 'node:module';

register('./load-log-hooks.mjs', import.meta.url, { data: { file: process.env.HINDSIGHT_LOAD_LOG } });
