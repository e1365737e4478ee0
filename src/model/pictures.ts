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
 * enlarged. Smaller pictures are shared as the published original instead (a blown-up crop
 * looks worse than the original on a card).
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
export function candidateWidths(widths: readonly number[], originalWidth: number): number[] {
  const fitting = widths.filter((width) => width <= originalWidth);
  if (fitting.length < widths.length) fitting.push(originalWidth);
  return [...new Set(fitting)].sort((a, b) => a - b);
}
