import { nameKey } from '../names.ts';
import { dropUnprintable } from '../text.ts';
import { toFeedHtml } from './html.ts';
import { ARTICLE_TYPES, isPaid } from '../model/article-types.ts';
import type { Article } from '../model/articles.ts';
import { correctionHeading, correctionUrl, type LoggedCorrection } from '../model/corrections.ts';
import { creditNames, joinNameParts } from '../model/credit.ts';
import { KEY_EVENT, updateHeading, updatePermalink, type LiveUpdate } from '../model/live.ts';
import { formatDate, shownUpdate } from '../model/dates.ts';
import { languageAttributes } from '../model/language.ts';
import { FULL_ARTICLE_LINK, FULL_UPDATE_LINK, paidContentNote } from '../model/wording.ts';
import { SITE } from '../site.ts';
import { absoluteUrl, paths } from '../model/urls.ts';

/** A picture as feeds attach it. */
export interface FeedImage {
  url: string;
  type: string;
  length: number;
}

/** One feed entry, format-neutral: RSS, Atom and JSON Feed all serialise this. */
export interface FeedItem {
  /** The canonical article URL: also the stable id. */
  url: string;
  title: string;
  /** Plain text summary: the standfirst. */
  summary: string;
  /** The article as HTML, every address absolute, nothing executable: the standfirst, then the body. */
  contentHtml: string;
  /**
   * The standfirst, a link to the article and its corrections, as HTML: what the item carries
   * instead of `contentHtml` once its feed is past its byte budget (src/feeds/budget.ts). Made
   * when first asked for, as most feeds never are.
   */
  shortHtml: () => string;
  published: Date;
  updated: Date | undefined;
  /** The tags' names. */
  categories: string[];
  /**
   * The kind of piece (src/model/article-types.ts), every item's, news included: its key (`term`),
   * the label readers see and the scheme that names the list of kinds (the /types/ page's URL), for
   * Atom's `<category term scheme label>`; RSS and JSON Feed carry the label as the first of
   * `labelledCategories`. None for an item that is not a piece (a correction in the corrections log's feeds).
   */
  type?: { term: string; label: string; scheme: string } | undefined;
  /** Who the article is credited to, one name each: the authors, or else the publication. */
  authors: string[];
  image: FeedImage | undefined;
  /** The article's BCP 47 language tag; feeds say it where it differs from the channel's. */
  language: string;
  /**
   * For an update of a live story (src/model/live.ts): what its page shows around the body, as the
   * build words it, so the page's script (src/client/live.ts) shows a new update as a rebuilt page
   * would without wording anything itself. JSON Feed carries it as the extension `_live`.
   */
  live?: { datetime: string; time: string; titled: boolean; key: boolean; byline: string | undefined } | undefined;
}

/**
 * An item's kind's label, then its tags, each once, a tag spelt like the label in any case
 * (`nameKey`) left out: RSS's plain `<category>`s and JSON Feed's `tags`, which have no scheme to
 * tell a kind from a topic.
 */
export function labelledCategories(item: Pick<FeedItem, 'type' | 'categories'>): string[] {
  if (!item.type) return [...new Set(item.categories)];
  const label = nameKey(item.type.label);
  return [item.type.label, ...new Set(item.categories.filter((name) => nameKey(name) !== label))];
}

/** A whole feed, format-neutral. */
export interface FeedChannel {
  title: string;
  description: string;
  language: string;
  /** The page the feed mirrors. */
  homeUrl: string;
  /** The feed's own address: its self link. */
  feedUrl: string;
  items: FeedItem[];
  /** The newest item's last change: never the clock, so rebuilds are byte-identical. */
  updated: Date | undefined;
  /** True when the feed will not change again (a live story whose coverage has ended): JSON Feed 1.1's `expired`. */
  expired?: boolean | undefined;
}

/**
 * Drops characters no XML document may contain. Copy is already cleaned (the schema and the
 * Markdown pipeline drop them), but one such character makes a whole feed unreadable for every
 * subscriber, so the feed boundary drops them again.
 */
export function xmlText(text: string): string {
  return dropUnprintable(text);
}

/** One article as a feed entry. Cached per article and site: it appears in several feeds. */
export function feedItem(article: Article, site: URL | string): FeedItem {
  const key = String(site);
  const hit = cache.get(article)?.get(key);
  if (hit) return hit;
  const url = absoluteUrl(paths.article(article.slug), site);
  const mediaUrl = (name: string) => absoluteUrl(paths.media(article.slug, name), site);
  const language = languageAttributes(article.language, SITE.lang);
  const corrections = article.corrections.map((correction) => ({
    kind: correction.kind,
    date: formatDate(correction.date, SITE.locale, SITE.timeZone),
    datetime: correction.date.datetime,
    html: correction.html,
  }));
  const note = isPaid(article.type) ? paidContentNote(SITE.title) : undefined;
  let short: string | undefined;
  const item: FeedItem = {
    url,
    title: xmlText(article.title),
    summary: xmlText(article.standfirst),
    // Corrections stay: an item updated by one says so, whatever the feed leaves out.
    shortHtml: () =>
      (short ??= xmlText(toFeedHtml('', { pageUrl: url, lead: article.standfirst, language, corrections, link: { href: url, text: FULL_ARTICLE_LINK }, note }))),
    contentHtml: xmlText(
      toFeedHtml(article.html, {
        pageUrl: url,
        lead: article.standfirst,
        media: new Map(article.media.map((picture) => [picture.source, mediaUrl(picture.name)])),
        language,
        corrections,
        note,
      }),
    ),
    published: article.published.instant,
    // The last change, an update or a correction (Article.modified); none when it is the publication.
    updated: shownUpdate(article)?.instant,
    categories: article.tags.map((tag) => xmlText(tag.name)),
    type: { term: article.type, label: ARTICLE_TYPES[article.type].label, scheme: absoluteUrl(paths.types(), site) },
    authors: creditNames(article).map(xmlText),
    language: article.language.tag,
    image: article.leadImage && {
      url: mediaUrl(article.leadImage.name),
      type: article.leadImage.type,
      length: article.leadImage.length,
    },
  };
  cache.set(article, (cache.get(article) ?? new Map()).set(key, item));
  return item;
}
const cache = new WeakMap<Article, Map<string, FeedItem>>();

