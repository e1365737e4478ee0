import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import { readFile } from 'node:fs/promises';
import type { Element, ElementContent, Properties, Root } from 'hast';
import isApng from 'is-apng';
import sharp from 'sharp';
import { h } from 'hastscript';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import type { Article, Card } from '../model/articles';
import type { Author } from '../model/authors';
import type { ShareImage } from '../model/metadata';
import { shareImage } from '../model/metadata';
import {
  BODY_PICTURE,
  candidateWidths,
  widestCopy,
  encodableWidths,
  PAGE_BACKGROUND,
  PORTRAIT_WIDTH,
  pictureCopies,
  shareCardCopy,
  type PictureFacts,
  type PictureRendition,
} from '../model/pictures';
import { ANIMATION_LINK } from '../model/wording';
import { LINK_HOLDERS, liftOutOfPhrasing } from '../markdown/lift';
import { placeMediaFiles } from '../markdown/media-elements';
import { absoluteUrl, paths } from '../model/urls';
import { imageDimensions, imageFilePath, imagePlaceholder, importedPicture } from '../astro-internals';

/** How a picture loads: the lead picture first and at once, every other one when it nears the screen. */
export interface PictureLoading {
  /** The page's main picture: fetched at high priority, never lazily (Largest Contentful Paint). */
  priority?: boolean | undefined;
}

const facts = new Map<string, Promise<PictureFacts>>();

/**
 * What the pipeline needs to know of an imported picture beyond Astro's metadata: frames, an
 * APNG's animation, an alpha channel (src/model/pictures.ts `PictureFacts`). Read from the file's
 * header once a build (sharp's metadata does not decode the pixels).
 */
export function pictureFacts(picture: ImageMetadata): Promise<PictureFacts> {
  const path = imageFilePath(picture);
  const { width, height, format } = imageDimensions(picture);
  // Keyed by what Astro read of the file too: a picture replaced under a running dev server is read again.
  const key = `${path}\0${width}x${height}.${format}`;
  let found = facts.get(key);
  if (!found) {
    found = sharp(path)
      .metadata()
      .then(async (metadata) => ({
        width,
        height,
        format,
        frames: metadata.pages ?? 1,
        alpha: metadata.hasAlpha,
        animatedPng: format === 'png' && isApng(await readFile(path)),
      }));
    facts.set(key, found);
  }
  return found;
}

/**
 * A responsive `<picture>` (HTML § 4.8.1): one `<source>` per copy `pictureCopies` names for the
 * picture's kind, each with every width of the rendition that the original can give (no
 * enlargement) and its format can encode (`encodableWidths`), `sizes` from the layout, and an
 * `<img>` with width and height (its box is kept before it loads: no layout shift) whose `src` is
 * the fallback copy, for browsers that read no source. Lazy unless `priority`. A picture with an
 * alpha channel gets the `picture--transparent` class: a light backing in the dark scheme.
 */
export async function pictureElement(
  picture: ImageMetadata,
  { alt, rendition = BODY_PICTURE, priority = false, className = [] }: PictureLoading & { alt: string; rendition?: PictureRendition; className?: string[] | undefined },
): Promise<Element> {
  // Measured without marking the original as used (src/astro-internals.ts): the build would
  // publish it beside the copies, and the originals are published for feeds under /media/ already.
  const kind = await pictureFacts(picture);
  const ratio = rendition.aspectRatio ?? kind.width / kind.height;
  const widths = candidateWidths(rendition.widths, widestCopy(kind.width, kind.height, rendition.aspectRatio));
  const shape = (width: number) => ({ width, height: Math.round(width / ratio), ...(rendition.aspectRatio ? { fit: 'cover' as const } : {}) });
  const { sources, fallback } = pictureCopies(kind, { moving: !rendition.still });
  const made = await Promise.all(
    sources.map(async ({ format, media }) => {
      const fitting = encodableWidths(format, widths, ratio);
      if (fitting.length === 0) return undefined;
      // The widest candidate is also getImage's own `src`: one transform, not an extra full-size copy.
      const image = await getImage({ src: picture, format, widths: fitting, ...shape(fitting.at(-1)!) });
      return h('source', { type: `image/${format}`, srcSet: image.srcSet.attribute, sizes: rendition.sizes, ...(media ? { media } : {}) });
    }),
  );
  // The fallback's width, else the widest its format can encode, else a PNG (any side fits).
  const fallbackWidth = Math.min(rendition.fallbackWidth, widths.at(-1)!);
  const fallbackFormat = encodableWidths(fallback, [fallbackWidth], ratio).length > 0 ? fallback : 'png';
  const image = await getImage({ src: picture, format: fallbackFormat, ...shape(fallbackWidth) });
  const size = shape(widths.at(-1)!);
  const classes = [...className, ...(kind.alpha ? ['picture--transparent'] : [])];
  const img: Properties = {
    src: image.src,
    alt,
    width: size.width,
    height: size.height,
    ...(classes.length > 0 ? { className: classes } : {}),
    ...(priority ? { fetchPriority: 'high' } : { loading: 'lazy', decoding: 'async' }),
  };
  return h('picture', [...made.filter((source) => source !== undefined), h('img', img)]);
}

