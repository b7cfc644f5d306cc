import { BLAME_TRIGGER, findBlame, REWRITES, type People } from '../blameless/detect.ts';
import { lineInBlock, proseBlocks } from '../blameless/prose-blocks.ts';
import type { ParsedPostmortem } from '../parse.ts';
import type { Finding, Rule } from './types.ts';

/**
 * Markdown with its inline markup dropped (emphasis, link targets, tags): a
 * superset of the prose, read first so a tree is only built for text that
 * may hold blame ("the check failed to run" never needs one).
 */
function looseText(markdown: string): string {
  return markdown.replace(/\]\([^)\n]*\)/g, '').replace(/<[^>\n]*>/g, ' ').replace(/[*_~[\]]/g, '');
}

/**
 * The body cut at its headings (which the parser found outside code fences),
 * so only the stretches that hold a trigger word are parsed into a tree.
 */
function triggeredChunks(pm: ParsedPostmortem, people: People): { text: string; firstLine: number }[] {
  const lines = pm.body.split('\n');
  const starts = [pm.bodyStartLine, ...pm.sections.map((section) => section.line)];
  const chunks: { text: string; firstLine: number }[] = [];
  starts.forEach((start, at) => {
    const end = starts[at + 1] ?? pm.bodyStartLine + lines.length;
    if (end <= start) return;
    const text = lines.slice(start - pm.bodyStartLine, end - pm.bodyStartLine).join('\n');
    if (BLAME_TRIGGER.test(text) && findBlame(looseText(text), people).length) chunks.push({ text, firstLine: start });
  });
  return chunks;
}

function peopleOf(pm: ParsedPostmortem): People {
  return { names: [...(pm.fields.authors ?? []), ...(pm.actionItems?.rows ?? []).map((item) => item.owner)] };
}

export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  level: 'warning',
  description: 'The prose does not blame people: no "human error", no one\'s "mistake", no person as the subject of "failed to", "forgot", "should have", "was careless"; no "negligent" or "blame". Code and ticket cells are not read.',
  check(pm) {
    if (pm.binary || !BLAME_TRIGGER.test(pm.body)) return [];
    const people = peopleOf(pm);
    const findings: Finding[] = [];
    for (const chunk of triggeredChunks(pm, people)) {
      for (const block of proseBlocks(chunk.text, chunk.firstLine)) {
        for (const match of findBlame(block.text, people)) {
          findings.push({
            line: lineInBlock(block, match.index),
            message: `\`${match.quote}\` puts a person, not the system, at the centre of the failure`,
            hint: REWRITES[match.kind],
          });
        }
      }
    }
    return findings;
  },
};
