import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';
import { collectActionItems, selectLedgerItems } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { packLedger, unpackLedger, type PackedLedger } from '../../src/lib/postmortem/ledger/packed-ledger.ts';
import { pageLinks } from '../../src/lib/site/pagination.ts';

const SITE_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site');
const TODAY = '2026-04-15';

describe('the packed ledger (ledger.json)', () => {
  // Drafts included: they carry the fixture's edge cases (no due date, a formula-looking action).
  const items = collectActionItems(loadArchive(SITE_FIXTURE).postmortems, { includeDrafts: true });
  const packed = packLedger(items, TODAY);
  const roundTrip = unpackLedger(JSON.parse(JSON.stringify(packed)) as PackedLedger);

  it('gives back every item, in order, with every field the page shows or filters by', () => {
    expect(roundTrip).toEqual(items.map(({ path: _path, draft: _draft, ...rest }) => ({ ...rest, closed: rest.closed ?? null })));
  });

  it('writes each post-mortem, owner and service once', () => {
    expect(packed.postmortems.map(([slug]) => slug)).toEqual([...new Set(items.map((item) => item.slug))]);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
    expect(packed.strings).toEqual(expect.arrayContaining([...new Set(items.flatMap((item) => [item.owner, ...item.services]))]));
  });

  it('filters and sorts the unpacked items exactly as the originals', () => {
    for (const sort of ['due', 'due-desc', 'age-desc', 'age'] as const) {
      const key = (item: { slug: string; line: number }) => `${item.slug}:${item.line}`;
      expect(selectLedgerItems(roundTrip, { status: 'open' }, sort, TODAY).map(key)).toEqual(selectLedgerItems(items, { status: 'open' }, sort, TODAY).map(key));
    }
  });

  it('keeps ticket URLs whole that do not end in the ticket text, and shares the prefix of those that do', () => {
    const [first] = items;
    const tickets = [
      { text: 'OPS-1', url: 'https://tracker.example.com/OPS-1' },
      { text: 'OPS-2', url: 'https://tracker.example.com/OPS-2' },
      { text: 'PR 12', url: 'https://git.example.com/pulls/12' },
      { text: 'INC-9', url: null },
    ];
    const ledger = packLedger(tickets.map((ticket, line) => ({ ...first!, ticket, line })), TODAY);
    expect(unpackLedger(ledger).map((item) => item.ticket)).toEqual(tickets);
    expect(ledger.strings.filter((text) => text === 'https://tracker.example.com/')).toHaveLength(1);
  });

  it('refuses another format version', () => {
    expect(() => unpackLedger({ ...packed, v: 2 } as unknown as PackedLedger)).toThrow(/version 2/);
  });
});

describe('pager links', () => {
  const kinds = (current: number, last: number) => pageLinks(current, last).map((link) => (link.kind === 'page' ? (link.current ? `[${link.page}]` : String(link.page)) : link.kind));

  it('shows first/previous/next/last where they lead somewhere, and a bounded window of numbers', () => {
    expect(kinds(1, 1)).toEqual(['[1]']);
    expect(kinds(1, 450)).toEqual(['[1]', '2', '3', 'gap', 'next', 'last']);
    expect(kinds(200, 450)).toEqual(['first', 'prev', 'gap', '198', '199', '[200]', '201', '202', 'gap', 'next', 'last']);
    expect(kinds(450, 450)).toEqual(['first', 'prev', 'gap', '448', '449', '[450]']);
  });
});
