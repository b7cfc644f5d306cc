/**
 * Images a post-mortem shows must be files inside its archive folder that are
 * pictures and nothing else: the build publishes them on the site's origin.
 * The `image-asset` rule reports what this refuses, and the site's Markdown
 * pipeline leaves refused images out (their alt text stays), so a build that
 * goes ahead anyway never publishes one and never stops on a missing file.
 */
import { closeSync, openSync, readSync, realpathSync, statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSvg } from './svg-check.ts';

/** Extensions the site publishes as images, with the bytes a real file of the type starts with. */
const RASTER_SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  jpeg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  gif: (head) => /^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1')),
  webp: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (head) => head.subarray(4, 12).toString('latin1').startsWith('ftypavi'),
};
const EXTENSIONS = [...Object.keys(RASTER_SIGNATURES), 'svg'];

export interface ImageVerdict {
  /** What is wrong, quoting the reference; null when the image may be published. */
  problem: string | null;
  hint: string;
}

const HINT_PLACE = 'Save the image in the post-mortem folder (or a folder inside it) and link it with a relative path, e.g. `![Queue depth](./images/queue-depth.png)`.';
const HINT_SVG = 'Export the diagram as a plain SVG (no scripts, links, embedded HTML or external files, with a width and height or a viewBox), or as a PNG.';

/**
 * Whether a text may show an image (Markdown or HTML syntax). Such a file's problems depend on other files,
 * so validate's result cache never answers for it.
 */
export function mayReferenceImages(text: string): boolean {
  return /!\[|<img|<image/i.test(text);
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
    const { problem } = checkSvg(readFileSync(real, 'utf8'));
    return problem ? refuse(`SVG \`${clip(reference)}\` is refused: ${problem}`, HINT_SVG) : ok();
  }
  if (!RASTER_SIGNATURES[extension]!(readHead(real))) return refuse(`image \`${clip(reference)}\` is not a real .${extension} file`, 'Save the image again in the format its name says.');
  return ok();
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

function readHead(file: string): Buffer {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
