/**
 * How pages show pictures: the widths Astro's image service (sharp) makes of each, the `sizes`
 * that tell a browser how wide the picture will be drawn, and the share-card crop. One place for
 * the numbers that the stylesheets (article.css, listings.css), the components
 * (src/components/pictures.ts) and the tests share: a change to the layout's widths is a change
 * here, and the CSS comments point here.
 *
 * `sizes` follows the HTML standard's "sizes" attribute (HTML § 4.8.4.2.3, image candidate
 * selection): media conditions in order, the first that matches gives the slot's width.
 */

/** The article column (tokens.css `--measure`) and the page's side padding (base.css `main`), in rem. */
export const ARTICLE_COLUMN = { measureRem: 40, gutterRem: 1.25 } as const;

/** The formats every `<source>` offers, best first: AVIF where the browser reads it, else WebP. */
export const PICTURE_FORMATS = ['avif', 'webp'] as const;

/** One way of showing a picture: the candidate widths made of it (px) and the slot it fills. */
export interface PictureRendition {
  /** Candidate widths in CSS pixels × density, smallest first; none wider than the original is made. */
  widths: readonly number[];
  /** The `sizes` attribute: how wide the slot is at each viewport width. */
  sizes: string;
  /** The single fallback `<img src>` width, for browsers that read no `<source>`. */
  fallbackWidth: number;
  /** Width ÷ height of a crop, or undefined to keep the picture's own shape. */
  aspectRatio?: number | undefined;
  /** Show an animated picture as a still of its first frame (`pictureCopies`), as listings do. */
  still?: boolean | undefined;
}

const column = ARTICLE_COLUMN.measureRem + 2 * ARTICLE_COLUMN.gutterRem;

/**
 * A picture in the article body (the lead figure and pictures in the copy): as wide as the
 * column, which is the screen less the gutters on a phone and 40rem (640 px) from 42.5rem up.
 * 360 px covers a 375 px phone's column at 1×; 1280 px is the full column on a 2× screen.
 */
export const BODY_PICTURE: PictureRendition = {
  widths: [360, 480, 640, 800, 960, 1280],
  sizes: `(min-width: ${column}rem) ${ARTICLE_COLUMN.measureRem}rem, calc(100vw - ${2 * ARTICLE_COLUMN.gutterRem}rem)`,
  fallbackWidth: 640,
};

/**
 * The front page's lead story picture (LeadStory): a 3:2 crop as wide as the lead's column, which
 * is the article column's width at most (front.css), so the body picture's widths and `sizes`
 * serve it. A still: a front of moving pictures is hard to read; the article shows the animation.
 */
export const LEAD_STORY_PICTURE: PictureRendition = {
  ...BODY_PICTURE,
  aspectRatio: 3 / 2,
  still: true,
};

/** The thumbnail's drawn width in rem: narrow screens, and from `wideFromRem` up (listings.css). */
export const THUMBNAIL_WIDTH = { narrowRem: 6, wideRem: 10, wideFromRem: 48 } as const;

/**
 * A listing's thumbnail (StoryCard): a 3:2 crop, 6rem (96 px) wide on phones and 10rem (160 px)
 * from 48rem up. 192 px serves both at 1× and phones at 2×; 320 px the wide slot at 2×.
 */
export const THUMBNAIL: PictureRendition = {
  widths: [192, 320],
  sizes: `(min-width: ${THUMBNAIL_WIDTH.wideFromRem}rem) ${THUMBNAIL_WIDTH.wideRem}rem, ${THUMBNAIL_WIDTH.narrowRem}rem`,
  fallbackWidth: 192,
  aspectRatio: 3 / 2,
  // A listing of moving thumbnails is hard to read; the article shows the animation.
  still: true,
};

/**
 * An author's portrait on their page (AuthorProfile): a square this many CSS px wide, made at 1×
 * and 2×. listings.css draws `.author-profile__portrait` at this width (tests/unit/pictures.test.ts
 * holds the two together).
 */
export const PORTRAIT_WIDTH = 96;

