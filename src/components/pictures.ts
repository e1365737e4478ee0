import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import type { Article, Card } from '../model/articles';
import type { ShareImage } from '../model/metadata';
import { shareImage } from '../model/metadata';
import { BODY_PICTURE, candidateWidths, fitsShareCrop, PICTURE_FORMATS, SHARE_CROP, type PictureRendition } from '../model/pictures';
import { absoluteUrl } from '../model/urls';
import { imageDimensions, imagePlaceholder, importedPicture } from '../astro-internals';

/** How a picture loads: the lead picture first and at once, every other one when it nears the screen. */
export interface PictureLoading {
  /** The page's main picture: fetched at high priority, never lazily (Largest Contentful Paint). */
  priority?: boolean | undefined;
}

/**
 * A responsive `<picture>` (HTML § 4.8.1): one `<source>` per format of PICTURE_FORMATS with every
 * width of the rendition that the original can give (no enlargement), `sizes` from the layout, and
 * an `<img>` with width and height (its box is kept before it loads: no layout shift) whose `src`
 * is one copy in the original's own family (JPEG, or PNG for the rest) for browsers that read no
 * source. Lazy unless `priority`.
 */
export async function pictureElement(
  picture: ImageMetadata,
  { alt, rendition = BODY_PICTURE, priority = false, className }: PictureLoading & { alt: string; rendition?: PictureRendition; className?: string[] | undefined },
): Promise<Element> {
  // Measured without marking the original as used (src/astro-internals.ts): the build would
  // publish it beside the copies, and the originals are published for feeds under /media/ already.
  const original = imageDimensions(picture);
  const ratio = rendition.aspectRatio ?? original.width / original.height;
  const widths = candidateWidths(rendition.widths, original.width);
  const widest = widths.at(-1)!;
  const shape = (width: number) => ({ width, height: Math.round(width / ratio), ...(rendition.aspectRatio ? { fit: 'cover' as const } : {}) });
  // The widest candidate is also getImage's own `src`: one transform, not an extra full-size copy.
  const sources = await Promise.all(PICTURE_FORMATS.map((format) => getImage({ src: picture, format, widths, ...shape(widest) })));
  const fallback = await getImage({ src: picture, format: original.format === 'jpg' || original.format === 'jpeg' ? 'jpg' : 'png', ...shape(Math.min(rendition.fallbackWidth, widest)) });
  const size = shape(widest);
  const img: Properties = {
    src: fallback.src,
    alt,
    width: size.width,
    height: size.height,
    ...(className ? { className } : {}),
    ...(priority ? { fetchPriority: 'high' } : { loading: 'lazy', decoding: 'async' }),
  };
  return h('picture', [
    ...sources.map((image, at) => h('source', { type: `image/${PICTURE_FORMATS[at]}`, srcSet: image.srcSet.attribute, sizes: rendition.sizes })),
    h('img', img),
  ]);
}

const fragments = rehype().data('settings', { fragment: true });

/**
 * The article's body HTML with every local picture as a responsive `<picture>` (pictureElement):
 * the lead picture (the front matter's, where it opens the body) at high priority, the others
 * lazy. What `render()` from `astro:content` would give, but with both formats and every width
 * (render() makes one WebP copy per picture). A body without pictures is returned as it is.
 */
export async function bodyWithPictures(article: Article): Promise<string> {
  if (article.media.length === 0) return article.html;
  const tree = fragments.parse(article.html);
  const found: { node: Element; src: string; alt: string; className: string[] | undefined }[] = [];
  visit(tree, 'element', (node: Element) => {
    // The content layer leaves each local picture as a placeholder for render() to optimise.
    const placeholder = imagePlaceholder(node);
    if (!placeholder) return;
    const className = node.properties['className'];
    found.push({ node, ...placeholder, className: Array.isArray(className) ? className.map(String) : undefined });
  });
  const leadAt = article.image?.afterParagraph === 0 && article.leadImage ? found.findIndex(({ src }) => src === article.leadImage!.source) : -1;
  await Promise.all(
    found.map(async ({ node, src, alt, className }, at) => {
      const picture = await pictureElement(await importedPicture(article.file, src), { alt, className, priority: at === leadAt });
      Object.assign(node, { tagName: picture.tagName, properties: picture.properties, children: picture.children as ElementContent[] });
    }),
  );
  return fragments.stringify(tree);
}

/**
 * What share cards show of an article: a 1200 × 630 JPEG crop of the lead picture when it is at
 * least that big, else the published original (metadata.ts `shareImage`), else nothing (the
 * site's card). Feeds keep the original.
 */
export async function shareCard(article: Article, site: URL | string): Promise<ShareImage | undefined> {
  const lead = article.leadImage;
  if (!lead) return undefined;
  const picture = await importedPicture(article.file, lead.source);
  const { width, height } = imageDimensions(picture);
  if (!fitsShareCrop(width, height)) return shareImage(article, site);
  const crop = await getImage({ src: picture, format: 'jpg', width: SHARE_CROP.width, height: SHARE_CROP.height, fit: 'cover' });
  return { url: absoluteUrl(crop.src, site), alt: lead.alt, type: 'image/jpeg', width: SHARE_CROP.width, height: SHARE_CROP.height };
}

/** The card's lead picture as a listing thumbnail's source, or undefined when it has none. */
export async function cardPicture(card: Card): Promise<ImageMetadata | undefined> {
  return card.leadImage && importedPicture(card.file, card.leadImage.source);
}
