/**
 * The MCP server's archive reader answers from memory while no file changed,
 * so its search index (kept per archive object) is built once; a new or
 * changed file is read again.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveReader } from '../../src/lib/agent/agent-archive.ts';
import { prepareSearch, searchPostmortems } from '../../src/lib/agent/agent-search.ts';

const EXAMPLES = path.resolve('docs/spec/.llm/completed');
const dir = mkdtempSync(path.join(os.tmpdir(), 'hindsight-warm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the archive reader of a long-running server', () => {
  it('keeps the archive and its search index while no file changes, and reads again when one does', () => {
    const tls = 'postmortem-2025-04-09-expired-tls-certificate.md';
    copyFileSync(path.join(EXAMPLES, tls), path.join(dir, tls));
    const read = archiveReader(dir, dir);
    const first = read();
    expect(read()).toBe(first);
    expect(prepareSearch(read().postmortems)).toBe(prepareSearch(first.postmortems));
    expect(searchPostmortems(read().postmortems, { query: 'pgbouncer' }).total).toBe(0);

    const pool = 'postmortem-2025-07-16-pgbouncer-pool-exhaustion.md';
    writeFileSync(path.join(dir, pool), readFileSync(path.join(EXAMPLES, pool)));
    const second = read();
    expect(second).not.toBe(first);
    expect(second.postmortems).toHaveLength(2);
    expect(searchPostmortems(second.postmortems, { query: 'pgbouncer' }).results[0]!.slug).toBe('2025-07-16-pgbouncer-pool-exhaustion');
  });
});
