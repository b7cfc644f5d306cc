import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ageInDays,
  collectActionItems,
  daysOverdue,
  isDoneRecently,
  isDueSoon,
  isOpen,
  isOverdue,
  ledgerCounts,
  ledgerFacets,
  matchesFilters,
  ownerSummaries,
  selectLedgerItems,
  type LedgerItem,
} from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { addDays, daysBetween, localIsoDate } from '../../src/lib/postmortem/dates.ts';
import type { ActionStatus } from '../../src/lib/postmortem/model/action-status.ts';
import { loadArchive } from '../../src/lib/postmortem/archive/archive.ts';

const SITE_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/site');
const TODAY = '2026-04-15';

/** A ledger item with only what a test cares about spelled out. */
function item(overrides: Partial<LedgerItem> = {}): LedgerItem {
  return {
    action: 'Add index',
    owner: '@dana',
    due: '2026-04-20',
    status: 'TODO',
    ticket: null,
    line: 10,
    slug: '2026-03-14-report-export-timeouts',
    title: 'Report exports time out',
    severity: 'SEV-2',
    date: '2026-03-14',
    services: ['report-export', 'postgres'],
    path: 'docs/postmortem-2026-03-14-report-export-timeouts.md',
    draft: false,
    ...overrides,
  };
}

describe('the overdue rule', () => {
  it('is open with a due date before today; due today is not overdue yet', () => {
    expect(isOverdue(item({ due: '2026-04-14' }), TODAY)).toBe(true);
    expect(isOverdue(item({ due: TODAY }), TODAY)).toBe(false);
    expect(isOverdue(item({ due: '2026-04-16' }), TODAY)).toBe(false);
  });

  it('covers TODO and IN PROGRESS only', () => {
    const statuses: [ActionStatus, boolean][] = [['TODO', true], ['IN PROGRESS', true], ['DONE', false], ["WON'T DO", false]];
    for (const [status, expected] of statuses) {
      expect(isOpen(item({ status }))).toBe(expected);
      expect(isOverdue(item({ status, due: '2020-01-01' }), TODAY)).toBe(expected);
    }
  });

  it('without a due date, applies after the severity\'s completion target (SEV-2: 4 weeks, SEV-3: 8)', () => {
    expect(isOverdue(item({ due: null, date: '2026-03-14', severity: 'SEV-2' }), '2026-04-11')).toBe(false);
    expect(isOverdue(item({ due: null, date: '2026-03-14', severity: 'SEV-2' }), '2026-04-12')).toBe(true);
    expect(daysOverdue(item({ due: null, date: '2026-03-14', severity: 'SEV-2' }), '2026-04-12')).toBe(1);
    expect(isOverdue(item({ due: null, date: '2026-03-14', severity: 'SEV-3' }), TODAY)).toBe(false);
    expect(isOverdue(item({ due: null, date: '2026-03-14', severity: 'SEV-3' }), '2026-05-10')).toBe(true);
    expect(isDueSoon(item({ due: null }), TODAY)).toBe(false);
  });

  it('crosses month and year ends on the calendar', () => {
    expect(isOverdue(item({ due: '2025-12-31' }), '2026-01-01')).toBe(true);
    expect(isOverdue(item({ due: '2026-02-28' }), '2026-03-01')).toBe(true);
    expect(daysOverdue(item({ due: '2026-02-28' }), '2026-03-01')).toBe(1);
    expect(daysOverdue(item({ due: TODAY }), TODAY)).toBe(0);
    expect(daysOverdue(item({ status: 'DONE', due: '2020-01-01' }), TODAY)).toBe(0);
  });
});

describe('due soon and done recently', () => {
  it('due soon is open and due from today to 14 days ahead, both ends included', () => {
    expect(isDueSoon(item({ due: TODAY }), TODAY)).toBe(true);
    expect(isDueSoon(item({ due: '2026-04-29' }), TODAY)).toBe(true);
    expect(isDueSoon(item({ due: '2026-04-30' }), TODAY)).toBe(false);
    expect(isDueSoon(item({ due: '2026-04-14' }), TODAY)).toBe(false);
    expect(isDueSoon(item({ due: '2026-04-20', status: 'DONE' }), TODAY)).toBe(false);
  });

  it('done recently is DONE with its due date (or incident date) at most 90 days back, or ahead', () => {
    expect(addDays(TODAY, -90)).toBe('2026-01-15');
    expect(isDoneRecently(item({ status: 'DONE', due: '2026-01-15' }), TODAY)).toBe(true);
    expect(isDoneRecently(item({ status: 'DONE', due: '2026-01-14' }), TODAY)).toBe(false);
    expect(isDoneRecently(item({ status: 'DONE', due: '2026-06-01' }), TODAY)).toBe(true);
    expect(isDoneRecently(item({ status: 'DONE', due: null, date: '2026-02-01' }), TODAY)).toBe(true);
    expect(isDoneRecently(item({ status: 'DONE', due: null, date: '2025-02-01' }), TODAY)).toBe(false);
    expect(isDoneRecently(item({ status: "WON'T DO", due: TODAY }), TODAY)).toBe(false);
  });
});