/**
 * One note of the corrections log (/corrections/) as a feed entry: its own address (the article's,
 * with the note's anchor, src/model/corrections.ts) as link and id, so it is the same entry on
 * every rebuild; titled with its kind and the article's headline; dated when the note was made;
 * its text, then a link to the article, as content.
 */
export function correctionFeedItem(entry: LoggedCorrection, site: URL | string): FeedItem {
  const url = correctionUrl(entry, site);
  const heading = correctionHeading(entry.kind, 1);
  const html = xmlText(
    toFeedHtml(`<p>${entry.html}</p>`, { pageUrl: url, link: { href: absoluteUrl(paths.article(entry.article.slug), site), text: entry.article.title } }),
  );
  return {
    url,
    title: xmlText(`${heading}: ${entry.article.title}`),
    summary: xmlText(entry.text),
    contentHtml: html,
    shortHtml: () => html,
    published: entry.date.instant,
    updated: undefined,
    categories: [heading],
    authors: [],
    image: undefined,
    language: SITE.lang,
  };
}

export interface ChannelOptions {
  title: string;
  description: string;
  language: string;
  homePath: string;
  feedPath: string;
  limit: number;
}

/** The newest `limit` articles as a feed. Articles must already be newest first. */
export function feedChannel(articles: readonly Article[], site: URL | string, options: ChannelOptions): FeedChannel {
  const items = articles.slice(0, options.limit).map((article) => feedItem(article, site));
  const updated = items.reduce<Date | undefined>((latest, item) => {
    const changed = item.updated ?? item.published;
    return latest && latest >= changed ? latest : changed;
  }, undefined);
  return {
    title: xmlText(options.title),
    description: xmlText(options.description),
    language: options.language,
    homeUrl: absoluteUrl(options.homePath, site),
    feedUrl: absoluteUrl(options.feedPath, site),
    items,
    updated,
  };
}

/**
 * One update of a live story as a feed entry: its permalink (the story's address with the update's
 * anchor) as link and id, so it is the same entry on every rebuild; titled by `updateHeading`;
 * dated when it was posted; its body, every address absolute, as content; a key event carries the
 * KEY_EVENT category; and what the page shows around it (`FeedItem.live`).
 */
export function updateFeedItem(update: LiveUpdate, story: Pick<Article, 'slug' | 'language' | 'type'>, site: URL | string): FeedItem {
  const storyUrl = absoluteUrl(paths.article(story.slug), site);
  const url = updatePermalink(storyUrl, update.id);
  const language = languageAttributes(story.language, SITE.lang);
  // Paid content says so in every item, as the story's own item does.
  const note = isPaid(story.type) ? paidContentNote(SITE.title) : undefined;
  const summary = xmlText(excerpt(update.text, UPDATE_SUMMARY_LENGTH));
  const html = xmlText(
    toFeedHtml(update.html, {
      pageUrl: storyUrl,
      media: new Map(update.media.map((file) => [file.source, absoluteUrl(paths.media(story.slug, file.name), site)])),
      language,
      note,
    }),
  );
  let short: string | undefined;
  const names = update.byline.map((person) => person.name);
  return {
    url,
    title: xmlText(updateHeading(update, SITE.locale, SITE.timeZone)),
    summary,
    contentHtml: html,
    // Past the feed's byte budget: the summary and a link to the update, as an article's item gives its standfirst.
    shortHtml: () => (short ??= xmlText(toFeedHtml('', { pageUrl: storyUrl, lead: summary, language, link: { href: url, text: FULL_UPDATE_LINK }, note }))),
    published: update.published.instant,
    updated: undefined,
    categories: update.key ? [KEY_EVENT] : [],
    authors: names.map(xmlText),
    image: undefined,
    language: story.language.tag,
    live: {
      datetime: update.published.datetime,
      time: formatDate(update.published, SITE.locale, SITE.timeZone),
      titled: update.title !== undefined,
      key: update.key,
      byline: names.length > 0 ? xmlText(`By ${joinNameParts(names).map((part) => ('text' in part ? part.text : names[part.index])).join('')}`) : undefined,
    },
  };
}

/** The most characters of an update's text its feed summary gives (an RSS description, a JSON Feed summary): a paragraph's worth. */
export const UPDATE_SUMMARY_LENGTH = 280;

/** `text` cut to at most `length` characters (code points) at a word, with an ellipsis when cut. */
export function excerpt(text: string, length: number): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  const cut = characters.slice(0, length - 1).join('');
  const word = cut.replace(/\s+\S*$/, '');
  return `${word.length > 0 ? word : cut}…`;
}
