/** A noun's forms for counting: "article" / "articles". */
export interface Noun {
  one: string;
  other: string;
}

/** What listings count. */
export const ARTICLES: Noun = { one: 'article', other: 'articles' };

const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();

/**
 * A count for readers, with the noun in the right form for the locale's plural rules (CLDR,
 * through Intl.PluralRules) and the number grouped: "1 article", "12,000 articles".
 */
export function countOf(count: number, noun: Noun, locale: string): string {
  let plural = plurals.get(locale);
  if (!plural) plurals.set(locale, (plural = new Intl.PluralRules(locale)));
  let number = numbers.get(locale);
  if (!number) numbers.set(locale, (number = new Intl.NumberFormat(locale)));
  return `${number.format(count)} ${plural.select(count) === 'one' ? noun.one : noun.other}`;
}

/**
 * The link a feed item carries in place of the article's text once its feed is past its byte
 * budget (src/feeds/budget.ts), after the standfirst.
 */
export const FULL_ARTICLE_LINK = 'Read the full article';

/** The link a live update's feed item ends with when its feed is past its byte budget (src/feeds/items.ts `updateFeedItem`). */
export const FULL_UPDATE_LINK = 'Read this update';

/**
 * The link after an animated PNG's still picture to its published original, which animates
 * (src/components/pictures.ts `bodyWithPictures`).
 */
export const ANIMATION_LINK = 'Play the animation';

/**
 * The disclosure above the body of paid content (`type: sponsored`), on its page and at the head of
 * its feed entries: plain words, before any of the advertiser's.
 */
export function paidContentNote(publication: string): string {
  return `Paid content: an advertiser paid for this piece. It is not the work of ${publication}’s newsroom.`;
}
