import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import pictureImports from 'astro:asset-imports';
import type { Element, ElementContent, Properties } from 'hast';
import { h } from 'hastscript';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import type { Article, Card } from '../model/articles';
import type { ShareImage } from '../model/metadata';
import { shareImage } from '../model/metadata';
import { BODY_PICTURE, candidateWidths, fitsShareCrop, PICTURE_FORMATS, SHARE_CROP, type PictureRendition } from '../model/pictures';
import { absoluteUrl } from '../model/urls';

/**
 * The picture file a content entry's Markdown or front matter names, as Astro imported it
 * (width, height, format, and its build address). `source` is the address as the content layer
 * recorded it (`MediaFile.source`), `file` the article's file (`Article.file`). Throws when Astro
 * did not import it, which the content check rules out for every picture it accepted.
 */
export function sourcePicture(file: string, source: string): ImageMetadata {
  // The id Astro's render() looks pictures up by (astro/src/assets/utils/resolveImports.ts
  // `imageSrcToImportId`), which the package does not export.
  const params = new URLSearchParams('astroContentImageFlag');
  params.set('importer', file);
  const picture = pictureImports.get(`${source}?${params}`);
  if (!picture) throw new Error(`${file}: picture "${source}" was not imported by Astro's content layer`);
  return picture;
}

/**
 * A picture's width, height and format, read without marking the original as used outside the
 * image pipeline: reading Astro's imported picture directly makes the build publish the original
 * beside the copies (astro/src/assets/utils/proxy.ts), as Astro's own <Picture> avoids too. The
 * originals are published for feeds under /media/ already.
 */
function measure(picture: ImageMetadata): Pick<ImageMetadata, 'width' | 'height' | 'format'> {
  const { width, height, format } = (picture as ImageMetadata & { clone?: ImageMetadata }).clone ?? picture;
  return { width, height, format };
}

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
  const original = measure(picture);
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

// The content layer's placeholder for a local picture: <img __ASTRO_IMAGE_="{src, alt, …}">.
const PLACEHOLDER = '__astro_image_';
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
    const raw = node.properties[PLACEHOLDER];
    if (node.tagName !== 'img' || typeof raw !== 'string') return;
    const { src, alt } = JSON.parse(raw) as { src: string; alt?: string };
    const className = node.properties['className'];
    found.push({ node, src, alt: alt ?? '', className: Array.isArray(className) ? className.map(String) : undefined });
  });
  const leadAt = article.image?.afterParagraph === 0 && article.leadImage ? found.findIndex(({ src }) => src === article.leadImage!.source) : -1;
  await Promise.all(
    found.map(async ({ node, src, alt, className }, at) => {
      const picture = await pictureElement(sourcePicture(article.file, src), { alt, className, priority: at === leadAt });
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
  const picture = sourcePicture(article.file, lead.source);
  const { width, height } = measure(picture);
  if (!fitsShareCrop(width, height)) return shareImage(article, site);
  const crop = await getImage({ src: picture, format: 'jpg', width: SHARE_CROP.width, height: SHARE_CROP.height, fit: 'cover' });
  return { url: absoluteUrl(crop.src, site), alt: lead.alt, type: 'image/jpeg', width: SHARE_CROP.width, height: SHARE_CROP.height };
}

/** The card's lead picture as a listing thumbnail's source, or undefined when it has none. */
export function cardPicture(card: Card): ImageMetadata | undefined {
  return card.leadImage && sourcePicture(card.file, card.leadImage.source);
}