/**
 * The share card's picture: 1200 × 630 px, the size Open Graph consumers and X's
 * `summary_large_image` card ask for (1.91:1).
 */
export const SHARE_CROP = { width: 1200, height: 630 } as const;

/**
 * Whether a picture of `width` × `height` px is big enough for the share crop without being
 * enlarged. Smaller pictures are shared at their own size instead (a blown-up crop looks worse
 * than the original on a card): `shareCardCopy`.
 */
export function fitsShareCrop(width: number, height: number): boolean {
  return width >= SHARE_CROP.width && height >= SHARE_CROP.height;
}

/**
 * The candidate widths actually made of a picture `originalWidth` px wide: those of `widths` no
 * wider than it, and the original width itself when it is narrower than the widest (so a small
 * picture still gets its full size, never an enlargement): the rule Astro's image service applies
 * itself (astro/src/assets/services/service.ts `getSrcSet`), applied here first so that the
 * widest candidate is known, and made once, before any copy is asked for.
 */
/**
 * The widest copy (px) a picture of `width` × `height` px gives in a rendition: its own width, or,
 * for a crop (`aspectRatio`, width ÷ height), the widest crop of that shape it holds. Sharp never
 * enlarges (Astro's service resizes `withoutEnlargement`), so a 3:2 crop asked of a 320 × 180
 * picture at 320 px wide comes back 320 × 180, uncropped, and the page's box moves when it loads.
 */
export function widestCopy(width: number, height: number, aspectRatio: number | undefined): number {
  return aspectRatio === undefined ? width : Math.min(width, Math.floor(height * aspectRatio));
}

export function candidateWidths(widths: readonly number[], originalWidth: number): number[] {
  const fitting = widths.filter((width) => width <= originalWidth);
  if (fitting.length < widths.length) fitting.push(originalWidth);
  return [...new Set(fitting)].sort((a, b) => a - b);
}

/** An output format the picture service writes: the `<source>` formats and the fallbacks. */
export type PictureFormat = 'avif' | 'webp' | 'jpg' | 'png' | 'gif';

/**
 * The longest side, in px, each output format can encode. WebP: 16,383 (libwebp
 * `WEBP_MAX_DIMENSION`); AVIF: 16,383 as sharp writes it (libvips heifsave refuses a larger side:
 * "Processed image is too large for the HEIF format"); JPEG and GIF: 65,535 (16-bit sizes in
 * their headers); PNG: 2^31 − 1 (31-bit sizes, PNG § 11.2.2), past any picture sharp reads.
 * A copy past its format's limit is never asked for: sharp would fail and Astro would publish the
 * original under the copy's name (src/astro-internals.ts `madeAsAsked`).
 */
export const FORMAT_MAX_SIDE: Readonly<Record<PictureFormat, number>> = { avif: 16_383, webp: 16_383, jpg: 65_535, gif: 65_535, png: 2_147_483_647 };

/**
 * The most pixels (width × height × frames) the picture service reads: sharp's default
 * `limitInputPixels`, 0x3FFF × 0x3FFF (sharp docs, constructor options), which Astro's sharp
 * service keeps. A bigger picture cannot be published at all: the check refuses it.
 */
export const PIXEL_LIMIT = 0x3fff * 0x3fff;

/**
 * The page's background in the light scheme (tokens.css `--paper`; tests/unit/pictures.test.ts
 * holds the two equal): what a transparent picture is laid on where a format has no transparency
 * (the share card's JPEG), and the backing it gets in the dark scheme (article.css), where dark
 * lines on a transparent chart would vanish into the dark page.
 */
export const PAGE_BACKGROUND = '#fdfcf9';

/**
 * What the picture pipeline needs to know of a picture beyond its size (read from the file's
 * header: src/components/pictures.ts `pictureFacts`).
 */
