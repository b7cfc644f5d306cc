/**
 * Summaries leave the page as plain text (search data, feed, JSON API, meta
 * description). They must say what the Markdown says: inline code verbatim,
 * markup gone (issue 14: `0 14 * * *` had become "0 14 .").
 */
import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPostmortemFiles, readPostmortems } from '../../src/lib/postmortem/archive/archive.ts';
import { buildApiDocument } from '../../src/lib/postmortem/exports/incident-api.ts';
import { toPostmortem } from '../../src/lib/postmortem/model/model.ts';
import { plainText, plainTextFromTree } from '../../src/lib/postmortem/parsing/plain-text.ts';
import { buildSearchData, toSearchRecord } from '../../src/lib/search/records.ts';
import { feedItems } from '../../src/lib/site/feed.ts';

const EXAMPLES_DIR = path.resolve('docs/spec/.llm/completed');
const parsed = readPostmortems(listPostmortemFiles(EXAMPLES_DIR));
const postmortems = parsed.map((pm) => toPostmortem(pm)!).sort((a, b) => b.meta.date.localeCompare(a.meta.date));

/** The code spans of a Markdown snippet, read with a regex independent of the parser under test. */
function codeSpans(markdown: string): string[] {
  return [...markdown.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)].map((match) => match[2]!.replace(/\s+/g, ' ').trim());
}

function summarySource(slug: string): string {
  return parsed.find((pm) => pm.slug === slug)!.sections.find((section) => section.key === 'summary')!.text;
}

describe('plain text of every shipped example', () => {
  it('loads every example', () => {
    expect(postmortems.every(Boolean)).toBe(true);
    expect(postmortems.length).toBeGreaterThanOrEqual(24);
  });

  it.each(postmortems.map((pm) => [pm.slug, pm] as const))('%s: summary keeps its inline code verbatim and drops markup', (slug, pm) => {
    const source = summarySource(slug);
    expect(pm.summary.length).toBeGreaterThan(40);
    for (const code of codeSpans(source)) expect(pm.summary).toContain(code);
    // No Markdown delimiter survives outside the code spans' own characters.
    const codeChars = new Set(codeSpans(source).join(''));
    for (const delimiter of ['`', '**', '__', '](']) if (![...delimiter].every((char) => codeChars.has(char))) expect(pm.summary).not.toContain(delimiter);
    // Every word of the prose is still there, in order.
    const words = source.replace(/[`*_]/g, ' ').split(/\s+/).filter((word) => /^[\p{L}\d]+[.,]?$/u.test(word));
    let from = 0;
    for (const word of words) {
      const at = pm.summary.indexOf(word, from);
      expect(at, `"${word}" in ${slug}`).toBeGreaterThanOrEqual(0);
      from = at;
    }
  });

  it.each(postmortems.filter((pm) => pm.rootCause).map((pm) => [pm.slug, pm] as const))('%s: root cause keeps its inline code', (slug, pm) => {
    const line = parsed.find((candidate) => candidate.slug === slug)!.sections.find((section) => section.key === 'root-cause')!.text.split('\n').find((candidate) => /root cause/i.test(candidate) && candidate.includes(':'))!;
    for (const code of codeSpans(line.slice(line.indexOf(':') + 1))) expect(pm.rootCause).toContain(code);
    expect(pm.rootCause).not.toMatch(/\*\*|`/);
  });

  it('keeps the spans the issue quoted, in every output that carries the summary', () => {
    const quoted = [
      ['2025-09-03-runaway-reminder-cron', 'set the payment-reminders CronJob schedule to * 14 * * * instead of 0 14 * * *.'],
      ['2026-06-09-backfill-double-counts-totals', 'the new integer column report_daily_totals.net_amount_minor joined'],
      ['2025-04-09-expired-tls-certificate', 'The wildcard certificate for *.ledgerly.app expired'],
    ] as const;
    const api = buildApiDocument(postmortems, { urlOf: (slug) => `https://example.test/${slug}/`, asOf: '2026-11-27', generatedAt: '2026-11-27T00:00:00Z' });
    const feed = feedItems(postmortems);
    const search = JSON.stringify(buildSearchData(postmortems));
    for (const [slug, phrase] of quoted) {
      const pm = postmortems.find((candidate) => candidate.slug === slug)!;
      expect(pm.summary).toContain(phrase);
      expect(api.incidents.find((incident) => incident.slug === slug)!.summary).toContain(phrase);
      const inFeed = feed.find((item) => item.link?.includes(slug));
      if (inFeed) expect(inFeed.description).toContain(phrase);
      expect(toSearchRecord(pm).summary.join(' ')).toContain(phrase);
      expect(search).toContain(JSON.stringify(phrase).slice(1, -1));
    }
  });
});

describe('plainText', () => {
  it.each([
    ['A `0 14 * * *` b', 'A 0 14 * * * b'],
    ['**bold**, _it_, ~~gone~~ and `a_b_c`', 'bold, it, gone and a_b_c'],
    ['One.\n\nTwo.', 'One. Two.'],
    ['- first\n- second', 'first second'],
    ['hard  \nbreak', 'hard break'],
    ['press <kbd>Ctrl</kbd>', 'press Ctrl'],
    ['```sh\nrm -rf /\n```\nafter', 'after'],
    ['[the runbook](https://example.com/a_b) and ![a graph](g.png) &amp; more', 'the runbook and a graph & more'],
    ['`` a`b ``', 'a`b'],
    ['\\*not emphasis\\*', '*not emphasis*'],
    ['set `0 14 * * *`, not `* 14 * * *`, on `*.example.app`', 'set 0 14 * * *, not * 14 * * *, on *.example.app'],
    ['a `` `b` `` c and x` y `z', 'a `b` c and xyz'],
    ['see www.example.com`code`', 'see www.example.com`code`'],
    ['', ''],
  ])('%j -> %j', (markdown, text) => {
    expect(plainText(markdown)).toBe(text);
  });

  it('takes its shortcut only where the parse would give the same text', () => {
    const alphabet = ['a', 'B', '1', '2.', ' ', '\n', '    ', '-', '+', '*', '_', '`', '#', '>', '|', '[', ']', '(', ')', '!', '<', '&', '~', '=', '\\', ':', '.', ',', 'www.x.com', 'http://a.b', 'a@b.co', '[^1]', '[ ] ', 'é', '`a b`', '` x `', '`*_`', '`` ` ``', '`  `', '` `'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (parts) => {
        const markdown = parts.join('');
        expect(plainText(markdown)).toBe(plainTextFromTree(markdown));
      }),
      { numRuns: 500 },
    );
    for (const pm of parsed) for (const section of pm.sections) expect(plainText(section.text)).toBe(plainTextFromTree(section.text));
  });
});
