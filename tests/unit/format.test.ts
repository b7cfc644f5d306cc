import { describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatMonth, formatPercent, formatQuarter, formatShare, formatTimeUtc } from '../../src/lib/site/format.ts';

describe('page formatting', () => {
  it('formats durations from minutes to days, and unknown as a dash', () => {
    expect([8, 59.6, 60, 133, 1440, 4210, null].map(formatDuration)).toEqual(['8 min', '1 h', '1 h', '2 h 13 min', '1 d', '2 d 22 h', '—']);
  });

  it('formats times in UTC, with the day when it is not the incident date', () => {
    expect(formatTimeUtc('2026-02-26T18:30:00Z', '2026-02-26')).toBe('18:30 UTC');
    expect(formatTimeUtc('2026-03-01T16:40:00Z', '2026-02-26')).toBe('1 Mar 16:40 UTC');
    expect(formatTimeUtc('2027-01-01T00:10:00Z', '2026-12-31')).toBe('1 Jan 2027 00:10 UTC');
    expect(formatTimeUtc('2026-03-14T10:12:00+01:00')).toBe('09:12 UTC');
  });

  it('formats dates and shares independent of the machine locale', () => {
    expect(formatDate('2026-03-14')).toBe('14 Mar 2026');
    expect(formatShare(42, 310)).toBe('14%');
    expect(formatShare(1, 400)).toBe('0.3%');
    expect(formatShare(undefined, 400)).toBeNull();
  });

  it('formats months, quarters and percentages for the analytics tables', () => {
    expect(formatMonth('2026-03')).toBe('Mar 2026');
    expect(formatMonth('2025-12-31')).toBe('Dec 2025');
    expect(formatQuarter('2026-Q1')).toBe('2026 Q1');
    expect([0.375, 0, 1].map(formatPercent)).toEqual(['38%', '0%', '100%']);
  });
});
