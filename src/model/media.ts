import { statSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { lookup } from 'mrmime';

/** A picture file that sits beside an article and is published with it under /media/<slug>/. */
export interface MediaFile {
  /** As the Markdown or front matter wrote it, e.g. `./photo.jpg`. */
  source: string;
  /** Path below the article's media folder, e.g. `photo.jpg`. */
  name: string;
  /** Where the file is on disk. */
  fsPath: string;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
  /** Size in bytes: what RSS enclosures must state. */
  length: number;
}

/** Raised for a picture an article refers to but cannot publish. */
export class MediaError extends Error {
  override name = 'MediaError';
}

/**
 * The local pictures an article uses (Astro lists them as `localImagePaths`), checked and sized.
 * Pages show Astro's optimised copies; feeds need the original file at a stable address with its
 * byte length, so the originals are published too (src/pages/media/[...file].ts).
 */
export function articleMedia(articleFile: string, localImagePaths: readonly string[]): MediaFile[] {
  const folder = dirname(resolve(articleFile));
  return localImagePaths.map((source) => {
    const name = posix.normalize(source.replace(/\\/g, '/'));
    if (name.startsWith('../') || name.startsWith('/')) {
      throw new MediaError(`${articleFile}: picture "${source}": expected a file in the article's folder or below it`);
    }
    const type = lookup(name);
    if (!type?.startsWith('image/')) {
      throw new MediaError(`${articleFile}: picture "${source}": expected an image file (.jpg, .png, .webp, .avif, .gif)`);
    }
    const fsPath = resolve(folder, name);
    let length: number;
    try {
      length = statSync(fsPath).size;
    } catch {
      throw new MediaError(`${articleFile}: picture "${source}": expected a file at ${fsPath}, found none`);
    }
    return { source, name, fsPath, type, length };
  });
}
