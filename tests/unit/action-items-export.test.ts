import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '../../src/lib/postmortem/ledger/ledger-rules.ts';
import { csvCell, toCsv } from '../../src/lib/postmortem/ledger/csv.ts';
import { CSV_COLUMNS, ledgerCsv, ledgerExport, toLedgerRecords } from '../../src/lib/postmortem/ledger/ledger-export.ts';

const TODAY = '2026-04-15';
const ITEM: LedgerItem = {
  action: 'Add index on exports.tenant_id, then "EXPLAIN"',
  owner: '@dana',
  due: '2026-04-14',
  status: 'TODO',
  ticket: { text: 'OPS-1424', url: 'https://tracker.example.com/OPS-1424' },
  line: 78,
  slug: '2026-03-14-report-export-timeouts',
  title: 'Report exports time out for large tenants',
  severity: 'SEV-2',
  date: '2026-03-14',
  services: ['report-export', 'postgres'],
  path: 'docs/spec/.llm/completed/postmortem-2026-03-14-report-export-timeouts.md',
  draft: false,
};

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(true)).toBe('true');
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const cell = csvCell(`${start}HYPERLINK("http://evil.example","x")`);
      expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@dana')).toBe("'@dana");
    expect(csvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
    expect(csvCell('a=b')).toBe('a=b');
    // Behind leading separators or spaces: a `;`-splitting locale would otherwise see `=cmd` as its own cell.
    expect(csvCell(';=cmd|\' /C calc\'!A0')).toBe(`"';=cmd|' /C calc'!A0"`);
    expect(csvCell(' ,+1')).toBe(`"' ,+1"`);
    expect(csvCell('|@sum')).toBe("'|@sum");
    // A separator of any locale is quoted, so the cell stays one cell.
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('a\tb')).toBe('"a\tb"');
    // Numbers the export computes (a negative age) stay numbers; the same text from a post-mortem is defused.
    expect(csvCell(-201)).toBe('-201');
    expect(csvCell('-201')).toBe("'-201");
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe('a,b\r\n1,2\r\n');
  });
});

describe('the exports', () => {
  it('records carry the post-mortem, flags and age as of today', () => {
    const [record] = toLedgerRecords([ITEM], TODAY, (slug) => `https://example.com/incidents/${slug}/`);
    expect(record).toEqual({
      postmortem: {
        slug: ITEM.slug,
        title: ITEM.title,
        severity: 'SEV-2',
        date: '2026-03-14',
        services: ['report-export', 'postgres'],
        path: ITEM.path,
        url: 'https://example.com/incidents/2026-03-14-report-export-timeouts/',
        draft: false,
      },
      action: ITEM.action,
      owner: '@dana',
      due: '2026-04-14',
      status: 'TODO',
      closed: null,
      ticket: ITEM.ticket,
      age_days: 32,
      open: true,
      overdue: true,
      line: 78,
    });
    expect(toLedgerRecords([ITEM], TODAY)[0]!.postmortem.url).toBeNull();
  });

  it('the JSON export has today, the counts and the items', () => {
    const body = ledgerExport([ITEM, { ...ITEM, status: 'DONE' }], TODAY);
    expect(body.today).toBe(TODAY);
    expect(body.counts).toEqual({ open: 1, overdue: 1, due_soon: 0, done_recently: 1 });
    expect(body.items).toHaveLength(2);
  });

  it('the CSV export has the documented header and one safe row per item', () => {
    const csv = ledgerCsv(toLedgerRecords([ITEM, { ...ITEM, action: '=cmd|"/c calc"!A1', ticket: null }], TODAY));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines[0]).toBe('postmortem_title,severity,incident_date,services,postmortem_url,postmortem_path,action,owner,due,status,open,overdue,age_days,ticket,ticket_url,postmortem_draft,closed');
    expect(lines[1]).toBe(
      'Report exports time out for large tenants,SEV-2,2026-03-14,"report-export; postgres",,docs/spec/.llm/completed/postmortem-2026-03-14-report-export-timeouts.md,' +
        '"Add index on exports.tenant_id, then ""EXPLAIN""",\'@dana,2026-04-14,TODO,true,true,32,OPS-1424,https://tracker.example.com/OPS-1424,false,',
    );
    expect(lines[2]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(lines[2]!.endsWith(',,,false,')).toBe(true);
    // A draft's item (listed only on request) says so; the closing date is the last column.
    expect(ledgerCsv(toLedgerRecords([{ ...ITEM, draft: true }], TODAY)).split('\r\n')[1]!.endsWith(',true,')).toBe(true);
    expect(ledgerCsv(toLedgerRecords([{ ...ITEM, status: 'DONE', closed: '2026-04-01' }], TODAY)).split('\r\n')[1]!.endsWith(',false,2026-04-01')).toBe(true);
    expect(lines[3]).toBe('');
  });
});
