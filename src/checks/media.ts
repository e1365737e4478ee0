import { statSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { lookup } from 'mrmime';
import type { MediaFile } from '../model/media.ts';
import type { ContentProblem } from '../model/problems.ts';

/** A problem in one article, before the file name is attached. */
export type FileProblem = Omit<ContentProblem, 'file'>;

/** A picture address that names a file beside the article (Astro resolves those). */
export function isLocalPicture(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}

/**
 * The file a picture address names, relative to the article: Markdown addresses are URLs, so
 * percent-encoding is decoded (`harbour%20map.png` is `harbour map.png`, as a browser reads it);
 * character references and `<…>` addresses reach here already decoded by the Markdown parser.
 * A malformed escape is kept as typed.
 */
export function pictureFileName(source: string): string {
  try {
    return decodeURIComponent(source);
  } catch {
    return source;
  }
}

/**
 * The local pictures an article uses, checked and sized: each must be an image file in the
 * article's folder or below it. Pages show Astro's optimised copies; feeds need the original at a
 * stable address with its byte length, so the originals are published too
 * (src/pages/media/[...file].ts). A problem names `image.src` when the picture is the front
 * matter's `leadSource`, else `body`. Used by `npm run check` and by the build alike.
 */
export function articleMedia(
  articleFile: string,
  sources: readonly string[],
  leadSource?: string | undefined,
): { media: MediaFile[]; problems: FileProblem[] } {
  const folder = dirname(resolve(articleFile));
  const media: MediaFile[] = [];
  const problems: FileProblem[] = [];
  for (const source of new Set(sources)) {
    const report = (expected: string) =>
      problems.push({ field: source === leadSource ? 'image.src' : 'body', message: `picture "${source}": ${expected}` });
    const name = posix.normalize(pictureFileName(source).replace(/\\/g, '/'));
    if (name.startsWith('../') || name.startsWith('/')) {
      report("expected a file in the article's folder or below it");
      continue;
    }
    const type = lookup(name);
    if (!type?.startsWith('image/')) {
      report('expected an image file (.jpg, .png, .webp, .avif, .gif)');
      continue;
    }
    const fsPath = resolve(folder, name);
    let length: number;
    try {
      length = statSync(fsPath).size;
    } catch {
      report(`expected a file at ${fsPath}, found none`);
      continue;
    }
    media.push({ source, name, fsPath, type, length });
  }
  return { media, problems };
}