export interface PictureFacts {
  /** Width and height in px (of one frame, for an animation). */
  width: number;
  height: number;
  /** Frames sharp reads: more than 1 for an animated GIF or WebP. */
  frames: number;
  /** An animated PNG (APNG): sharp reads only its still default image, so its copies are stills. */
  animatedPng: boolean;
  /** Whether the picture has an alpha channel (it may be transparent somewhere). */
  alpha: boolean;
  /** The original's format, as Astro names it (`jpg`, `png`, `gif`, `webp`, `avif`). */
  format: string;
}

/** One `<source>` of a `<picture>`: its format, and a media condition when it is for some readers only. */
export interface PictureSource {
  format: PictureFormat;
  media?: string | undefined;
}

/** The media condition of readers who asked their system for less motion (Media Queries 5 § 12.1). */
export const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/**
 * Which copies a `<picture>` offers, by the picture's kind, the rule the component and the
 * image service (src/integrations/picture-service.ts) share:
 * - a still picture: AVIF and WebP sources, and a JPEG fallback for a JPEG original, else PNG
 *   (which keeps transparency);
 * - an animated GIF or WebP shown `moving`: a still first frame in AVIF for readers who asked
 *   for less motion, the animation in WebP for the rest, and an animated GIF fallback. The
 *   service makes a still of an animation in every format that cannot carry one (AVIF, JPEG, PNG),
 *   never a strip of frames;
 * - an animated picture shown still (a listing's thumbnail): AVIF and the PNG/JPEG fallback,
 *   both stills of the first frame.
 * An animated PNG is a still here (sharp reads its default image only); the page links the
 * original for its animation.
 */
export function pictureCopies(facts: Pick<PictureFacts, 'frames' | 'format'>, { moving = true }: { moving?: boolean } = {}): { sources: PictureSource[]; fallback: PictureFormat } {
  const still: PictureFormat = facts.format === 'jpg' || facts.format === 'jpeg' ? 'jpg' : 'png';
  if (facts.frames <= 1) return { sources: PICTURE_FORMATS.map((format) => ({ format })), fallback: still };
  if (!moving) return { sources: [{ format: 'avif' }], fallback: still };
  return { sources: [{ format: 'avif', media: REDUCED_MOTION }, { format: 'webp' }], fallback: 'gif' };
}

/**
 * The candidate widths a format can encode of a picture `width ÷ height = ratio`: those whose
 * height stays within FORMAT_MAX_SIDE. A tall infographic loses its widest AVIF and WebP
 * candidates (the browser takes the widest left), never gets a copy that is not what it claims.
 */
export function encodableWidths(format: PictureFormat, widths: readonly number[], ratio: number): number[] {
  const limit = FORMAT_MAX_SIDE[format];
  return widths.filter((width) => width <= limit && Math.round(width / ratio) <= limit);
}

/**
 * A picture's share card (`og:image`, `twitter:image`): always a JPEG (every card consumer reads
 * it), laid on PAGE_BACKGROUND where the picture has transparency; an animated picture's card is
 * its first frame. Its size: SHARE_CROP when the picture is that big (`fitsShareCrop`), else the
 * largest crop of SHARE_CROP's shape (1.91:1) the picture holds without enlargement, so a card is
 * never past what JPEG encodes (a 1,000 × 70,000 px infographic gives 1,000 × 525). `copy: false`
 * when the picture is shared as it is: a smaller JPEG, or opaque PNG, of one frame (the published
 * original).
 */
export function shareCardCopy(facts: Pick<PictureFacts, 'width' | 'height' | 'format' | 'alpha' | 'frames'>): { copy: false } | { copy: true; width: number; height: number } {
  if (fitsShareCrop(facts.width, facts.height)) return { copy: true, ...SHARE_CROP };
  const asItIs = (facts.format === 'jpg' || facts.format === 'jpeg' || (facts.format === 'png' && !facts.alpha)) && facts.frames <= 1;
  if (asItIs) return { copy: false };
  const shape = SHARE_CROP.width / SHARE_CROP.height;
  const width = Math.max(1, Math.min(facts.width, Math.floor(facts.height * shape)));
  return { copy: true, width, height: Math.max(1, Math.min(facts.height, Math.round(width / shape))) };
}
