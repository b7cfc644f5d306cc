import { mayHoldFence } from '../parsing/fences.ts';
import { linesOf } from '../parsing/lines.ts';
import { findDenseBrackets, MAX_BRACKETS_PER_BLOCK } from '../safety/nesting.ts';
import type { Rule } from './types.ts';

export const bracketDensity: Rule = {
  id: 'bracket-density',
  level: 'error',
  description: `A paragraph, list or table holds at most ${MAX_BRACKETS_PER_BLOCK.toLocaleString('en-US')} \`]\` (links, images and footnotes close with one): more would make Markdown's parser, in validate and the build, take quadratic time.`,
  check(pm) {
    if (pm.binary || !pm.body.includes(']')) return [];
    const lines = linesOf(pm.body);
    const dense = findDenseBrackets(lines, MAX_BRACKETS_PER_BLOCK, mayHoldFence(pm.body));
    if (!dense) return [];
    return [{
      line: pm.bodyStartLine + dense.index,
      message: `the block starting \`${lines[dense.index]!.slice(0, 40)}…\` holds more than ${MAX_BRACKETS_PER_BLOCK.toLocaleString('en-US')} \`]\``,
      hint: 'Split it into paragraphs, or put the data in a linked file or a code block (```), where brackets are plain text.',
    }];
  },
};
