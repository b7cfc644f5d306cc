/**
 * Text the spec's template and the scaffold leave for the author to replace.
 * Allowed while a post-mortem is a draft; a final one must have none.
 */
/** What migrate writes under a template section the original lacked: a placeholder like the template's own. */
export const ADDED_SECTION_TEXT = 'Not in the original post-mortem: added by migrate';

export const PLACEHOLDERS: readonly { pattern: RegExp; text: string }[] = [
  { pattern: /YYYY-MM-DD/, text: 'YYYY-MM-DD' },
  { pattern: /\bHH:MM\b/, text: 'HH:MM' },
  { pattern: /\[Name\]/, text: '[Name]' },
  { pattern: /\bX hours\b/, text: 'X hours' },
  { pattern: /\bY minutes\b/, text: 'Y minutes' },
  { pattern: /\bSEV-X\b/, text: 'SEV-X' },
  { pattern: /\[Incident Title\]/, text: '[Incident Title]' },
  { pattern: /\[1-2 sentence description of what happened\]/, text: '[1-2 sentence description of what happened]' },
  { pattern: /\[What users experienced\]/, text: '[What users experienced]' },
  { pattern: /\[Any data loss or corruption\]/, text: '[Any data loss or corruption]' },
  { pattern: /\[5 Whys analysis\]/, text: '[5 Whys analysis]' },
  { pattern: /\[Factor \d\]/, text: '[Factor N]' },
  { pattern: /\[Positive aspect \d[^\]]*\]/, text: '[Positive aspect N]' },
  { pattern: /\[Improvement \d\]/, text: '[Improvement N]' },
  { pattern: /\[Key takeaways for the team\]/, text: '[Key takeaways for the team]' },
  { pattern: /\bTBD\b/, text: 'TBD' },
  { pattern: new RegExp(ADDED_SECTION_TEXT), text: ADDED_SECTION_TEXT },
];

/** All placeholders in one pattern, so a file is scanned once. */
export const PLACEHOLDER_PATTERN = new RegExp(PLACEHOLDERS.map((placeholder) => placeholder.pattern.source).join('|'), 'g');

const ONLY_PLACEHOLDERS = new RegExp(`^(?:\\s*(?:${PLACEHOLDERS.map((placeholder) => placeholder.pattern.source).join('|')}))+\\s*$`);

/**
 * True when `text` is nothing but template placeholders (`HH:MM`, `YYYY-MM-DD HH:MM`):
 * the placeholders rule owns such a value, so other rules leave it alone and
 * each placeholder is reported once.
 */
export function isOnlyPlaceholders(text: string): boolean {
  return ONLY_PLACEHOLDERS.test(text);
}
