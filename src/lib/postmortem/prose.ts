/**
 * Blanks code out of Markdown, keeping every other character at its index,
 * so text checks can ignore code samples and still report exact lines.
 */

import { closesFence, fenceOpening } from './fences.ts';

/** `markdown` with fenced code and code spans turned into spaces (line breaks kept). */
export function blankCode(markdown: string): string {
  // Three rules blank the same body one after another: the last answer is kept.
  if (markdown === lastBlanked.markdown) return lastBlanked.blanked;
  const blanked = blank(markdown);
  lastBlanked = { markdown, blanked };
  return blanked;
}

let lastBlanked = { markdown: '', blanked: '' };

function blank(markdown: string): string {
  if (!markdown.includes('`') && !markdown.includes('~~~')) return markdown;
  const lines = markdown.split('\n');
  let fence: string | null = null;
  const kept = lines.map((line) => {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      return ' '.repeat(line.length);
    }
    fence = fenceOpening(line);
    return fence ? ' '.repeat(line.length) : line;
  });
  return kept.join('\n').replace(/(`+)([^`\n]|[^`\n][^\n]*?[^`\n])\1(?!`)/g, (code) => code.replace(/[^\n]/g, ' '));
}

/** 1-based line and column of an index in text. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: index - lineStart + 1 };
}
