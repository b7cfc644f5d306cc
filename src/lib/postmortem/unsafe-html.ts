/**
 * What counts as active content in a post-mortem body. Post-mortems are
 * text: nothing in them should run in a reader's browser. The `unsafe-html`
 * rule reports these; the site's rehype plugin removes them when rendering.
 */

/** Elements that run code or embed other documents. */
export const DANGEROUS_ELEMENTS: ReadonlySet<string> = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta', 'link', 'form']);

/** Attributes whose values carry URLs. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'srcdoc', 'background']);

/** `javascript:`, `vbscript:` and non-image `data:` URLs run code when followed. */
export function isDangerousUrl(url: string): boolean {
  const normalised = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  if (normalised.startsWith('javascript:') || normalised.startsWith('vbscript:')) return true;
  return normalised.startsWith('data:') && !/^data:image\/(?:png|gif|jpe?g|webp);/.test(normalised);
}

/** Inline event handlers (`onerror`, `onclick`, …) and URL attributes with a dangerous URL. */
export function isDangerousAttribute(name: string, value: unknown): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return true;
  if (lower === 'srcdoc') return true;
  return URL_ATTRIBUTES.has(lower) && typeof value === 'string' && isDangerousUrl(value);
}

export interface ActiveContent {
  /** 0-based index into the text. */
  index: number;
  /** What was found, quoted in messages. */
  snippet: string;
  kind: 'element' | 'handler' | 'url';
}

const TAG_NAME = /^<\s*([a-z][a-z0-9-]*)/i;
const HANDLER = /\s(on[a-z]+)\s*=/i;
const SCRIPT_URL = /(?:\]\(|\b(?:href|src|action)\s*=\s*["']?)\s*((?:javascript|vbscript)\s*:|data:(?!image\/(?:png|gif|jpe?g|webp);)[a-z]*)/gi;

/** Finds active content in Markdown text; code spans and code fences must be blanked out by the caller. */
export function findActiveContent(text: string): ActiveContent[] {
  const found: ActiveContent[] = [];
  // Each tag is read up to its `>` (or the next `<`), so no pattern ever scans past one tag: linear in the text.
  for (let open = text.indexOf('<'); open !== -1; open = text.indexOf('<', open + 1)) {
    const close = nextOf(text, open + 1, '>', '<');
    const tag = text.slice(open, close === -1 ? Math.min(text.length, open + 2000) : close);
    const name = TAG_NAME.exec(tag)?.[1];
    if (!name) continue;
    if (DANGEROUS_ELEMENTS.has(name.toLowerCase())) found.push({ index: open, snippet: `<${name}>`, kind: 'element' });
    const handler = HANDLER.exec(tag);
    if (handler) found.push({ index: open + handler.index + 1, snippet: `${handler[1]}=`, kind: 'handler' });
  }
  for (const match of text.matchAll(SCRIPT_URL)) found.push({ index: match.index, snippet: match[1]!, kind: 'url' });
  return found.sort((a, b) => a.index - b.index);
}

/** Index of the first of two characters at or after `from`, or -1. */
function nextOf(text: string, from: number, first: string, second: string): number {
  const a = text.indexOf(first, from);
  const b = text.indexOf(second, from);
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}
