/**
 * Listings are numbered from the oldest, so a page keeps its number and its articles as newer
 * ones are published: publishing an article changes a listing's front and nothing else (and,
 * once every `size` articles, adds a page and relinks the one before it). Numbered from the
 * newest, every page of every listing the article is in would shift by one, and a warm build
 * would render them all again (issue 20: 1,196–1,712 listing pages for one article at 10,000).
 */

/** Which page of a listing: its front (the newest articles, at the listing's own address), or page n counted from the oldest, at `<listing>page/n/`. */
export type PageNumber = 'front' | number;

/** One page of a listing, with the pages either side. */
export interface Page<T> {
  number: PageNumber;
  /** Newest first. */
  items: T[];
  /** The page of the next newer items; null on the front. */
  newer: PageNumber | null;
  /** The page of the next older items; null on the oldest. */
  older: PageNumber | null;
}

/**
 * Splits a listing, newest first, into pages: pages 1, 2, … hold `size` items each counted from
 * the oldest, and the front holds the rest, `size` to `2 × size − 1` items (all of them when
 * there are fewer than `2 × size`), so no page repeats another's items and none is short. An
 * empty listing is an empty front. Returned newest first: the front, then the highest page down
 * to page 1. Throws when `size` is not a whole number above 0.
 */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size: expected a whole number above 0, found ${size}`);
  const archived = Math.max(0, Math.floor(items.length / size) - 1);
  const front: Page<T> = {
    number: 'front',
    items: items.slice(0, items.length - archived * size),
    newer: null,
    older: archived > 0 ? archived : null,
  };
  const pages = Array.from({ length: archived }, (_, index): Page<T> => {
    const number = archived - index;
    return {
      number,
      items: items.slice(items.length - number * size, items.length - (number - 1) * size),
      newer: number < archived ? number + 1 : 'front',
      older: number > 1 ? number - 1 : null,
    };
  });
  return [front, ...pages];
}
