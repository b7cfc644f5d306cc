/**
 * Whether a PNG, JPEG, GIF, WebP or AVIF file is an image the build can
 * publish: it is read by the two readers the build uses, Astro's metadata
 * probe (which sizes the `<img>`) and sharp (which converts it to WebP), and
 * refused unless both take it for the format its name says, its declared size
 * is within IMAGE_LIMITS (a decompression bomb declares far more pixels than
 * its bytes hold) and sharp decodes every pixel without error (a truncated or
 * corrupt file, or HTML behind an image header, does not).
 *
 * The rules are synchronous and sharp is not, so the reading runs in a child
 * process: it also keeps a decoder's memory, or a crash, out of `validate`,
 * and is killed if it takes too long. The images of one post-mortem are read
 * by one child, and verdicts are kept per file version, as the rule, the
 * Markdown plugins and the build gate ask about the same files.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { IMAGE_LIMITS } from './image-limits.ts';

/** Extensions the site publishes as raster images, with the bytes a real file of the type starts with. */
export const RASTER_SIGNATURES: Record<string, (head: Buffer) => boolean> = {
  png: (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  jpg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  jpeg: (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  gif: (head) => /^GIF8[79]a/.test(head.subarray(0, 6).toString('latin1')),
  webp: (head) => head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP',
  avif: (head) => /^ftypavi[fs]/.test(head.subarray(4, 12).toString('latin1')),
};

/** The format name each reader gives a file of that extension (Astro's probe, sharp). */
const FORMAT_NAMES: Record<string, { probe: string[]; sharp: string[] }> = {
  png: { probe: ['png'], sharp: ['png'] },
  jpg: { probe: ['jpg'], sharp: ['jpeg'] },
  jpeg: { probe: ['jpg'], sharp: ['jpeg'] },
  gif: { probe: ['gif'], sharp: ['gif'] },
  webp: { probe: ['webp'], sharp: ['webp'] },
  avif: { probe: ['avif', 'heif'], sharp: ['heif', 'avif'] },
};

/** Reads one image in a child process and prints what each reader found, as JSON. Plain ESM: it runs with `node -e`. */
const READER = `
const [astroUtils, sharpPath, maxPixels, ...files] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { imageMetadata } = await import(astroUtils);
const sharp = (await import(sharpPath)).default;
sharp.cache(false);
sharp.concurrency(1);
const reports = [];
for (const file of files) {
  const report = {};
  try {
    const probe = await imageMetadata(readFileSync(file), file.split(/[\\\\/]/).pop());
    report.probe = { format: probe.format, width: probe.width, height: probe.height };
  } catch (error) { report.probeError = String(error.message ?? error).split('\\n')[0]; }
  try {
    const meta = await sharp(file, { limitInputPixels: false, pages: -1 }).metadata();
    const height = meta.pageHeight ?? meta.height;
    report.sharp = { format: meta.format, compression: meta.compression, width: meta.width, height, pages: meta.pages ?? 1 };
    if (meta.width * height * (meta.pages ?? 1) <= Number(maxPixels)) {
      await sharp(file, { failOn: 'error', limitInputPixels: Number(maxPixels), pages: -1 }).rotate().resize(16, 16, { fit: 'inside' }).raw().toBuffer();
      report.decoded = true;
    }
  } catch (error) { report.sharpError = String(error.message ?? error).split('\\n')[0]; }
  reports.push(report);
}
process.stdout.write(JSON.stringify(reports));
`;

interface ReaderReport {
  probe?: { format: string; width: number; height: number };
  probeError?: string;
  sharp?: { format: string; compression?: string; width: number; height: number; pages: number };
  sharpError?: string;
  decoded?: boolean;
}

const verdicts = new Map<string, string | null>();
const READ_TIMEOUT_MS = 20_000;

/** A raster image file to judge: a regular file with one of the RASTER_SIGNATURES extensions. */
export interface RasterFile {
  file: string;
  extension: string;
}

/**
 * Why each raster image file may not be published, or null. A problem completes a sentence about the
 * image: "`x.png` …". Files not judged before are read together, by one child process.
 */
export function rasterProblems(rasters: readonly RasterFile[]): (string | null)[] {
  const keys = rasters.map(({ file, extension }) => {
    const { size, mtimeMs } = statSync(file);
    const key = `${file}\0${size}\0${mtimeMs}`;
    const limit = IMAGE_LIMITS.rasterMiB * 1024 * 1024;
    if (size > limit) verdicts.set(key, `is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${IMAGE_LIMITS.rasterMiB} MiB limit for an image`);
    else if (!RASTER_SIGNATURES[extension]!(readHead(file))) verdicts.set(key, `is not a real .${extension} file`);
    return key;
  });
  const unread = [...new Map(rasters.map((raster, i) => [keys[i]!, raster] as const).filter(([key]) => !verdicts.has(key))).entries()];
  if (unread.length > 0) {
    const reports = read(unread.map(([, raster]) => raster.file));
    unread.forEach(([key, raster], i) => verdicts.set(key, judge(typeof reports === 'string' ? reports : reports[i]!, raster.extension)));
  }
  return keys.map((key) => verdicts.get(key)!);
}

function judge(report: ReaderReport | string, extension: string): string | null {
  if (typeof report === 'string') return report;
  const names = FORMAT_NAMES[extension]!;
  if (!report.probe) return `is not a .${extension} image the build can read (${report.probeError ?? 'no size found'})`;
  if (!report.sharp) return `is not a .${extension} image the build can read (${report.sharpError ?? 'unknown format'})`;
  const { probe, sharp } = report;
  const avif = extension === 'avif' ? sharp.compression === 'av1' : true;
  if (!names.probe.includes(probe.format) || !names.sharp.includes(sharp.format) || !avif) return `is a ${sharp.format} image, not a .${extension} one`;
  const side = Math.max(sharp.width, sharp.height, probe.width, probe.height);
  if (side > IMAGE_LIMITS.side) return `is ${sharp.width}×${sharp.height} pixels, over the ${IMAGE_LIMITS.side.toLocaleString('en-US')} pixel limit for a side`;
  const megapixels = (sharp.width * sharp.height * sharp.pages) / 1e6;
  if (megapixels > IMAGE_LIMITS.megapixels) {
    const frames = sharp.pages > 1 ? ` in ${sharp.pages} frames` : '';
    return `declares ${sharp.width}×${sharp.height} pixels${frames} (${megapixels.toFixed(0)} megapixels), over the ${IMAGE_LIMITS.megapixels} megapixel limit`;
  }
  if (!report.decoded) return `does not decode: it is truncated or corrupt (${report.sharpError ?? 'unknown error'})`;
  return null;
}

function read(files: readonly string[]): ReaderReport[] | string {
  const require = createRequire(import.meta.url);
  const astroUtils = pathToFileURL(require.resolve('astro/assets/utils')).href;
  const sharpPath = pathToFileURL(require.resolve('sharp')).href;
  const maxPixels = String(IMAGE_LIMITS.megapixels * 1e6);
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', READER, astroUtils, sharpPath, maxPixels, ...files], {
    encoding: 'utf8',
    // One bound for the whole post-mortem, whatever the number of images: a 40-megapixel PNG decodes in about 3 s here.
    timeout: READ_TIMEOUT_MS,
    maxBuffer: 1024 * 1024,
    // Nothing of the caller's environment (loaders, options); sharp's memory is bounded by the pixel limit.
    env: { NODE_OPTIONS: '--max-old-space-size=256' },
  });
  if (child.error && (child.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return `could not be read within ${READ_TIMEOUT_MS / 1000} s (with the other images of this post-mortem)`;
  if (child.error || child.status !== 0) return `could not be read (${child.error?.message ?? (child.stderr.split('\n')[0] || `exit ${child.status}`)})`;
  return JSON.parse(child.stdout) as ReaderReport[];
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
