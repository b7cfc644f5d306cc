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
import { RASTER_SIGNATURES, rasterProblems } from './raster-check.ts';
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
  return checkImages(postmortemPath, [url])[0]!;
}

/** checkImage for each of `urls`; their raster files are read together (one child process, see raster-check.ts). */
export function checkImages(postmortemPath: string, urls: readonly string[]): ImageVerdict[] {
  const located = urls.map((url) => locate(postmortemPath, url));
  const rasters = located.filter((entry): entry is Located => 'real' in entry && entry.extension !== 'svg');
  const found = rasterProblems(rasters.map(({ real, extension }) => ({ file: real, extension })));
  const problems = new Map(rasters.map((raster, i) => [raster, found[i]] as const));
  return located.map((entry) => {
    if (!('real' in entry)) return entry;
    const { real, extension, reference } = entry;
    if (extension === 'svg') {
      const { problem } = checkSvg(readFileSync(real));
      return problem ? { problem: `SVG \`${clip(reference)}\` is refused: ${problem}`, hint: HINT_SVG } : OK;
    }
    const problem = problems.get(entry);
    return problem ? { problem: `image \`${clip(reference)}\` ${problem}`, hint: HINT_RASTER } : OK;
  });
}

const OK: ImageVerdict = { problem: null, hint: '' };

/** An image reference that names a regular file inside the archive folder, with a type the site publishes. */
interface Located {
  reference: string;
  real: string;
  extension: string;
}

/** The file an image reference names, or why it cannot be shown (whatever the file holds). */
function locate(postmortemPath: string, url: string): Located | ImageVerdict {
  const refuse = (problem: string): ImageVerdict => ({ problem, hint: HINT_PLACE });
  const reference = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith('//')) {
    if (/^data:/i.test(reference)) return OK; // Reported by unsafe-html: the sanitizer removes it.
    return refuse(`image \`${clip(reference)}\` is not a file in the archive (the site only loads its own images)`);
  }
  if (reference.startsWith('/')) return refuse(`image \`${clip(reference)}\` is an absolute path`);
  // A browser reads `\` as `/` (`\\host\x.png` is another origin) and drops control characters before a scheme
  // (`\x01data:…` is a data: URL): such a reference would not name the file checked here.
  if (/[\\\0-\x1f\x7f]/.test(reference)) return refuse(`image \`${clip(reference.replace(/[\0-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`))}\` has a backslash or a control character; write paths with \`/\``);
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
  return { reference, real, extension };
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
  const candidates = srcsetUrls(srcset);
  const verdicts = checkImages(postmortemPath, candidates.map(({ url }) => url));
  return candidates.map(({ url, text }, i) => {
    const verdict: ImageVerdict = /^\s*data:/i.test(url)
      ? { problem: `\`srcset\` image \`${clip(url)}\` is a \`data:\` URL, which the site never shows`, hint: HINT_PLACE }
      : verdicts[i]!;
    return { url, text, verdict };
  });
}

/** The images of a `srcset` as a browser parses them, each written out again from the parse. */
export function srcsetUrls(srcset: string): { url: string; text: string }[] {
  // Candidates with a malformed descriptor are dropped, as by the browser; silently (the parser would log them).
  return parseSrcset(srcset, { logger: {} }).map(({ url, w, d, h }) => {
    const descriptor = [w && ` ${w}w`, h && ` ${h}h`, d && ` ${d}x`].filter(Boolean).join('');
    return { url, text: `${url}${descriptor}` };
  });
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
