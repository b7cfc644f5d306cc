import type { Element, Nodes } from 'hast';
import { checkImage, checkImages, checkSrcset, mayReferenceImages, srcsetUrls, type ImageVerdict } from '../safety/assets.ts';
import { bodyTrees, isMdx, isParseError } from '../safety/body-tree.ts';
import { mdxToHtml } from '../safety/mdx-constructs.ts';
import { blankCode } from '../parsing/prose.ts';
import type { Finding, Rule } from './types.ts';

export const imageAsset: Rule = {
  id: 'image-asset',
  level: 'error',
  description:
    'Every image (`src`, and each image of a `<source srcset>`) is a file inside the archive folder (relative path, not missing, not outside through `../` or a link, never `data:`); a raster image is the format its name says, within the size limits, and decodes; an SVG is UTF-8 with nothing that runs, loads or links, and has a size.',
  check(pm) {
    if (pm.binary || !mayReferenceImages(blankCode(pm.body))) return [];
    const trees = bodyTrees(pm);
    if (isParseError(trees)) return [];
    const hast = isMdx(pm.path) ? mdxToHtml(structuredClone(trees.hast)) : trees.hast;
    const findings: Finding[] = [];
    // Every image of the body first, so that their raster files are read together.
    const urls: string[] = [];
    const collect = (node: Nodes) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.src === 'string') urls.push(node.properties.src);
      if (node.type === 'element' && node.tagName === 'source' && node.properties.srcSet != null) urls.push(...srcsetUrls(String(node.properties.srcSet)).map(({ url }) => url));
      if ('children' in node) for (const child of node.children) collect(child as Nodes);
    };
    collect(hast);
    checkImages(pm.path, urls);
    const visit = (node: Nodes) => {
      if (node.type === 'element' && node.tagName === 'img' && typeof node.properties.src === 'string') report(node, checkImage(pm.path, node.properties.src));
      // The sanitizer keeps `srcset` on `<source>` only (on `<img>` it is removed, and reported by unsafe-html).
      if (node.type === 'element' && node.tagName === 'source' && node.properties.srcSet != null) {
        for (const candidate of checkSrcset(pm.path, String(node.properties.srcSet))) report(node, candidate.verdict);
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    const report = (element: Element, verdict: ImageVerdict) => {
      if (!verdict.problem) return;
      const start = element.position?.start ?? { line: 1, column: 1 };
      findings.push({ line: start.line + pm.bodyStartLine - 1, column: start.column, message: verdict.problem, hint: verdict.hint });
    };
    visit(hast);
    return findings;
  },
};
