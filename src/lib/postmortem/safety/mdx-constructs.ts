/**
 * The MDX trust model. By default an `.mdx` post-mortem may contain Markdown
 * and the components Hindsight documents (none today), with literal props only:
 * HTML-like tags with literal attributes are read as HTML (and sanitised like
 * HTML in a `.md` file); imports, exports, `{expressions}`, spreads, Astro
 * directives (`set:html`, …) and components are problems, found on the MDX
 * syntax tree. `HINDSIGHT_MDX=trusted` opts in to full MDX (see docs/FORMAT.md).
 */
import type { Element, ElementContent, Nodes, Parents, Root } from 'hast';
import { h } from 'hastscript';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';

/** Components an untrusted `.mdx` may use. None are documented yet: add a name here only with its docs in FORMAT.md. */
export const DOCUMENTED_COMPONENTS: ReadonlySet<string> = new Set();

export interface MdxProblem {
  kind: 'esm' | 'expression' | 'component' | 'spread' | 'attribute-expression' | 'directive';
  snippet: string;
  line: number;
  column: number;
}

interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: 'mdxJsxAttributeValueExpression'; value: string };
}
interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: unknown[];
  position?: { start: { line: number; column: number } };
}
interface ExpressionNode {
  type: 'mdxFlowExpression' | 'mdxTextExpression' | 'mdxjsEsm';
  value: string;
  data?: { estree?: { body: unknown[] } };
  position?: { start: { line: number; column: number } };
}

/** An HTML element name, as opposed to a component (`Chart`, `ui.Card`) or a fragment (`<>`). */
function isHtmlName(name: string | null): name is string {
  return name !== null && /^[a-z][a-z0-9-]*$/.test(name);
}

function quote(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** Everything an untrusted `.mdx` may not contain, in document order. */
export function findMdxProblems(tree: MdastRoot): MdxProblem[] {
  const problems: MdxProblem[] = [];
  const at = (node: { position?: { start: { line: number; column: number } } }) => node.position?.start ?? { line: 1, column: 1 };
  visit(tree, (node) => {
    const type: string = node.type;
    if (type === 'mdxjsEsm') {
      problems.push({ kind: 'esm', snippet: quote((node as unknown as ExpressionNode).value), ...at(node) });
    } else if (type === 'mdxFlowExpression' || type === 'mdxTextExpression') {
      const expression = node as unknown as ExpressionNode;
      // `{/* a comment */}` is MDX's comment syntax: nothing to run.
      if (expression.data?.estree?.body.length === 0) return;
      problems.push({ kind: 'expression', snippet: `{${quote(expression.value)}}`, ...at(node) });
    } else if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
      const jsx = node as unknown as JsxNode;
      if (!isHtmlName(jsx.name) && !DOCUMENTED_COMPONENTS.has(jsx.name ?? '')) {
        problems.push({ kind: 'component', snippet: `<${jsx.name ?? ''}>`, ...at(node) });
      }
      for (const attribute of jsx.attributes) {
        if (attribute.type === 'mdxJsxExpressionAttribute') problems.push({ kind: 'spread', snippet: `{${quote(String(attribute.value ?? ''))}}`, ...at(node) });
        else if (attribute.name?.includes(':') && !/^(?:xlink|xml):/.test(attribute.name)) problems.push({ kind: 'directive', snippet: attribute.name, ...at(node) });
        else if (attribute.value && typeof attribute.value === 'object') {
          problems.push({ kind: 'attribute-expression', snippet: `${attribute.name}={${quote(attribute.value.value)}}`, ...at(node) });
        }
      }
    }
  });
  return problems;
}

/**
 * Turns the MDX nodes of an HTML tree into what an untrusted `.mdx` may render:
 * HTML-like tags become elements with their literal attributes (the sanitizer
 * judges them next), components keep only their children, and imports, exports
 * and expressions are dropped, so nothing of them reaches the compiled page.
 */
export function mdxToHtml(tree: Root): Root {
  const convert = (children: readonly Nodes[]): ElementContent[] =>
    children.flatMap((child): ElementContent[] => {
      const type: string = child.type;
      if (type === 'mdxjsEsm' || type === 'mdxFlowExpression' || type === 'mdxTextExpression') return [];
      if (type === 'mdxJsxFlowElement' || type === 'mdxJsxTextElement') {
        const jsx = child as unknown as JsxNode;
        const inner = convert(jsx.children as Nodes[]);
        if (!isHtmlName(jsx.name)) return inner;
        const literal: Record<string, string | boolean> = {};
        for (const attribute of jsx.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || !attribute.name || attribute.name.includes(':')) continue;
          if (attribute.value === null || attribute.value === undefined) literal[attribute.name] = true;
          else if (typeof attribute.value === 'string') literal[attribute.name] = attribute.value;
        }
        const element: Element = h(jsx.name, literal, inner);
        if (jsx.position) element.position = jsx.position as Element['position'];
        return [element];
      }
      if ('children' in child) (child as Parents).children = convert((child as Parents).children as Nodes[]) as Parents['children'];
      return [child as ElementContent];
    });
  tree.children = convert(tree.children as Nodes[]) as Root['children'];
  return tree;
}
