/**
 * Images a post-mortem shows must be files inside its archive folder that are
 * pictures and nothing else: the build publishes them on the site's origin.
 * The `image-asset` rule reports what this refuses, and the site's Markdown
 * pipeline leaves refused images out (their alt text stays), so a build that
 * goes ahead anyway never publishes one and never stops on a missing file.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import parseSrcset from '@fisker/parse-srcset';
import { RASTER_SIGNATURES, rasterProblem } from './raster-check.ts';
import { checkSvg } from './svg-check.ts';

const EXTENSIONS = [...Object.keys(RASTER_SIGNATURES), 'svg'];

export interface ImageVerdict {
  /** What is wrong, quoting the reference; null when the image may be published. */
  problem: string | null;
  hint: string;
}

const HINT_PLACE = 'Save the image in the post-mortem folder (or a folder inside it) and link it with a relative path, e.g. `![Queue depth](./images/queue-depth.png)`.';
const HINT_SVG = 'Export the diagram as a plain UTF-8 SVG (shapes and text with presentation attributes such as `fill`; no scripts, `<style>`, animation, links, embedded images or external files; a width and height or a viewBox), or as a PNG.';
const HINT_RASTER = 'Export the image again as a PNG or JPEG of normal size (a screenshot or a chart), and name it after its format.';

/**
 * Whether a text may show an image (Markdown or HTML syntax). Such a file's problems depend on other files,
 * so validate's result cache never answers for it.
 */
export function mayReferenceImages(text: string): boolean {
  return /!\[|<img|<image|srcset/i.test(text);
}

/** Whether a Markdown or HTML image reference is to be checked as a file (every image is, except inline `data:` ones the sanitizer removes). */
export function checkImage(postmortemPath: string, url: string): ImageVerdict {
  const ok = (): ImageVerdict => ({ problem: null, hint: '' });
  const refuse = (problem: string, hint = HINT_PLACE): ImageVerdict => ({ problem, hint });
  const reference = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) {
    if (/^data:/i.test(reference)) return ok(); // Reported by unsafe-html: the sanitizer removes it.
    return refuse(`image \`${clip(reference)}\` is not a file in the archive (the site only loads its own images)`);
  }
  if (reference.startsWith('/')) return refuse(`image \`${clip(reference)}\` is an absolute path`);
  let relative: string;
  try {
    relative = decodeURIComponent(reference.replace(/[?#].*$/, ''));
  } catch {
    return refuse(`image \`${clip(reference)}\` is not a valid path`);
  }
  const folder = path.dirname(path.resolve(postmortemPath));
  const target = path.resolve(folder, relative);
  const extension = path.extname(target).slice(1).toLowerCase();
  if (!EXTENSIONS.includes(extension)) return refuse(`image \`${clip(reference)}\` is not a ${EXTENSIONS.join(', ')} file`);
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return refuse(`image \`${clip(reference)}\` does not exist`);
  }
  if (!isInside(realpathSync(folder), real)) return refuse(`image \`${clip(reference)}\` is outside the archive folder`);
  if (!statSync(real).isFile()) return refuse(`image \`${clip(reference)}\` is not a file`);
  if (extension === 'svg') {
    const { problem } = checkSvg(readFileSync(real));
    return problem ? refuse(`SVG \`${clip(reference)}\` is refused: ${problem}`, HINT_SVG) : ok();
  }
  const problem = rasterProblem(real, extension);
  return problem ? refuse(`image \`${clip(reference)}\` ${problem}`, HINT_RASTER) : ok();
}

/** One image of a `srcset`, as a browser reads it, with its verdict. */
export interface SrcsetCandidate {
  url: string;
  /** The candidate written out again from what was parsed: `./queue.png 2x`. */
  text: string;
  verdict: ImageVerdict;
}

/**
 * The images of a `srcset` (of a `<source>` in a `<picture>`), parsed as a browser parses them (the WHATWG
 * algorithm), each checked as `src` is; a `data:` image is refused here, as the site never shows one. The page
 * keeps only the accepted candidates, written out again, so what the browser loads is what was checked.
 */
export function checkSrcset(postmortemPath: string, srcset: string): SrcsetCandidate[] {
  // Candidates with a malformed descriptor are dropped, as by the browser; silently (the parser would log them).
  return parseSrcset(srcset, { logger: {} }).map(({ url, w, d, h }) => {
    const descriptor = [w && ` ${w}w`, h && ` ${h}h`, d && ` ${d}x`].filter(Boolean).join('');
    const verdict: ImageVerdict = /^\s*data:/i.test(url)
      ? { problem: `\`srcset\` image \`${clip(url)}\` is a \`data:\` URL, which the site never shows`, hint: HINT_PLACE }
      : checkImage(postmortemPath, url);
    return { url, text: `${url}${descriptor}`, verdict };
  });
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
