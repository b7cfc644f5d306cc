/**
 * Whether an SVG file is a picture and nothing more, and the bytes the site
 * publishes for it. A published SVG opened on its own is a document on the
 * site's origin that no CSP reaches, so the file is never published as
 * written: it is parsed (sax, strictly, as XML) and written out again from the
 * parsed events, as ASCII-only UTF-8 with an allowlist of elements and
 * attributes. What the browser reads is then what this module wrote, whatever
 * encoding, escapes or odd spellings the original used (issue 23).
 *
 * Anything that could run or load is refused with a message (script, event
 * handlers, `<style>`, animation, links, references outside the file, CSS
 * functions other than colours, transforms and `url(#id)`, DOCTYPE and
 * entities, encodings other than UTF-8). Editor metadata (Inkscape's,
 * Illustrator's) and attributes off the list are inert, and simply not written.
 */
import sax from 'sax';
import { IMAGE_LIMITS } from './image-limits.ts';
import { SVG_ATTRIBUTES, SVG_CSS_PROPERTIES, SVG_ELEMENTS, SVG_FUNCTIONS, SVG_REFUSED_ELEMENTS } from './svg-allowlist.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** Namespaces whose elements a browser would run or render as HTML inside an SVG document. */
const ACTIVE_NAMESPACES = new Set(['', 'http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/XSL/Transform']);
/** Elements written out without their content: invisible, and full of editor metadata. */
const SKIPPED_ELEMENTS = new Set(['metadata']);
/** Deeper than any diagram needs; bounds what a browser has to lay out. */
const MAX_DEPTH = 128;
/** Copies `<use>` elements may draw, nested uses multiplied: 8 levels of 10 uses each (10^8 copies) hang Chromium. */
const MAX_USE_COPIES = 10_000;
/**
 * Filter parameters whose cost grows with their value (a 2000-pixel square dilated with radius 100000 hung
 * Chromium); the bounds are far above what a diagram's shadow or outline uses.
 */
