/** The sanitizer's plain tree walks (hast-walk.ts) reach every node, however deep, in document order. */
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { eachElement, hasNodeOfType } from '../../src/lib/postmortem/safety/hast-walk.ts';

const el = (tagName: string, ...children: Element['children']): Element => ({ type: 'element', tagName, properties: {}, children });
const tree = (): Root => ({
  type: 'root',
  children: [el('p', { type: 'text', value: 'a' }), el('blockquote', el('ul', el('li', el('em'), { type: 'raw', value: '<kbd>k</kbd>' }))), el('hr')],
});

describe('hast walks', () => {
  it('visits every element, a parent before its children, in document order', () => {
    const names: string[] = [];
    eachElement(tree(), (element) => names.push(element.tagName));
    expect(names).toEqual(['p', 'blockquote', 'ul', 'li', 'em', 'hr']);
  });

  it('finds a node type at any depth, and only when present', () => {
    expect(hasNodeOfType(tree(), 'raw')).toBe(true);
    expect(hasNodeOfType(tree(), 'root')).toBe(true);
    expect(hasNodeOfType(tree(), 'comment')).toBe(false);
    expect(hasNodeOfType({ type: 'root', children: [el('p', { type: 'text', value: '<b>' })] }, 'raw')).toBe(false);
  });
});
