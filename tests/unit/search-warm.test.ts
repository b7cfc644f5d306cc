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
  it('keeps the archive and its search index while no file changes, and reads again when one does', async () => {
    const tls = 'postmortem-2025-04-09-expired-tls-certificate.md';
    copyFileSync(path.join(EXAMPLES, tls), path.join(dir, tls));
    const read = archiveReader(dir, dir);
    const first = await read();
    expect(await read()).toBe(first);
    expect(prepareSearch((await read()).postmortems)).toBe(prepareSearch(first.postmortems));
    expect(searchPostmortems((await read()).postmortems, { query: 'pgbouncer' }).total).toBe(0);

    const pool = 'postmortem-2025-07-16-pgbouncer-pool-exhaustion.md';
    writeFileSync(path.join(dir, pool), readFileSync(path.join(EXAMPLES, pool)));
    const second = await read();
    expect(second).not.toBe(first);
    expect(second.postmortems).toHaveLength(2);
    expect(searchPostmortems(second.postmortems, { query: 'pgbouncer' }).results[0]!.slug).toBe('2025-07-16-pgbouncer-pool-exhaustion');

    // Changed in place, as an editor that writes into the file does: the folder's own time does not move.
    const text = readFileSync(path.join(dir, tls), 'utf8');
    writeFileSync(path.join(dir, tls), text.replace('## Lessons Learned', '## Lessons Learned\n\nThe zanzibarite probe now runs hourly.\n'));
    const third = await read();
    expect(third).not.toBe(second);
    expect(searchPostmortems(third.postmortems, { query: 'zanzibarite' }).results.map((result) => result.slug)).toEqual(['2025-04-09-expired-tls-certificate']);
    expect(await read()).toBe(third);
  });
});
