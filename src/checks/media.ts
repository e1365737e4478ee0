import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, posix, resolve } from 'node:path';
import { lookup } from 'mrmime';
import sharp from 'sharp';
import type { MediaFile } from '../model/media.ts';
import { PIXEL_LIMIT } from '../model/pictures.ts';
import type { ContentProblem } from './problems.ts';

/** A problem in one article, before the file name is attached. */
export type FileProblem = Omit<ContentProblem, 'file'>;


/**
 * The file a picture address names, relative to the article: Markdown addresses are URLs, so
 * percent-encoding is decoded (`harbour%20map.png` is `harbour map.png`, as a browser reads it);
 * character references and `<…>` addresses reach here already decoded by the Markdown parser.
 * A malformed escape is kept as typed.
 */
export function pictureFileName(source: string): string {
  try {
    // decodeURI, not decodeURIComponent: %2F and %23 stay as typed, as Astro's image pipeline
    // leaves them (a path with them names no file, in the check and the build alike).
    return decodeURI(source);
  } catch {
    return source;
  }
}

/**
 * The picture formats copy may use: those Astro's image service turns into optimised copies for
 * every browser. SVG is left out on purpose: an SVG can carry script, which would run on the
 * site's own origin wherever the host sends no Content-Security-Policy.
 */
