/**
 * Whether an SVG file is a picture and nothing more. A published SVG opened
 * on its own is a document on the site's origin, and no CSP reaches it, so it
 * is read with an XML parser (as the browser reads it) and accepted only if it
 * has no script, event handlers, foreignObject, links or references outside
 * itself, no DOCTYPE (entities), and a size (width and height, or a viewBox).
 */
import sax from 'sax';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Namespaces whose elements a browser would run or render as HTML inside an SVG document. */
const ACTIVE_NAMESPACES = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/1998/Math/MathML', 'http://www.w3.org/1999/XSL/Transform']);
/** SVG elements a static picture needs: shapes, text, paint servers, filters, animation (checked below). */
const SVG_ELEMENTS = new Set(
  (
    'svg g defs symbol use title desc metadata switch path rect circle ellipse line polyline polygon text tspan textPath image ' +
    'linearGradient radialGradient stop pattern clipPath mask marker style filter feBlend feColorMatrix feComponentTransfer ' +
    'feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG ' +
    'feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile ' +
    'feTurbulence animate animateMotion animateTransform'
  ).split(' '),
);
const EMBEDDED_RASTER = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

export interface SvgVerdict {
  /** Why the file is refused, quoting what was found; null when it is fine. */
  problem: string | null;
}

export function checkSvg(text: string): SvgVerdict {
  const refuse = (problem: string): SvgVerdict => ({ problem });
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) return refuse('it declares a DOCTYPE or entities');
  const parser = sax.parser(true, { xmlns: true, position: true });
  let problem: string | null = null;
  let rootSeen = false;
  let inStyle = false;
  const fail = (message: string) => {
    problem ??= message;
  };
  parser.onprocessinginstruction = (instruction: { name: string }) => {
    if (instruction.name.toLowerCase() !== 'xml') fail(`it has a \`<?${instruction.name}?>\` instruction`);
  };
  parser.onopentag = (tag: sax.QualifiedTag) => {
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local !== 'svg' || tag.uri !== SVG_NS) fail(`its root element is \`<${tag.name}>\`, not an SVG \`<svg>\``);
      else if (!hasSize(tag)) fail('it has no size (width and height, or a viewBox)');
    }
    if (ACTIVE_NAMESPACES.has(tag.uri)) fail(`it contains \`<${tag.name}>\` (HTML, MathML or XSLT inside SVG)`);
    if (tag.uri === SVG_NS && !SVG_ELEMENTS.has(tag.local)) fail(`it contains \`<${tag.name}>\``);
    inStyle = tag.uri === SVG_NS && tag.local === 'style';
    for (const attribute of Object.values(tag.attributes)) {
      const name = attribute.local.toLowerCase();
      const value = attribute.value;
      if (name.startsWith('on')) fail(`it has an event handler \`${attribute.name}\``);
      else if (name === 'href' || attribute.name === 'xlink:href') {
        const embedded = tag.local === 'image' && EMBEDDED_RASTER.test(value);
        if (!value.trim().startsWith('#') && !embedded) fail(`it references \`${clip(value)}\` outside itself`);
      } else if (/url\s*\(\s*['"]?\s*(?!#)/i.test(value) || /@import|javascript:|expression\s*\(/i.test(value)) {
        fail(`its \`${attribute.name}\` attribute loads \`${clip(value)}\``);
      } else if (tag.local.startsWith('animate') && name === 'attributename' && /href/i.test(value)) fail('it animates a link target');
    }
  };
  parser.onclosetag = () => {
    inStyle = false;
  };
  const onText = (text: string) => {
    if (inStyle && (/@import|javascript:|expression\s*\(/i.test(text) || /url\s*\(\s*['"]?\s*(?!#)/i.test(text))) fail('its `<style>` loads something outside the file');
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
  if (!rootSeen) fail('it has no `<svg>` element');
  return { problem };
}

function hasSize(tag: sax.QualifiedTag): boolean {
  const value = (name: string) => tag.attributes[name]?.value.trim() ?? '';
  const length = /^\d+(?:\.\d+)?(?:px)?$/;
  if (length.test(value('width')) && length.test(value('height'))) return true;
  const box = value('viewBox').split(/[\s,]+/).map(Number);
  return box.length === 4 && box.every(Number.isFinite) && box[2]! > 0 && box[3]! > 0;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
