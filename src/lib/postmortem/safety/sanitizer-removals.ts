/**
 * What the sanitizer removes from a body, found by running it: every element
 * is tagged, the tree is sanitised with the site's schema, and whatever tag or
 * attribute did not come through is reported. One definition of "unsafe" for
 * the site (which renders the sanitised tree) and `validate` (which reports).
 */
import type { Element, Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { eachElement } from './hast-walk.ts';
import { SANITIZE_SCHEMA } from './sanitize-schema.ts';

export interface RemovedContent {
  kind: 'element' | 'attribute';
  /** The removed tag or attribute as written, e.g. `<iframe>` or `href="javascript:…"`. */
  snippet: string;
  tagName: string;
  /** 1-based position in the parsed text, when known. */
  line: number;
  column: number;
}

const KEY = 'hindsightSanitizeKey';

/** The tree as the site renders it. */
export function sanitizeTree(tree: Root): Root {
  return sanitize(tree, SANITIZE_SCHEMA) as Root;
}

/** Every element and attribute the sanitizer removes from `tree`, in document order. */
export function findRemoved(tree: Root): RemovedContent[] {
  const original: Element[] = [];
  eachElement(tree, (element) => {
    element.data = { ...element.data, [KEY]: original.length } as Element['data'];
    original.push(element);
  });
  const kept = new Map<number, Element>();
  eachElement(sanitizeTree(tree), (element) => {
    const key = (element.data as Record<string, unknown> | undefined)?.[KEY];
    if (typeof key === 'number') kept.set(key, element);
  });
  const stripped = new Set(SANITIZE_SCHEMA.strip ?? []);
  const removed: RemovedContent[] = [];
  const visit = (element: Element, insideRemoved: boolean) => {
    const safe = kept.get((element.data as Record<string, number>)[KEY]!);
    const { line, column } = element.position?.start ?? { line: 1, column: 1 };
    if (!safe) {
      if (!insideRemoved) removed.push({ kind: 'element', snippet: `<${element.tagName}>`, tagName: element.tagName, line, column });
      // A stripped element takes its content with it: report the element, not each child.
      if (stripped.has(element.tagName)) return;
    } else {
      for (const [property, value] of Object.entries(element.properties ?? {})) {
        if (value === undefined || value === null || value === false) continue;
        const after = safe.properties[property];
        if (sameValue(value, after)) continue;
        removed.push({ kind: 'attribute', snippet: attributeSnippet(property, value, after), tagName: element.tagName, line, column });
      }
    }
    for (const child of element.children) if (child.type === 'element') visit(child, insideRemoved || (!safe && stripped.has(element.tagName)));
  };
  for (const child of tree.children) if (child.type === 'element') visit(child, false);
  return removed;
}

/** Kept as is, or only given the clobber prefix (`id="x"` becomes `id="user-content-x"`): nothing was removed. */
function sameValue(before: unknown, after: unknown): boolean {
  const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)]);
  const a = list(before);
  const b = list(after);
  return a.length === b.length && a.every((item, index) => item === b[index] || b[index] === `${SANITIZE_SCHEMA.clobberPrefix}${item}`);
}

function attributeSnippet(property: string, value: unknown, after: unknown): string {
  const name = find(html, property).attribute;
  const values = Array.isArray(value) ? value.map(String) : [String(value)];
  const keptValues = Array.isArray(after) ? after.map(String) : [];
  const removedValues = values.filter((item) => !keptValues.includes(item));
  const text = value === true ? name : `${name}="${removedValues.join(' ')}"`;
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
