/**
 * Renders the Root Cause section's 5 Whys as one ordered list, whatever shape
 * the author wrote them in (see readFiveWhys, which rule `five-whys` reads
 * too): `Why? →` lines in one paragraph otherwise run together into a single
 * line of text on the page and in print.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFiveWhys } from '../postmortem/parsing/why-steps.ts';
import { sectionKeyOf } from '../postmortem/parsing/sections.ts';

export default function remarkFiveWhys() {
  return (tree: Root) => {
    const nodes = tree.children;
    for (let at = 0; at < nodes.length; at++) {
      const heading = nodes[at]!;
      if (heading.type !== 'heading' || sectionKeyOf(toString(heading)) !== 'root-cause') continue;
      let end = at + 1;
      while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as { depth: number }).depth <= heading.depth)) end++;
      const chain = readFiveWhys(nodes.slice(at + 1, end));
      if (chain) nodes.splice(at + 1 + chain.start, chain.end - chain.start, ...chain.blocks);
    }
  };
}