const fragments = rehype().data('settings', { fragment: true });
const ANIMATION_LINK_CLASS = 'picture-animation';

/**
 * The article's body HTML with every local picture as a responsive `<picture>` (pictureElement):
 * the lead picture (the front matter's, where it opens the body) at high priority, the others
 * lazy. What `render()` from `astro:content` would give, but with both formats and every width
 * (render() makes one WebP copy per picture). An animated PNG's copies are stills (sharp reads
 * its default image only), so a link to the published original (ANIMATION_LINK), which every
 * current browser animates, follows it. The files `<audio>` and `<video>` name are pointed at
 * their published copies (src/markdown/media-elements.ts). A body without local files is
 * returned as it is. A live update's body is shown the same way: its own file, its media, its
 * story's slug (the files are published beside the story's).
 */
export async function bodyWithPictures(article: Pick<Article, 'html' | 'media' | 'file' | 'slug'> & Partial<Pick<Article, 'image' | 'leadImage'>>): Promise<string> {
  if (article.media.length === 0) return article.html;
  const tree = fragments.parse(article.html);
  const found: { node: Element; parent: Element | Root; src: string; alt: string; className: string[] | undefined }[] = [];
  visit(tree, 'element', (node: Element, _, parent) => {
    // The content layer leaves each local picture as a placeholder for render() to optimise.
    const placeholder = imagePlaceholder(node);
    if (!placeholder || (parent?.type !== 'element' && parent?.type !== 'root')) return;
    const className = node.properties['className'];
    found.push({ node, parent, ...placeholder, className: Array.isArray(className) ? className.map(String) : undefined });
  });
  const leadAt = article.image?.afterParagraph === 0 && article.leadImage ? found.findIndex(({ src }) => src === article.leadImage!.source) : -1;
  await Promise.all(
    found.map(async ({ node, parent, src, alt, className }, at) => {
      const imported = await importedPicture(article.file, src);
      const picture = await pictureElement(imported, { alt, className, priority: at === leadAt });
      Object.assign(node, { tagName: picture.tagName, properties: picture.properties, children: picture.children as ElementContent[] });
      const original = article.media.find((file) => file.source === src);
      if (original && (await pictureFacts(imported)).animatedPng) {
        const link = h('a', { className: [ANIMATION_LINK_CLASS], href: paths.media(article.slug, original.name) }, ANIMATION_LINK);
        parent.children.splice(parent.children.indexOf(node) + 1, 0, link);
      }
    }),
  );
  // A picture that is itself a link: its animation link follows the link, never nests in it.
  liftOutOfPhrasing(tree, (node): node is Element => node.type === 'element' && (node.properties['className'] as string[] | undefined)?.includes(ANIMATION_LINK_CLASS) === true, LINK_HOLDERS);
  // Sound, video and posters play from where they are published, beside the pictures'
  // originals; so does a link the copy wrote to one of the files.
  const published = new Map(article.media.map((file) => [file.source, paths.media(article.slug, file.name)]));
  placeMediaFiles(tree, (address) => published.get(address));
  return fragments.stringify(tree);
}

/**
 * What share cards show of an article (`og:image`, `twitter:image`): a JPEG of the lead picture,
 * 1200 × 630 when it is at least that big, else the largest crop of that shape it holds; laid on
 * the page's background where it is transparent, the first frame of an animation
 * (src/model/pictures.ts `shareCardCopy`). A small JPEG or opaque PNG is shared as the published
 * original. Without a lead picture, undefined (the site's card). Structured data and feeds keep
 * the original.
 */
export async function shareCard(article: Article, site: URL | string): Promise<ShareImage | undefined> {
  const lead = article.leadImage;
  if (!lead) return undefined;
  const picture = await importedPicture(article.file, lead.source);
  const kind = await pictureFacts(picture);
  const card = shareCardCopy(kind);
  if (!card.copy) return { ...shareImage(article, site)!, width: kind.width, height: kind.height };
  const { width, height } = card;
  const made = await getImage({ src: picture, format: 'jpg', width, height, fit: 'cover', ...(kind.alpha ? { background: PAGE_BACKGROUND } : {}) });
  return { url: absoluteUrl(made.src, site), alt: lead.alt, type: 'image/jpeg', width, height };
}

/** The card's lead picture as a listing thumbnail's source, or undefined when it has none. */
export async function cardPicture(card: Card): Promise<ImageMetadata | undefined> {
  return card.leadImage && importedPicture(card.file, card.leadImage.source);
}

/**
 * A writer's portrait as structured data gives it (ProfilePage's Person `image`): a JPEG, square,
 * twice the width the profile shows it at (PORTRAIT_WIDTH), absolute; undefined without a portrait.
 * JPEG, since not every crawler reads AVIF or WebP; a transparent portrait is laid on the page's
 * background.
 */
export async function portraitUrl(author: Author<ImageMetadata>, site: URL | string): Promise<string | undefined> {
  if (!author.image) return undefined;
  const made = await getImage({ src: author.image.src, format: 'jpg', width: 2 * PORTRAIT_WIDTH, height: 2 * PORTRAIT_WIDTH, fit: 'cover', background: PAGE_BACKGROUND });
  return absoluteUrl(made.src, site);
}
