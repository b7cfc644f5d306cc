import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FILE_NAME_PATTERN, fileNameFor } from '../../src/lib/postmortem/model/file-naming.ts';
import { SLUG_MAX_LENGTH, SLUG_MAX_WORDS, slugify } from '../../src/lib/postmortem/scaffold/slug.ts';

describe('slugify', () => {
  it('keeps the meaningful words of an ASCII title', () => {
    expect(slugify('Report exports time out for large tenants')).toBe('report-exports-time-out-large-tenants');
  });

  it('transliterates accents and letters NFKD leaves alone', () => {
    expect(slugify('Zahlungsabgleich für Straße & Ørsted-Konten')).toBe('zahlungsabgleich-fur-strasse-orsted-konten');
    expect(slugify('Łódź æther Crème brûlée')).toBe('lodz-aether-creme-brulee');
    expect(slugify('Þórr’s ﬁle ①')).toBe('thorrs-file-1');
  });

  it('is short: at most the word and length limits, cut at whole words', () => {
    const slug = slugify('One two three four five six seven eight nine ten eleven twelve');
    expect(slug.split('-').length).toBeLessThanOrEqual(SLUG_MAX_WORDS);
    expect(slugify('a'.repeat(200))).toHaveLength(SLUG_MAX_LENGTH);
  });

  it('falls back to `incident` when nothing ASCII is left', () => {
    expect(slugify('障害報告')).toBe('incident');
    expect(slugify('   ')).toBe('incident');
  });

  it('keeps filler words when they are all there is', () => {
    expect(slugify('The')).toBe('the');
  });

  it('is stable and always gives a conventional file name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const slug = slugify(title);
        expect(slugify(title)).toBe(slug);
        expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
        expect(FILE_NAME_PATTERN.test(fileNameFor('2026-03-14', slug))).toBe(true);
      }),
    );
  });
});
