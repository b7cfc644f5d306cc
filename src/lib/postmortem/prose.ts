/**
 * Blanks code out of Markdown, keeping every other character at its index,
 * so text checks can ignore code samples and still report exact lines.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function blankCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  const kept = lines.map((line) => {
    const match = FENCE.exec(line);
    if (fence) {
      if (match && match[1]![0] === fence[0] && match[1]!.length >= fence.length) fence = null;
      return ' '.repeat(line.length);
    }
    if (match) {
      fence = match[1]!;
      return ' '.repeat(line.length);
    }
    return line;
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
