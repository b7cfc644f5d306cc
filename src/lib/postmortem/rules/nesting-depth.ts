import { mayHoldFence } from '../parsing/fences.ts';
import { linesOf } from '../parsing/lines.ts';
import { findDeepNesting, MAX_NESTING } from '../safety/nesting.ts';
import type { Rule } from './types.ts';

export const nestingDepth: Rule = {
  id: 'nesting-depth',
  level: 'error',
  description: `Lists and blockquotes nest at most ${MAX_NESTING} levels deep: deeper, the build's Markdown renderer runs out of stack.`,
  check(pm) {
    if (pm.binary) return [];
    const lines = linesOf(pm.body);
    const deep = findDeepNesting(lines, MAX_NESTING, mayHoldFence(pm.body));
    if (!deep) return [];
    const line = lines[deep.index]!;
    const shown = line.length > 60 ? `${line.slice(0, 57)}…` : line;
    return [{
      line: pm.bodyStartLine + deep.index,
      message: `\`${shown}\` nests lists or blockquotes ${deep.depth} levels deep, over the limit of ${MAX_NESTING}`,
      hint: 'Flatten the list: a sub-list a few levels deep, or a table, says the same; quote a nested thread as plain paragraphs.',
    }];
  },
};
