/**
 * The MCP server's search warm-up (src/lib/agent/warm-search.ts), run by the long-running reader's first
 * read: its queries are the archive's own words with a misspelling the corrector fixes (so fuse runs too),
 * it changes no answer, and a failure ends it quietly.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { memorySource, searchSource } from '../../src/lib/agent/agent-search.ts';
import { warmUp, warmUpQueries } from '../../src/lib/agent/warm-search.ts';

const EXAMPLES = path.resolve('docs/spec/.llm/completed');
const archive = readArchive(EXAMPLES, process.cwd());
const QUERIES = ['certificate expired', 'pgbouncer pool', 'certficate', 'payments', 'dns', 'OPS-1234', 'retry storm queue'];

describe('the search warm-up', () => {
  it('asks for the newest titles’ words, which find post-mortems, and for misspellings the corrector rewrites', () => {
    const source = memorySource(archive.postmortems);
    const queries = warmUpQueries(source);
    const titleWords = new Set(archive.postmortems.slice(0, 4).flatMap((pm) => pm.meta.title.split(/\s+/)));
    const plain = queries.filter((query) => query.split(' ').every((word) => titleWords.has(word)));
    expect(plain).toHaveLength(4);
    for (const query of plain) expect(searchSource(source, { query }).total).toBeGreaterThan(0);
    const corrected = queries.filter((query) => source.corrector.correct(query).changes.length > 0);
    expect(corrected).toHaveLength(queries.length - plain.length);
    expect(corrected.length).toBeGreaterThanOrEqual(2);
  });

  it('runs every query and changes no answer', () => {
    const source = memorySource(archive.postmortems);
    const before = QUERIES.map((query) => searchSource(source, { query, limit: 10 }));
    const asked: string[] = [];
    const ran = warmUp(source, (src, request) => {
      asked.push(request.query ?? '');
      return searchSource(src, request);
    });
    expect(asked).toEqual(warmUpQueries(source));
    expect(ran).toBe(asked.length);
    expect(QUERIES.map((query) => searchSource(source, { query, limit: 10 }))).toEqual(before);
  });

  it('stops quietly at a failure', () => {
    const source = memorySource(archive.postmortems);
    let calls = 0;
    const ran = warmUp(source, () => {
      calls += 1;
      if (calls === 2) throw new Error('index gone');
      return searchSource(source, { query: '' });
    });
    expect([ran, calls]).toEqual([1, 2]);
  });
});
