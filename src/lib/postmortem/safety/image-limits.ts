/**
 * How large an image the site publishes (docs/FORMAT.md, "Images"). Fixed:
 * the bounds protect the build, and no diagram or screenshot comes near them.
 */
export const IMAGE_LIMITS = {
  /** An SVG's size: a diagram is a few dozen KiB; parsing and re-writing stay cheap. */
  svgKiB: 1024,
  /** A raster file's size on disk. */
  rasterMiB: 20,
  /**
   * Pixels a raster image declares, every frame of an animation counted: a 4K screenshot is 8.3 million,
   * a phone photo 12 to 48. A small file declaring more is a decompression bomb.
   */
  megapixels: 40,
  /** Pixels on either side: WebP's own limit, the format the build converts images to. */
  side: 16_383,
} as const;
