/**
 * The snapshot's encoding (packed-ranking.ts: words cut from one string,
 * varint postings read by range; section-file.ts) against the archive read in
 * memory, on the bench's long-tail archive: every answer of a snapshot, read
 * back in a fresh source, equals the in-memory search's, for words of every
 * frequency, their beginnings, misspellings, pairs and triples of words, ids,
 * unknown words and filters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeArchive } from '../../scripts/bench/generate.ts';
import { readArchive } from '../../src/lib/agent/agent-archive.ts';
import { prepareSearch, searchPostmortems, searchSource, type SearchRequest } from '../../src/lib/agent/agent-search.ts';
import { openSearchSource } from '../../src/lib/agent/search-snapshot.ts';
import { DEFAULT_CHECK_SETTINGS } from '../../src/lib/postmortem/safety/limits.ts';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'hindsight-snapshot-diff-'));
const dir = path.join(scratch, 'archive');
const cacheDir = path.join(scratch, 'cache');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A typo the corrector should meet: a letter dropped, two swapped, one doubled, by turns. */
function misspell(word: string, turn: number): string {
  const at = 1 + (turn % Math.max(1, word.length - 2));
  if (turn % 3 === 0) return word.slice(0, at) + word.slice(at + 1);
  if (turn % 3 === 1) return word.slice(0, at) + (word[at + 1] ?? '') + word[at] + word.slice(at + 2);
  return word.slice(0, at) + word[at] + word.slice(at);
}

/** `each` over `items`, letting the event loop turn between groups: vitest's worker must answer its runner within a minute, which a busy machine can exceed in one synchronous run. */
async function inTurns<T, R>(items: readonly T[], each: (item: T, at: number) => R): Promise<R[]> {
  const out: R[] = [];
  for (const [at, item] of items.entries()) {
    if (at % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    out.push(each(item, at));
  }
  return out;
}

describe('the search snapshot against the archive in memory (long-tail archive)', () => {
  it('answers every query exactly alike: words, beginnings, misspellings, several words, ids, filters', async () => {
    writeArchive(dir, 120);
    const { postmortems } = readArchive(dir, scratch);
    const { data } = prepareSearch(postmortems);
    // Every distinct word of the documents, in first-seen order: common ones early, the long tail later.
    const words = [...new Set(data.documents.flatMap((document) => document.blocks.flatMap((block) => block.text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? [])))];
    expect(words.length).toBeGreaterThan(1_000);
    const picked = words.filter((_, at) => at % 11 === 0).slice(0, 60);
    const queries = picked.flatMap((word, at) => [
      word,
      word.slice(0, 3),
      misspell(word, at),
      `${word} ${picked[(at * 7 + 3) % picked.length]}`,
      `${misspell(word, at + 1)} ${picked[(at * 5 + 1) % picked.length]} ${picked[(at * 3 + 2) % picked.length]!.slice(0, 4)}`,
    ]);
    const ids = postmortems.flatMap((pm) => pm.meta.links ?? []).map(String).join(' ').match(/\b[A-Z]+-\d+\b/g) ?? [];
    const requests: SearchRequest[] = [
      ...queries.map((query) => ({ query, limit: 15 })),
      ...ids.slice(0, 20).map((query) => ({ query })),
      { query: 'OPS-999999 zzzyzzx' },
      { query: '', limit: 30 },
      { query: picked[0]!, severity: 'SEV-2' as const, limit: 40 },
      { query: picked[1]!, service: postmortems[0]!.meta.services[0]!, since: '2025-06-01' },
      { query: misspell(picked[2]!, 0), verbatim: true },
    ];
    const expected = await inTurns(requests, (request) => searchPostmortems(postmortems, request));
    // Partial matches and corrections are among the answers, so the merge and the corrector are compared too.
    expect(expected.some((output) => output.corrections.length > 0)).toBe(true);
    expect(expected.some((output) => output.complete < output.total)).toBe(true);

    const open = () => openSearchSource(dir, scratch, cacheDir, DEFAULT_CHECK_SETTINGS, 'diff');
    await open();
    const fromSnapshot = await open();
    // From the snapshot, not the archive: its records are read only for results, so none is known yet.
    expect(fromSnapshot.engine.fields(0)).toEqual([]);
    await inTurns(requests, (request, at) => expect(searchSource(fromSnapshot, request), JSON.stringify(request)).toEqual(expected[at]));
    // About 8 s of CPU: more than the default allows on the shared machine when it is busy.
  }, 600_000);
});
