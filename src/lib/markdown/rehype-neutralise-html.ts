/**
 * Removes active content from rendered post-mortems: script-like elements,
 * inline event handlers and script URLs, whether written as raw HTML in
 * Markdown or as JSX in MDX. What counts as active is defined once, in the
 * core (`unsafe-html.ts`), which `validate` uses to report the same things.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit, SKIP } from 'unist-util-visit';
import { DANGEROUS_ELEMENTS, isDangerousAttribute } from '../postmortem/unsafe-html.ts';

const MDX_NODES = ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'];

interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
}

export default function rehypeNeutraliseHtml() {
  return (tree: Root, file: unknown): Root => {
    let hasRaw = false;
    visit(tree, 'raw', () => {
      hasRaw = true;
      return SKIP;
    });
    // Raw HTML is still an unparsed string at this point of Astro's pipeline; parse it so it can be inspected.
    const parsed = hasRaw ? (rehypeRaw({ passThrough: MDX_NODES })(tree, file as never) as Root) : tree;
    visit(parsed, (node, index, parent) => {
      if (node.type === 'element') {
        const element = node as Element;
        if (DANGEROUS_ELEMENTS.has(element.tagName.toLowerCase()) && parent && index !== undefined) {
          parent.children.splice(index, 1);
          return index;
        }
        for (const [name, value] of Object.entries(element.properties ?? {})) {
          if (isDangerousAttribute(propertyToAttribute(name), Array.isArray(value) ? value.join(' ') : value)) delete element.properties[name];
        }
      }
      const type: string = node.type;
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const jsx = node as unknown as MdxJsxElement;
        if (jsx.name && DANGEROUS_ELEMENTS.has(jsx.name.toLowerCase()) && parent && index !== undefined) {
          parent.children.splice(index, 1);
          return index;
        }
        jsx.attributes = jsx.attributes.filter((attribute) => attribute.type !== 'mdxJsxAttribute' || !isDangerousAttribute(attribute.name ?? '', attribute.value));
      }
      return undefined;
    });
    return parsed;
  };
}

/** hast stores `onClick` as `onClick` and `xlinkHref` as `xLinkHref`; compare them as HTML attribute names. */
function propertyToAttribute(property: string): string {
  return property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^on-/, 'on').replace(/^x-link-/, 'xlink:');
}
