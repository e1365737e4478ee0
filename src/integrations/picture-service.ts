/**
 * Broadsheet's image service: Astro's sharp service (astro.config.mjs `image.service`), with two
 * changes a newsroom's uploads need.
 *
 * - An animated GIF or WebP asked for in a format that cannot animate (AVIF, JPEG, PNG) becomes
 *   a still of its first frame. Astro reads every frame (`pages: -1`) and those encoders write
 *   them one under another: a 640 × 360 loop of four frames became a 640 × 1,440 strip. WebP and
 *   GIF copies keep the animation (src/model/pictures.ts `pictureCopies`).
 * - A copy sharp cannot make fails the build, naming the picture and the copy. Astro's service
 *   logs a warning and publishes the original under the copy's name instead
 *   (src/astro-internals.ts `madeAsAsked`): phones would download a megabyte PNG labelled AVIF.
 *
 * The components never ask for a copy past a format's limits (FORMAT_MAX_SIDE), and the check
 * refuses a picture sharp cannot read (PIXEL_LIMIT), so the second case is a bug in Broadsheet
 * or a file damaged after the check, never a writer's mistake the build could have named earlier.
 */
import type { LocalImageService } from 'astro';
import astroSharp from 'astro/assets/services/sharp';
import sharp from 'sharp';
import { madeAsAsked } from '../astro-internals.ts';

const sharpService = astroSharp as LocalImageService;

/** Output formats that hold a single frame: an animation asked for in one of these gets its first. */
const STILL_FORMATS = new Set(['avif', 'jpg', 'jpeg', 'png']);

/**
 * The first frame of an animated GIF or WebP as a lossless PNG, or undefined for a picture of one
 * frame (or one sharp cannot read: Astro's service reports that itself).
 */
export async function firstFrame(input: Uint8Array): Promise<Buffer | undefined> {
  const frames = await sharp(input)
    .metadata()
    .then(
      (metadata) => metadata.pages ?? 1,
      () => 1,
    );
  if (frames <= 1) return undefined;
  return sharp(input, { pages: 1, failOn: 'none' }).png().toBuffer();
}

const service: LocalImageService = {
  ...sharpService,
  async transform(input, transform, config, logger) {
    const format = typeof transform['format'] === 'string' ? transform['format'] : undefined;
    const still = format && STILL_FORMATS.has(format) ? await firstFrame(input) : undefined;
    const result = await sharpService.transform(still ?? input, transform, config, logger);
    if (!madeAsAsked(format, result.format)) {
      const size = [transform['width'], transform['height']].filter((side) => side !== undefined).join(' × ');
      throw new Error(
        `picture ${String(transform.src)}: sharp could not make its ${format} copy${size ? ` (${size} px)` : ''}; ` +
          'the build stops rather than publish the original under the copy\'s name',
      );
    }
    return result;
  },
};

export default service;
