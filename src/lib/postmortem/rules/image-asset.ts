import type { Element, Nodes } from 'hast';
import { checkImage, mayReferenceImages } from '../assets.ts';
import { bodyTrees, isMdx, isParseError } from '../body-tree.ts';
import { mdxToHtml } from '../mdx-constructs.ts';
import { blankCode } from '../prose.ts';
import type { Finding, Rule } from './types.ts';

export const imageAsset: Rule = {
  id: 'image-asset',
  level: 'error',
  description:
    'Every image is a file inside the archive folder (relative path, not missing, not outside through `../` or a link); an SVG has no script, event handlers, `foreignObject` or external references, and has a size.',
  check(pm) {
    if (pm.binary || !mayReferenceImages(blankCode(pm.body))) return [];
    const trees = bodyTrees(pm);
    if (isParseError(trees)) return [];
    const hast = isMdx(pm.path) ? mdxToHtml(structuredClone(trees.hast)) : trees.hast;
    const findings: Finding[] = [];
    const visit = (node: Nodes) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.src === 'string') report(node, node.properties.src);
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    const report = (element: Element, src: string) => {
      const verdict = checkImage(pm.path, src);
      if (!verdict.problem) return;
      const start = element.position?.start ?? { line: 1, column: 1 };
      findings.push({ line: start.line + pm.bodyStartLine - 1, column: start.column, message: verdict.problem, hint: verdict.hint });
    };
    visit(hast);
    return findings;
  },
};