const NUMBER_BOUNDS: Record<string, number> = { radius: 50, order: 9, numOctaves: 10 };
/** `url(#id)`: a paint server, clip path, mask, marker or filter of the same file. */
const SAME_FILE_URL = /\burl\(\s*(["']?)#[A-Za-z_][\w.:-]*\1\s*\)/gi;

export interface SvgVerdict {
  /** Why the file is refused, quoting what was found; null when it is fine. */
  problem: string | null;
  /** The file as the site publishes it (null when refused). */
  svg: string | null;
}

/** Checks an SVG file's bytes (or, in tests, its text) and writes the copy the site publishes. */
export function checkSvg(input: Buffer | string): SvgVerdict {
  const refuse = (problem: string): SvgVerdict => ({ problem, svg: null });
  const decoded = typeof input === 'string' ? { text: input } : decode(input);
  if ('problem' in decoded) return refuse(decoded.problem);
  const { text } = decoded;

  const parser = sax.parser(true, { xmlns: true });
  let problem: string | null = null;
  const fail = (message: string) => {
    problem ??= message;
  };
  const out: string[] = [];
  const uses = useGraph();
  /** Per open element: whether it is written out (false for skipped metadata and everything inside it). */
  const stack: boolean[] = [];
  let roots = 0;
  const writing = () => stack.length > 0 && stack.every(Boolean);

  parser.onprocessinginstruction = ({ name, body }) => {
    if (name.toLowerCase() !== 'xml') return fail(`it has a \`<?${clip(name)}?>\` instruction`);
    const encoding = /\bencoding\s*=\s*(["'])(.*?)\1/.exec(body)?.[2];
    if (encoding !== undefined && encoding.toLowerCase() !== 'utf-8') fail(`it declares the encoding \`${clip(encoding)}\`; only UTF-8 is published`);
  };
  parser.ondoctype = () => fail('it declares a DOCTYPE (entities)');
  parser.onopentag = (tag) => {
    if (problem) return;
    if (stack.length === 0) {
      roots += 1;
      if (roots > 1) return fail(`it has a second root element \`<${clip(tag.name)}>\``);
      if (tag.local !== 'svg' || tag.uri !== SVG_NS) return fail(`its root element is \`<${clip(tag.name)}>\`, not an SVG \`<svg>\``);
      if (!hasSize(tag)) return fail('it has no size (width and height, or a viewBox)');
    }
    if (stack.length >= MAX_DEPTH) return fail(`its elements are nested more than ${MAX_DEPTH} deep`);
    if (ACTIVE_NAMESPACES.has(tag.uri)) return fail(`it contains \`<${clip(tag.name)}>\` (HTML, MathML, XSLT or an element without a namespace inside SVG)`);
    if (tag.uri === SVG_NS && SVG_REFUSED_ELEMENTS.has(tag.local)) return fail(`it contains \`<${tag.local}>\`, which can run, load or link`);
    if (tag.uri === SVG_NS && !SVG_ELEMENTS.has(tag.local) && !SKIPPED_ELEMENTS.has(tag.local)) return fail(`it contains \`<${clip(tag.name)}>\`, which a plain picture does not need`);
    const attributes = writeAttributes(tag, fail);
    // Elements of other namespaces (an editor's own) and metadata are inert: they are left out with their content.
    const kept = tag.uri === SVG_NS && !SKIPPED_ELEMENTS.has(tag.local);
    const outer = writing() || stack.length === 0;
    stack.push(kept);
    const id = Object.values(tag.attributes).find((attribute) => attribute.uri === '' && attribute.local === 'id')?.value;
    const href = tag.local === 'use' ? /href="#([^"]*)"/.exec(attributes)?.[1] : undefined;
    uses.open(id, href, tag.local === 'defs' || tag.local === 'symbol');
    if (kept && outer) out.push(`<${tag.local}${stack.length === 1 ? ` xmlns="${SVG_NS}"` : ''}${attributes}>`);
  };
  parser.onclosetag = (name) => {
    if (problem) return;
    uses.close();
    const wasWriting = writing();
    const kept = stack.pop();
    if (kept && wasWriting) out.push(`</${name.includes(':') ? name.slice(name.indexOf(':') + 1) : name}>`);
  };
  const onText = (value: string) => {
    // Control characters, lone surrogates and non-characters (from a reference like `&#xD800;`) would make the copy malformed.
    if (/[^\t\n\r\x20-\x7e\x80-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(value)) fail('it contains a character XML does not allow (a control character or a lone surrogate)');
    if (writing()) out.push(escapeText(value));
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onerror = (error: Error) => {
    fail(`it is not well-formed XML (${error.message.split('\n')[0]})`);
    throw error;
  };
  try {
    parser.write(text).close();
  } catch {
    // Reported through `fail` above.
  }
  if (roots === 0) fail('it has no `<svg>` element');
  if (!problem) {
    const copies = uses.copies();
    if (copies > MAX_USE_COPIES) fail(`its \`<use>\` elements make ${Number.isFinite(copies) ? `${copies.toLocaleString('en-US')} copies` : 'copies of each other in a cycle (or a chain too deep)'}, over the ${MAX_USE_COPIES.toLocaleString('en-US')} a browser can draw without hanging`);
  }
  return problem ? refuse(problem) : { problem: null, svg: `${out.join('')}\n` };
}

/**
 * How many copies the `<use>` elements of a document draw: an element with an id stands for itself plus the copies
 * its own `<use>` descendants draw, and the document draws the copies of every `<use>` outside `<defs>` and `<symbol>`.
 */
function useGraph() {
  const frames: { id?: string; targets: string[]; hidden: boolean }[] = [{ targets: [], hidden: false }];
  const byId = new Map<string, string[]>();
  return {
    /** `hidden`: `<defs>` and `<symbol>`, whose content is drawn only where a `<use>` refers to it. */
    open(id: string | undefined, useTarget: string | undefined, hidden: boolean) {
      frames.push({ id, targets: useTarget === undefined ? [] : [useTarget], hidden });
    },
    close() {
      const frame = frames.pop()!;
      if (frame.id !== undefined && !byId.has(frame.id)) byId.set(frame.id, frame.targets);
      const parent = frames.at(-1);
      if (parent && !frame.hidden) for (const target of frame.targets) parent.targets.push(target);
    },
    /** Infinity for a cycle, or a chain of uses deeper than elements may nest. */
    copies(): number {
      const memo = new Map<string, number>();
      const visiting = new Set<string>();
      const count = (id: string, depth: number): number => {
        if (memo.has(id)) return memo.get(id)!;
        const targets = byId.get(id);
        if (!targets) return 0; // A missing target draws nothing.
        if (visiting.has(id) || depth > MAX_DEPTH) return Infinity;
        visiting.add(id);
        let total = 1;
        for (const target of targets) total += count(target, depth + 1);
        visiting.delete(id);
        memo.set(id, total);
        return total;
      };
      return frames[0]!.targets.reduce((total, target) => total + count(target, 0), 0);
    },
  };
}

/** The bytes as text, if they are UTF-8 (with or without its byte order mark) and not too many. */
function decode(bytes: Buffer): { text: string } | { problem: string } {
  const limit = IMAGE_LIMITS.svgKiB * 1024;
  if (bytes.length > limit) return { problem: `it is ${Math.ceil(bytes.length / 1024)} KiB, over the ${IMAGE_LIMITS.svgKiB} KiB limit for an SVG` };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { problem: 'it is UTF-16 (it starts with a UTF-16 byte order mark); only UTF-8 is published' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { problem: 'it is UTF-16 or UTF-32 (it starts with such a byte order mark); only UTF-8 is published' };
  if (bytes.includes(0)) return { problem: 'it contains NUL bytes (UTF-16 or UTF-32 text, or not text at all); only UTF-8 is published' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: 'it is not UTF-8 text; only UTF-8 is published' };
  }
}

/** The attributes the site keeps, written out; reports those that could run, load or link. */
function writeAttributes(tag: sax.QualifiedTag, fail: (message: string) => void): string {
  let written = '';
  for (const attribute of Object.values(tag.attributes)) {
    const { local, uri, value } = attribute;
    if (uri === XMLNS_NS || attribute.name === 'xmlns') continue; // Written by this module: one default namespace.
    if (/^on/i.test(local)) {
      fail(`it has an event handler \`${clip(attribute.name)}\``);
      continue;
    }
    if (local === 'href' && (uri === '' || uri === XLINK_NS)) {
      // Only a reference to an element of the same file; written as SVG 2's plain `href`.
      if (/^#[A-Za-z_][\w.:-]*$/.test(value)) written += ` href="${escapeAttribute(value)}"`;
      else fail(`it references \`${clip(value)}\` outside itself`);
      continue;
    }
    if (uri === XML_NS && local === 'space' && /^(?:default|preserve)$/.test(value)) {
      written += ` xml:space="${value}"`;
      continue;
    }
    // Another namespace's attribute (an editor's) or one off the list: inert, left out.
    if (uri !== '' || !(local === 'style' || SVG_ATTRIBUTES.has(local) || SVG_CSS_PROPERTIES.has(local))) continue;
    const unsafe = unsafeCss(value);
    if (unsafe) {
      fail(`its \`${clip(attribute.name)}\` attribute \`${clip(value)}\` ${unsafe}`);
      continue;
    }
    const bound = NUMBER_BOUNDS[local];
    if (bound !== undefined && value.split(/[\s,]+/).some((number) => Math.abs(Number(number)) > bound)) {
      fail(`its \`${local}\` \`${clip(value)}\` is over ${bound}, which makes a browser work for minutes`);
      continue;
    }
    if (local === 'style') {
      const style = writeStyle(value);
      if (style) written += ` style="${escapeAttribute(style)}"`;
    } else {
      written += ` ${local}="${escapeAttribute(value)}"`;
    }
  }
  return written;
}

/**
 * Why a value the browser may read as CSS is refused, or null. Values are held to a subset of CSS in
 * which splitting on `;` and `:` is exact: no escapes, comments, at-rules, braces or strings holding
 * punctuation, and no function but colours, transforms and `url(#id)` (so no `url(http…)`, `image-set()`,
 * `src()`, `var()`, `attr()`, `expression()`).
 */
function unsafeCss(value: string): string | null {
  const simple = value.replace(SAME_FILE_URL, '_').replace(/"[\w .,-]*"|'[\w .,-]*'/g, '_');
  const odd = /[^A-Za-z0-9\s.,#%+\-_()!:;/]/.exec(simple);
  if (odd) return `has \`${odd[0]}\` (escapes, comments, at-rules and quoted punctuation are not allowed)`;
  for (const call of simple.matchAll(/([A-Za-z_-][\w-]*)?\s*\(/g)) {
    const name = (call[1] ?? '').toLowerCase();
    if (name === 'url') return 'loads something outside the file (only `url(#id)` of an element in the same file is allowed)';
    if (!SVG_FUNCTIONS.has(name)) return `calls \`${clip(name)}()\` (only colours, transforms and \`url(#id)\` are allowed)`;
  }
  return null;
}

/** A style attribute's declarations of picture properties, written out again (the value already passed `unsafeCss`). */
function writeStyle(style: string): string {
  const declarations: string[] = [];
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim();
    if (SVG_CSS_PROPERTIES.has(property) && value) declarations.push(`${property}:${value}`);
  }
  return declarations.join(';');
}

function hasSize(tag: sax.QualifiedTag): boolean {
  const value = (name: string) => Object.values(tag.attributes).find((attribute) => attribute.uri === '' && attribute.local === name)?.value.trim() ?? '';
  const length = /^\d+(?:\.\d+)?(?:px)?$/;
  if (length.test(value('width')) && length.test(value('height'))) return true;
  const box = value('viewBox').split(/[\s,]+/).map(Number);
  return box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0;
}

/** Text content as ASCII: the published file reads the same under any ASCII-compatible encoding. */
function escapeText(text: string): string {
  return text.replace(/[&<>]|[^\0-\x7f]/gu, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : `&#x${char.codePointAt(0)!.toString(16)};`));
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/["\t\n\r]/g, (char) => `&#x${char.charCodeAt(0).toString(16)};`);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
