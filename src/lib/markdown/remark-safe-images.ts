/**
 * Leaves out images the `image-asset` rule refuses (missing, outside the
 * archive folder, not a real image, an SVG that could run script), keeping
 * their alt text. Runs before Astro collects images, so a build that goes
 * ahead anyway neither stops on a missing file nor publishes a refused one.
 */
import type { Image, Parents, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { checkImages } from '../postmortem/safety/assets.ts';

export default function remarkSafeImages() {
  return (tree: Root, file: { path?: string; value?: unknown }) => {
    // An image node comes only from `![` in the source (a character reference never makes syntax): most bodies have none.
    if (!file.path || (typeof file.value === 'string' && !file.value.includes('!['))) return;
    // One walk finds every image; their raster files are then judged together (usually already by the build gate).
    const found: { node: Image; parent: Parents; index: number }[] = [];
    visit(tree, 'image', (node: Image, index, parent: Parents | undefined) => {
      if (index !== undefined && parent) found.push({ node, parent, index });
    });
    if (!found.length) return;
    const verdicts = checkImages(file.path, found.map(({ node }) => node.url));
    // One node for one node: the positions of the others stay as found.
    found.forEach(({ node, parent, index }, at) => {
      if (!verdicts[at]!.problem) return;
      const alt: Text = { type: 'text', value: node.alt ? `[image: ${node.alt}]` : '[image]' };
      parent.children.splice(index, 1, alt as never);
    });
  };
}
