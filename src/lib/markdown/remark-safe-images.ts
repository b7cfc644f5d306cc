/**
 * Leaves out images the `image-asset` rule refuses (missing, outside the
 * archive folder, not a real image, an SVG that could run script), keeping
 * their alt text. Runs before Astro collects images, so a build that goes
 * ahead anyway neither stops on a missing file nor publishes a refused one.
 */
import type { Image, Parents, Root, Text } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { checkImage, checkImages } from '../postmortem/safety/assets.ts';

export default function remarkSafeImages() {
  return (tree: Root, file: { path?: string }) => {
    if (!file.path) return;
    const postmortem = file.path;
    // All images first: their raster files are read together (usually already judged by the build gate).
    const urls: string[] = [];
    visit(tree, 'image', (node: Image) => {
      urls.push(node.url);
    });
    checkImages(postmortem, urls);
    visit(tree, 'image', (node: Image, index, parent: Parents | undefined) => {
      if (index === undefined || !parent || !checkImage(postmortem, node.url).problem) return undefined;
      const alt: Text = { type: 'text', value: node.alt ? `[image: ${node.alt}]` : '[image]' };
      parent.children.splice(index, 1, alt as never);
      return [SKIP, index + 1];
    });
  };
}
