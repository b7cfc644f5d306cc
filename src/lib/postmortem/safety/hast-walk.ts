/**
 * Plain walks of an HTML tree, in document order, for the sanitizer's passes over every body.
 * unist-util-visit builds an ancestor list and a closure per node: over 1,000 generated bodies one of its walks
 * cost about 0.4 s of CPU, one of these about 0.03 s (docs/PERFORMANCE.md, "Build, tenth round").
 */
import type { Element, Nodes } from 'hast';

/** Calls `onElement` for every element of `node` (itself included), a parent before its children. */
export function eachElement(node: Nodes, onElement: (element: Element) => void): void {
  if (node.type === 'element') onElement(node);
  if ('children' in node) for (const child of node.children) eachElement(child, onElement);
}

/** True when `node` or any node inside it has type `type` (`raw`, or an MDX node type hast does not name). */
export function hasNodeOfType(node: Nodes, type: string): boolean {
  return node.type === type || ('children' in node && node.children.some((child) => hasNodeOfType(child, type)));
}
