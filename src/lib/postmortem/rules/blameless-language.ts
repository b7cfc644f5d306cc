import { BLAME_TRIGGER, findBlame, REWRITES, type BlameMatch, type People } from '../blameless/detect.ts';
import { lineInBlock, proseBlocks } from '../blameless/prose-blocks.ts';
import type { ParsedPostmortem } from '../parsing/parse.ts';
import { linesOf } from '../parsing/lines.ts';
import { blankCode, positionOf } from '../parsing/prose.ts';
import type { Finding, Rule } from './types.ts';

/** Blocks longer than this are judged from their loose text, without a tree: a Markdown parse of a huge paragraph costs too much. */
const MAX_PARSED_BLOCK = 4000;
/** Past this many findings a file has made its point; the rest would only slow validate down on adversarial input. */
const MAX_FINDINGS = 25;

/**
 * Markdown with code blanked and inline markup dropped (emphasis, link
 * targets, tags), keeping every line: a superset of the prose, read first so
 * a tree is only built for the few blocks that may hold blame ("the check
 * failed to run" never needs one).
 */
function looseText(markdown: string): string {
  return blankCode(markdown)
    // Neither may cross another opener: a line of `](](` or `<<<` would otherwise be scanned from each one.
    .replace(/\]\([^()\n]*\)/g, (target) => ' '.repeat(target.length))
    .replace(/<[^<>\n]*>/g, (tag) => ' '.repeat(tag.length))
    .replace(/[*_~[\]]/g, ' ');
}

function peopleOf(pm: ParsedPostmortem): People {
  return { names: [...(pm.fields.authors ?? []), ...(pm.actionItems?.rows ?? []).map((item) => item.owner)] };
}

function findingOf(match: BlameMatch, line: number): Finding {
  return { line, message: `\`${match.quote}\` puts a person, not the system, at the centre of the failure`, hint: REWRITES[match.kind] };
}

export const blamelessLanguage: Rule = {
  id: 'blameless-language',
  level: 'warning',
  description: 'The prose does not blame people: no "human error", no one\'s "mistake", no person as the subject of "failed to", "forgot", "should have", "was careless"; no "negligent" or "blame". Code and ticket cells are not read.',
  check(pm) {
    if (pm.binary || !BLAME_TRIGGER.test(pm.body)) return [];
    const people = peopleOf(pm);
    const loose = looseText(pm.body);
    const candidates = findBlame(loose, people);
    if (!candidates.length) return [];
    // The block (lines that are not blank once code is blanked) around each candidate: a paragraph, a list item, a table.
    const looseLines = loose.split('\n');
    const bodyLines = linesOf(pm.body);
    const blank = (at: number) => !looseLines[at]?.trim();
    const findings: Finding[] = [];
    let doneUpTo = -1;
    for (const candidate of candidates) {
      if (findings.length >= MAX_FINDINGS) break;
      const at = positionOf(loose, candidate.index).line - 1;
      if (at <= doneUpTo) continue;
      let start = at;
      let end = at;
      while (start > 0 && !blank(start - 1)) start -= 1;
      while (end + 1 < looseLines.length && !blank(end + 1)) end += 1;
      doneUpTo = end;
      const block = bodyLines.slice(start, end + 1).join('\n');
      const firstLine = pm.bodyStartLine + start;
      if (block.length > MAX_PARSED_BLOCK) {
        const blockLoose = looseLines.slice(start, end + 1).join('\n');
        for (const match of findBlame(blockLoose, people)) findings.push(findingOf(match, firstLine + positionOf(blockLoose, match.index).line - 1));
        continue;
      }
      for (const prose of proseBlocks(block, firstLine)) {
        for (const match of findBlame(prose.text, people)) findings.push(findingOf(match, lineInBlock(prose, match.index)));
      }
    }
    return findings.slice(0, MAX_FINDINGS);
  },
};