describe('dates', () => {
  it('counts whole calendar days, independent of the time zone', () => {
    expect(daysBetween('2026-03-14', '2026-04-15')).toBe(32);
    expect(daysBetween('2026-04-15', '2026-03-14')).toBe(-32);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(ageInDays(item({ date: '2026-03-14' }), TODAY)).toBe(32);
  });

  it('takes today from the local calendar', () => {
    expect(localIsoDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('counts and owners', () => {
  const items = [
    item({ owner: '@dana', status: 'TODO', due: '2026-04-01' }),
    item({ owner: '@Dana', status: 'IN PROGRESS', due: TODAY }),
    item({ owner: '@sre', status: 'TODO', due: null }),
    item({ owner: '@sre', status: 'DONE', due: '2026-04-01' }),
    item({ owner: '@ravi', status: "WON'T DO", due: '2026-04-01' }),
  ];

  it('counts open, overdue, due soon and done recently', () => {
    // @sre's undated SEV-2 item is past its 4-week target.
    expect(ledgerCounts(items, TODAY)).toEqual({ open: 3, overdue: 2, dueSoon: 1, doneRecently: 1 });
    expect(ledgerCounts([], TODAY)).toEqual({ open: 0, overdue: 0, dueSoon: 0, doneRecently: 0 });
  });

  it('summarises per owner, one owner whatever the case, most overdue first', () => {
    expect(ownerSummaries(items, TODAY)).toEqual([
      { owner: '@dana', total: 2, open: 2, overdue: 1, dueSoon: 1, doneRecently: 0 },
      { owner: '@sre', total: 2, open: 1, overdue: 1, dueSoon: 0, doneRecently: 1 },
      { owner: '@ravi', total: 1, open: 0, overdue: 0, dueSoon: 0, doneRecently: 0 },
    ]);
  });
});

describe('filters and sorting', () => {
  const a = item({ slug: 'a', date: '2026-01-01', due: '2026-05-01', status: 'TODO', owner: '@dana', severity: 'SEV-1', services: ['api'] });
  const b = item({ slug: 'b', date: '2026-03-01', due: '2026-04-01', status: 'IN PROGRESS', owner: '@sre', severity: 'SEV-2', services: ['postgres'] });
  const c = item({ slug: 'c', date: '2025-06-01', due: null, status: 'TODO', owner: '@sre', severity: 'SEV-3', services: ['api'] });
  const d = item({ slug: 'd', date: '2025-01-01', due: '2025-02-01', status: 'DONE', owner: '@dana', severity: 'SEV-1', services: ['api'] });
  const e = item({ slug: 'e', date: '2026-02-01', due: '2026-06-01', status: "WON'T DO", owner: '@ravi', severity: 'SEV-4', services: ['web'] });
  const all = [e, d, c, b, a];
  const slugs = (list: LedgerItem[]) => list.map((x) => x.slug);

  it('filters by status', () => {
    const by = (status: Parameters<typeof matchesFilters>[1]['status']) => slugs(selectLedgerItems(all, { status }, 'due', TODAY));
    expect(by('all')).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(by('open')).toEqual(['b', 'a', 'c']);
    expect(by('overdue')).toEqual(['b', 'c']);
    expect(by('due-soon')).toEqual([]);
    expect(by('todo')).toEqual(['a', 'c']);
    expect(by('in-progress')).toEqual(['b']);
    expect(by('done')).toEqual(['d']);
    expect(by('wont-do')).toEqual(['e']);
    expect(by('closed')).toEqual(['d', 'e']);
  });

  it('filters by owner (any case, @ optional), severity and service, all together', () => {
    expect(slugs(selectLedgerItems(all, { owner: 'DANA' }, 'due', TODAY))).toEqual(['a', 'd']);
    expect(slugs(selectLedgerItems(all, { owner: '@sre', service: 'api' }, 'due', TODAY))).toEqual(['c']);
    expect(slugs(selectLedgerItems(all, { severity: 'SEV-1', status: 'open' }, 'due', TODAY))).toEqual(['a']);
  });

  it('sorts open before closed, then by due date or age in either direction; no due date last', () => {
    expect(slugs(selectLedgerItems(all, {}, 'due', TODAY))).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(slugs(selectLedgerItems(all, {}, 'due-desc', TODAY))).toEqual(['a', 'b', 'c', 'e', 'd']);
    expect(slugs(selectLedgerItems(all, {}, 'age-desc', TODAY))).toEqual(['c', 'a', 'b', 'd', 'e']);
    expect(slugs(selectLedgerItems(all, {}, 'age', TODAY))).toEqual(['b', 'a', 'c', 'e', 'd']);
  });
});

describe('the ledger of the site fixture', () => {
  const { postmortems } = loadArchive(SITE_FIXTURE);
  // The whole ledger, the draft's rows included: they are the fixture's edge cases (no due date, a formula-looking action).
  const items = collectActionItems(postmortems, { includeDrafts: true });

  it('leaves drafts out by default, and marks their items when asked for them', () => {
    const draftSlug = '2026-11-02-webhook-signature-drift';
    expect(postmortems.find((pm) => pm.slug === draftSlug)!.meta.status).toBe('draft');
    const counted = collectActionItems(postmortems);
    expect(counted).toHaveLength(35);
    expect(counted.some((x) => x.slug === draftSlug || x.draft)).toBe(false);
    expect(items.filter((x) => x.draft).map((x) => x.slug)).toEqual([draftSlug, draftSlug]);
    expect(ledgerCounts(counted, '2026-04-15')).toEqual({ open: 7, overdue: 2, dueSoon: 1, doneRecently: 8 });
  });

  it('collects every row of every Action Items table with its post-mortem', () => {
    const rows = postmortems.reduce((sum, pm) => sum + pm.actionItems.length, 0);
    expect(items).toHaveLength(rows);
    expect(items).toHaveLength(37);
    const seed = items.find((x) => x.action === 'Seed staging with a large tenant');
    expect(seed).toMatchObject({
      owner: '@sre',
      due: '2026-05-01',
      status: 'TODO',
      ticket: { text: 'OPS-1426', url: null },
      slug: '2026-03-14-report-export-timeouts',
      title: 'Report exports time out for large tenants',
      severity: 'SEV-2',
      date: '2026-03-14',
      services: ['report-export', 'postgres'],
    });
    expect(seed!.path).toMatch(/tests\/fixtures\/site\/postmortem-2026-03-14-report-export-timeouts\.md$/);
    expect(seed!.line).toBe(81);
    // An .mdx post-mortem's table (no Ticket column) is read like any other.
    const restore = items.find((x) => x.action === 'Restore the autoscaler minimum and document it');
    expect(restore).toMatchObject({
      owner: '@sre',
      due: '2026-12-15',
      status: 'IN PROGRESS',
      ticket: null,
      slug: '2026-09-15-search-reindex-backlog',
      severity: 'SEV-4',
      date: '2026-09-15',
      services: ['search', 'ingest-worker'],
      line: 72,
    });
    expect(restore!.path).toMatch(/tests\/fixtures\/site\/postmortem-2026-09-15-search-reindex-backlog\.mdx$/);
  });

  it('normalises loosely written statuses (`in progress`, `Done`, `won\'t do`)', () => {
    expect(new Set(items.map((x) => x.status))).toEqual(new Set(['TODO', 'IN PROGRESS', 'DONE', "WON'T DO"]));
    expect(items.find((x) => x.action.startsWith('Add EXPLAIN ANALYZE'))!.status).toBe('IN PROGRESS');
  });

  it('counts against a fixed today', () => {
    expect(ledgerCounts(items, '2026-04-15')).toEqual({ open: 9, overdue: 2, dueSoon: 1, doneRecently: 8 });
    expect(ledgerCounts(items, '2026-04-16')).toMatchObject({ open: 9, overdue: 3 });
  });

  it('counts the draft\'s undated item (`YYYY-MM-DD` placeholder) as overdue only after its SEV-3 target of 8 weeks', () => {
    const undated = items.find((x) => x.action === 'Decide the overlap window for signing keys');
    expect(undated).toMatchObject({ owner: '@platform-team', due: null, status: 'TODO', slug: '2026-11-02-webhook-signature-drift' });
    expect(isOpen(undated!)).toBe(true);
    expect(isOverdue(undated!, '2026-12-28')).toBe(false);
    expect(isOverdue(undated!, '2026-12-29')).toBe(true);
    // Far in the future every open item is overdue.
    expect(ledgerCounts(items, '2099-01-01')).toMatchObject({ open: 9, overdue: 9 });
  });

  it('offers the owners, severities and services that occur', () => {
    const facets = ledgerFacets(items);
    expect(facets.owners).toEqual(['@amara', '@dana', '@ingest-team', '@jonas', '@lucia', '@mei', '@platform-team', '@ravi', '@sre', '@tom']);
    expect(facets.severities).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    expect(facets.services).toContain('postgres');
    expect(facets.services).toContain('search');
    expect(facets.services).toContain('webhooks');
  });
});