export const PICTURE_TYPES: Readonly<Record<string, { signature: (bytes: Buffer) => boolean }>> = {
  'image/jpeg': { signature: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { signature: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/gif': { signature: (b) => b.subarray(0, 4).toString('latin1') === 'GIF8' },
  'image/webp': { signature: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  'image/avif': { signature: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' && /^avi[fs]$/.test(b.subarray(8, 12).toString('latin1')) },
};
const EXTENSIONS = /\.(jpe?g|png|gif|webp|avif)$/i;

/**
 * The sound, video and caption files copy's `<audio>` and `<video>` may name: formats every
 * current browser plays (MP4/M4A with H.264 or AAC, WebM, MP3, Ogg, WAV) and WebVTT tracks. By
 * MIME type: the file's first bytes must match (ISO BMFF `ftyp`, EBML, ID3 or an MPEG frame
 * sync, `OggS`, RIFF WAVE, `WEBVTT`).
 */
export const PLAYER_TYPES: Readonly<Record<string, { signature: (bytes: Buffer) => boolean }>> = {
  'video/mp4': { signature: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  'audio/mp4': { signature: (b) => b.subarray(4, 8).toString('latin1') === 'ftyp' },
  'video/webm': { signature: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  'audio/mpeg': { signature: (b) => b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0) },
  'audio/ogg': { signature: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  'video/ogg': { signature: (b) => b.subarray(0, 4).toString('latin1') === 'OggS' },
  'audio/wav': { signature: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WAVE' },
  'text/vtt': { signature: (b) => b.subarray(0, 6).toString('utf8').replace(/^\uFEFF/, '').startsWith('WEBVT') || b.subarray(3, 9).toString('latin1') === 'WEBVTT' },
};
const PLAYER_EXTENSIONS = /\.(mp4|m4a|webm|mp3|ogg|oga|ogv|opus|wav|vtt)$/i;

/** The kinds of file an article names, with the types each may be and how a problem words it. */
const KINDS = {
  picture: { types: PICTURE_TYPES, extensions: EXTENSIONS, expected: 'expected a picture in JPEG, PNG, WebP, AVIF or GIF (.jpg, .png, .webp, .avif, .gif)' },
  player: {
    types: PLAYER_TYPES,
    extensions: PLAYER_EXTENSIONS,
    expected: 'expected a sound or video file in MP4, M4A, WebM, MP3, Ogg or WAV, or a WebVTT track (.mp4, .m4a, .webm, .mp3, .ogg, .wav, .vtt)',
  },
} as const;

/**
 * The local files an article uses, checked and sized: its pictures (`sources`) and the files its
 * `<audio>` and `<video>` elements name (`playerSources`: src/markdown/media-elements.ts; a
 * poster among them is checked as a picture). Each
 * must be a file of its kind in the article's folder or below it. Pages show Astro's optimised
 * copies of pictures; feeds need the original at a stable address with its byte length, and
 * players play the file itself, so the originals are published (src/pages/media/[...file].ts). A
 * problem names `image.src` when the picture is the front matter's `leadSource`, else `body`.
 * Used by `npm run check` and by the build alike.
 */
export function articleMedia(
  articleFile: string,
  sources: readonly string[],
  leadSource?: string | undefined,
  playerSources: readonly string[] = [],
): { media: MediaFile[]; problems: FileProblem[] } {
  const folder = dirname(resolve(articleFile));
  const media: MediaFile[] = [];
  const problems: FileProblem[] = [];
  const wanted: { source: string; kind: (typeof KINDS)[keyof typeof KINDS]; noun: string }[] = [
    ...[...new Set(sources)].map((source) => ({ source, kind: KINDS.picture, noun: 'picture' })),
    // A video's poster is a picture.
    ...[...new Set(playerSources)].filter((source) => !sources.includes(source)).map((source) => (EXTENSIONS.test(source) ? { source, kind: KINDS.picture, noun: 'picture' } : { source, kind: KINDS.player, noun: 'file' })),
  ];
  for (const { source, kind, noun } of wanted) {
    const report = (expected: string) =>
      problems.push({ field: source === leadSource ? 'image.src' : 'body', message: `${noun} "${source}": ${expected}` });
    const name = posix.normalize(pictureFileName(source).replace(/\\/g, '/'));
    if (name.startsWith('../') || name.startsWith('/')) {
      report("expected a file in the article's folder or below it");
      continue;
    }
    const type = lookup(name);
    const format = type ? (kind.types as Record<string, { signature: (bytes: Buffer) => boolean }>)[type] : undefined;
    if (!format || !kind.extensions.test(name)) {
      report(kind.expected);
      continue;
    }
    // Published under /media/<slug>/<name>, a "%" would be read as the start of an escape.
    if (name.includes('%')) {
      report('expected a file name without "%" (the site cannot publish it under that name): rename the file');
      continue;
    }
    const found = { path: resolve(folder, name), stat: statSync(resolve(folder, name), { throwIfNoEntry: false }) };
    if (!found.stat?.isFile()) {
      // The same name with its accents stored the other way (a Mac writes them decomposed): the
      // build looks the file up byte for byte and would not find it.
      const other = [name.normalize('NFD'), name.normalize('NFC')].find((form) => form !== name && statSync(resolve(folder, form), { throwIfNoEntry: false })?.isFile());
      report(
        other
          ? `expected a file at ${resolve(folder, name)}, found one whose name has the same letters stored another way (accents ${other === name.normalize('NFD') ? 'decomposed' : 'composed'}, as ${other === name.normalize('NFD') ? 'a Mac writes names' : 'most systems do'}): rename the file, typing its name afresh`
          : `expected a file at ${resolve(folder, name)}, found none`,
      );
      continue;
    }
    const fsPath = found.path;
    const head = Buffer.alloc(16);
    const fd = openSync(fsPath, 'r');
    const read = readSync(fd, head, 0, 16, 0);
    closeSync(fd);
    if (read < (kind === KINDS.picture ? 12 : 6) || !format.signature(head)) {
      const what = kind === KINDS.picture ? `a ${type!.replace('image/', '').toUpperCase()} picture` : `a file of type ${type}`;
      report(`expected ${what} at ${fsPath}, found a file that is not one (empty, damaged, or another kind saved under this name)`);
      continue;
    }
    // Addresses use the composed form (NFC), as the page's own URLs do.
    media.push({ source, name: name.normalize('NFC'), fsPath, type: type!, length: found.stat.size, digest: fileDigest(fsPath) });
  }
  return { media, problems };
}

/** SHA-256 (base64url) of a file's bytes: a picture's cache key follows its content, not its date. */
export function fileDigest(path: string): string {
  // Read a mebibyte at a time: a video file may be past what one buffer holds (2 GiB).
  const hash = createHash('sha256');
  const chunk = Buffer.alloc(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) hash.update(chunk.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return hash.digest('base64url');
}

/** A picture file an article or profile uses, with the field that names it. */
export interface PictureUse {
  file: string;
  field: string;
  source: string;
  fsPath: string;
}

/** Decode verdicts kept between builds, by the SHA-256 of a picture's bytes: the problem, or null for a whole picture. */
export interface PictureVerdicts {
  get(digest: string): string | null | undefined;
  set(digest: string, verdict: string | null): void;
}

const count = new Intl.NumberFormat('en');

/**
 * Whether a picture file stops short of its container's own end: a GIF without its trailer byte
 * (0x3B, GIF89a § 27), a WebP shorter than its RIFF size, a PNG without its IEND chunk (PNG
 * § 11.2.5). sharp decodes an animation's first frame whole and the rest without a word, so a
 * cut-short animation would publish with frames missing or half drawn. Other formats: false (the
 * decode finds them).
 */
export function cutShort(path: string): boolean {
  const { size } = statSync(path);
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(12);
    const tail = Buffer.alloc(Math.min(12, size));
    readSync(fd, head, 0, 12, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    if (head.subarray(0, 4).toString('latin1') === 'GIF8') return tail.at(-1) !== 0x3b;
    if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return size < head.readUInt32LE(4) + 8;
    if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG') return !tail.subarray(-8).equals(Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]));
    return false;
  } finally {
    closeSync(fd);
  }
}

/**
 * What is wrong with a picture the picture service cannot read at all, by its header: more
 * pixels (every frame's) than PIXEL_LIMIT. Undefined when it can be read, or when the header
 * cannot (the decode that follows names that).
 */
export async function tooManyPixels(path: string): Promise<string | undefined> {
  const metadata = await sharp(path, { limitInputPixels: false }).metadata().catch(() => undefined);
  if (!metadata?.width || !metadata.height) return undefined;
  const frames = metadata.pages ?? 1;
  const height = metadata.pageHeight ?? metadata.height;
  const pixels = metadata.width * height * frames;
  if (pixels <= PIXEL_LIMIT) return undefined;
  const size = `${count.format(metadata.width)} × ${count.format(height)} px${frames > 1 ? ` × ${count.format(frames)} frames` : ''}`;
  return `expected at most ${count.format(PIXEL_LIMIT)} pixels, the most the picture service (sharp) reads, found ${size} = ${count.format(pixels)} pixels; make it smaller before publishing`;
}

/**
 * Pictures whose pixels do not all decode: a file cut short (an interrupted copy or upload) keeps
 * a valid header, and Astro's image service (sharp with `failOn: 'none'`) would turn it into
 * copies that are grey below the cut, without a word. Each file is decoded whole once, with
 * sharp's `failOn: 'truncated'`, after its end is looked for (`cutShort`: an animation's later
 * frames are not checked by the decode) and its header is measured against the pixel limit
 * (`tooManyPixels`: Astro would publish such a picture's original under every copy's name); one
 * problem per use, naming the file, field, picture and what was found. With `kept`, a
 * picture whose bytes were judged before is not decoded again (a tenth to a fifth of a second
 * each for a newsroom photo).
 */
export async function damagedPictures(uses: readonly PictureUse[], kept?: PictureVerdicts): Promise<ContentProblem[]> {
  const verdicts = new Map<string, Promise<string | undefined>>();
  const verdict = async (path: string) => {
    const digest = kept ? fileDigest(path) : undefined;
    const known = digest === undefined ? undefined : kept!.get(digest);
    if (known !== undefined) return known ?? undefined;
    const short = cutShort(path) ? `expected a picture that decodes whole, found a cut-short file at ${path} (it ends before its format's end marker)` : undefined;
    const found = short ?? (await tooManyPixels(path)) ?? (await sharp(path, { failOn: 'truncated', limitInputPixels: false })
      .stats()
      .then(
        () => undefined,
        (error: unknown) => `expected a picture that decodes whole, found a damaged or cut-short file at ${path} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
      ));
    if (digest !== undefined) kept!.set(digest, found ?? null);
    return found;
  };
  const problems: ContentProblem[] = [];
  for (const use of uses) {
    if (!verdicts.has(use.fsPath)) verdicts.set(use.fsPath, verdict(use.fsPath));
    const error = await verdicts.get(use.fsPath);
    if (error) problems.push({ file: use.file, field: use.field, message: `picture "${use.source}": ${error}` });
  }
  return problems;
}
