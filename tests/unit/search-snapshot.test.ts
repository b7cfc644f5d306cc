/**
 * The search snapshot a cold `hindsight search` reads (search-snapshot.ts):
 * it holds the ranking's own index (Pagefind's formula, ranking.ts) and
 * answers exactly as the archive read in memory does, it is used while no
 * file changed (so nothing is parsed), and it is made again when one did, when
 * the code or the check settings differ, or when it cannot be read.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { prepareSearch, searchPostmortems, searchSource, type SearchRequest } from '../../src/lib/agent/agent-search.ts';
import { openSearchSource } from '../../src/lib/agent/search-snapshot.ts';
import { DEFAULT_CHECK_SETTINGS, DEFAULT_SIZE_LIMITS } from '../../src/lib/postmortem/safety/limits.ts';
import { packRanking, unpackRanking } from '../../src/lib/search/packed-ranking.ts';
import { createRanking } from '../../src/lib/search/ranking.ts';

const EXAMPLES = path.resolve('docs/spec/.llm/completed');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-snapshot-'));
const dir = path.join(scratch, 'archive');
const cacheDir = path.join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const REQUESTS: SearchRequest[] = [
  { query: 'postgres connection pool' },
  { query: 'certficate expired' },
  { query: 'OPS-1108' },
  { query: 'deploy rollback', severity: 'SEV-2' },
  { query: 'queue', service: 'billing', since: '2025-01-01' },
  { query: '', limit: 50 },
  { query: 'timeout', limit: 3, verbatim: true },
  // Partial matches, beginnings of words, compound ids and metadata words: the merge and every part of the formula.
  { query: 'database failover zanzibar', limit: 50 },
  { query: 'cert', limit: 50 },
  { query: 'dns resolution outage', limit: 50 },
  { query: '@platform-team', limit: 50 },
  { query: 'rate limit retry storm', limit: 50, verbatim: true },
];
const v1 = (settings = DEFAULT_CHECK_SETTINGS) => openSearchSource(dir, scratch, cacheDir, settings, 'v1');
const v2 = () => openSearchSource(dir, scratch, cacheDir, DEFAULT_CHECK_SETTINGS, 'v2');

const snapshotFiles = () => readdirSync(cacheDir).filter((name) => name.startsWith('search-'));

describe('the search snapshot of a cold command', () => {
  it('answers every request as the archive in memory does, before and after it is written', async () => {
    mkdirSync(dir);
    for (const name of readdirSync(EXAMPLES)) copyFileSync(path.join(EXAMPLES, name), path.join(dir, name));
    const expected = REQUESTS.map((request) => searchPostmortems(readArchive(dir, scratch).postmortems, request));
    // First run: read from the archive, snapshot written; second run: from the snapshot.
    for (const run of [1, 2]) {
      const source = await v1();
      expect(REQUESTS.map((request) => searchSource(source, request)), `run ${run}`).toEqual(expected);
    }
    expect(snapshotFiles()).toHaveLength(1);
  });

  it('stores the ranking index whole: read back, it scores every query exactly as the one made in memory', () => {
    const { data, ranking } = prepareSearch(readArchive(dir, scratch).postmortems);
    const memory = createRanking(data.documents);
    const { head, postings } = packRanking(ranking);
    const stored = createRanking([], unpackRanking(head, (from, to) => postings.slice(from, to)));
    const words = new Set(data.documents.flatMap((document) => document.blocks.flatMap((block) => block.text.toLowerCase().split(/\s+/))));
    const queries = [...words].filter((_, at) => at % 7 === 0).slice(0, 300);
    for (const [at, word] of queries.entries()) {
      const query = `${word} ${queries[(at * 13) % queries.length]}`;
      for (const asked of [word, word.slice(0, 3), query]) expect(stored.rank(asked), asked).toEqual(memory.rank(asked));
      expect(stored.holds(word), word).toBe(memory.holds(word));
    }
  });

  it('is used while no file changed: a file edited behind its back (same size, same time) is not read again', async () => {
    const file = path.join(dir, 'postmortem-2025-04-09-expired-tls-certificate.md');
    // A whole second, which utimes sets exactly (a file's own time has nanoseconds it could not put back).
    const mtime = new Date('2026-01-02T03:04:05Z');
    utimesSync(file, mtime, mtime);
    await v1();
    const { size } = statSync(file);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('certificate', 'zanzibarite'));
    utimesSync(file, mtime, mtime);
    expect(statSync(file).size).toBe(size);
    expect(searchSource(await v1(), { query: 'zanzibarite', verbatim: true }).total).toBe(0);
    // A new time is a change: the archive is read again and the snapshot made anew.
    utimesSync(file, mtime, new Date(mtime.getTime() + 5_000));
    expect(searchSource(await v1(), { query: 'zanzibarite', verbatim: true }).results[0]?.slug).toBe('2025-04-09-expired-tls-certificate');
    writeFileSync(file, text);
  });

  it('is made again for other code, for an added or removed file, and when it cannot be read', async () => {
    const request = { query: 'pgbouncer' };
    const total = () => searchPostmortems(readArchive(dir, scratch).postmortems, request).total;
    expect(searchSource(await v2(), request).total).toBe(total());
    // Other check settings read the archive again (a smaller size limit can leave files out).
    const tight = { ...DEFAULT_CHECK_SETTINGS, limits: { ...DEFAULT_SIZE_LIMITS, fileBytes: { ...DEFAULT_SIZE_LIMITS.fileBytes, value: 1 } } };
    expect(searchSource(await openSearchSource(dir, scratch, cacheDir, tight, 'v2'), request).total).toBe(searchPostmortems(readArchive(dir, scratch, tight).postmortems, request).total);
    const pool = path.join(dir, 'postmortem-2025-07-16-pgbouncer-pool-exhaustion.md');
    const kept = readFileSync(pool);
    rmSync(pool);
    expect(searchSource(await v2(), request).total).toBe(total());
    writeFileSync(pool, kept);
    for (const name of snapshotFiles()) writeFileSync(path.join(cacheDir, name), 'not a snapshot');
    const source = await v2();
    expect(searchSource(source, request)).toEqual(searchPostmortems(readArchive(dir, scratch).postmortems, request));
    expect(searchSource(await v2(), request)).toEqual(searchSource(source, request));
  });
});
