/**
 * The short description in a post-mortem's file name, made from its title:
 * ASCII only (so URLs and shells never need escaping), short, and stable —
 * the same title always gives the same slug.
 */

/** Letters NFKD does not decompose into an ASCII base letter plus marks. */
const LETTER_MAP: Record<string, string> = {
  ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l',
  đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i', ħ: 'h', Ħ: 'h', ŋ: 'ng', Ŋ: 'ng',
  '&': ' and ', '@': ' at ', '+': ' plus ',
};

/** Words that make a slug longer without telling incidents apart. */
const FILLER = new Set(['a', 'an', 'the', 'of', 'for', 'on', 'in', 'at', 'to', 'and', 'with', 'by', 'from', 'after', 'during']);

/** Longest description kept, in characters, so file names stay readable in a listing. */
export const SLUG_MAX_LENGTH = 48;
/** Most words kept. */
export const SLUG_MAX_WORDS = 6;

/** Reduces text to lower-case ASCII words: NFKD, combining marks stripped, a few letters mapped. */
export function asciiWords(text: string): string[] {
  const mapped = [...text].map((char) => LETTER_MAP[char] ?? char).join('');
  return mapped
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * The file-name description for a title: `Report exports time out for large tenants`
 * becomes `report-exports-time-out-large-tenants`. Filler words go first; then
 * words are cut whole to fit {@link SLUG_MAX_WORDS} and {@link SLUG_MAX_LENGTH}.
 * Returns `incident` when nothing ASCII is left (a title in another script).
 */
export function slugify(title: string): string {
  const words = asciiWords(title);
  const meaningful = words.filter((word) => !FILLER.has(word));
  const kept: string[] = [];
  for (const word of meaningful.length ? meaningful : words) {
    const next = [...kept, word.slice(0, SLUG_MAX_LENGTH)].join('-');
    if (kept.length >= SLUG_MAX_WORDS || next.length > SLUG_MAX_LENGTH) break;
    kept.push(word.slice(0, SLUG_MAX_LENGTH));
  }
  return kept.join('-') || 'incident';
}
