import type { ArticleData } from '../schemas/article';
import { SITE } from '../site';
import { ARTICLE_TYPES, isLabelled, isPaid } from './article-types';
import { bylineNames, type BylineName, type ProfileIndex } from './authors';
import { toArticleDate, yearMonth, type ArticleDate } from './dates';
import { sectionFronts, findSection, type SectionFront } from './sections';
import { readLanguage, type Language } from './language';
import type { MediaFile } from './media';
import type { Correction } from './corrections';
import { coverageOf, LIVE_LABEL, liveState, toLiveUpdate, type Coverage, type LiveState, type UpdateInput } from './live';
import { groupSeries, seriesSlug, type Series } from './series';
import { groupByTag, tagSlug, type Tag } from './tags';
import { paths } from './urls';

/**
 * One article as the build hands it to the model: its validated front matter and what the
 * Markdown pipeline made of its body, already checked (src/checks/rendered.ts).
 */
export interface ArticleInput {
  /** The URL slug (the file name, slugged); also the content entry's id, for `render()`. */
  slug: string;
  /** The article's file, relative to the working directory. */
  file: string;
  data: ArticleData;
  /** The body as HTML (site-relative links), rendered once by the content layer. */
  html: string;
  /** Minutes a reader needs for the body. */
  readingMinutes: number;
  /** Local pictures the body and front matter use, found and sized. */
  media: MediaFile[];
  /** The front matter's corrections, their text rendered (src/markdown/inline.ts), in the order given. */
  corrections: (Omit<Correction, 'date'> & { date: string })[];
  /** The updates naming this story (src/model/live.ts), checked, in any order; none for a piece that was never live. */
  updates?: UpdateInput[] | undefined;
}

/** A tag as an article lists it. */
export interface TagRef {
  name: string;
  slug: string;
}


/**
 * The front-matter fields the model reads into another shape (dates, tags, names, language,
 * corrections, the draft flag). Every other field reaches `Article` exactly as the schema declares
 * it (src/schemas/article.ts), so a new field is declared once and the compiler follows it from there.
 */
type Reshaped = 'published' | 'updated' | 'tags' | 'byline' | 'language' | 'corrections' | 'draft' | 'series' | 'live';

/**
 * An article as pages, feeds and the sitemap use it: its front matter (the fields not in
 * `Reshaped`, by name, with the schema's doc comments), plus what the build derives.
 */
export interface Article extends Omit<ArticleData, Reshaped> {
  /** The URL slug (the file name, slugged); also the content entry's id, for `render()`. */
  slug: string;
  /** Where the article came from, for error messages. */
  file: string;
  published: ArticleDate;
  updated: ArticleDate | undefined;
  /** Corrections, clarifications and editor's notes (src/model/corrections.ts), oldest first. */
  corrections: Correction[];
  /**
   * The article's last change: the latest of `published`, `updated`, the corrections' dates and
   * a live story's latest update. Feeds, JSON-LD, the sitemap and Open Graph all give this one time.
   */
  modified: ArticleDate;
  /** A live story's coverage (src/model/live.ts): its updates, key events and when it ran; undefined for a piece that was never live. */
  coverage: Coverage | undefined;
  /** While coverage runs, what cards show of it (the "Live" label and its latest change); else undefined. */
  live: LiveState | undefined;
  tags: TagRef[];
  /** The series the piece belongs to (src/model/series.ts), named as its page names it; `part` is its place. */
  series: TagRef | undefined;
  /** The authors, as the copy names them, linked to profiles where one matches. */
  byline: BylineName[];
  /** The language the copy is in (the site's unless the front matter says otherwise), with its script's direction. */
  language: Language;
  /** Whether readers may see it yet: drafts and scheduled pieces appear only in preview builds. */
  status: 'published' | 'draft' | 'scheduled';
  /** The body as HTML (site-relative links), rendered once by the content layer. */
  html: string;
  /** Local pictures the article uses, published beside it under /media/<slug>/. */
  media: MediaFile[];
  /** The front matter's picture, when it is a local file. */
  leadImage: (MediaFile & { alt: string }) | undefined;
  readingMinutes: number;
}

/**
 * The fields of an article a card shows (a listing's entry, a related article, the pager's
 * neighbours), and no others: `Card` and `cardOf` are made from this one list, and the components
 * that show cards take `Card`, so they cannot show a field the card's cache key leaves out.
 * `file` and `leadImage` give the listing thumbnail its picture; `type` its label; `byline` and
 * `source` its credit; `live` the "Live" label and the time of a running story's latest update.
 */
export const CARD_FIELDS = [
  'slug',
  'title',
  'standfirst',
  'section',
  'type',
  'byline',
  'source',
  'published',
  'language',
  'file',
  'leadImage',
  'live',
] as const satisfies readonly (keyof Article)[];

/** What a listing, a related list or the article pager shows of an article (`CARD_FIELDS`). */
export type Card = Pick<Article, (typeof CARD_FIELDS)[number]>;

const cards = new WeakMap<Card, Card>();

/**
 * The card of an article: the `CARD_FIELDS` of it and no others. One object per article, so the
 * pages that show it hash it once (src/model/cache-keys.ts).
 */
export function cardOf(article: Card): Card {
  let card = cards.get(article);
  if (card === undefined) {
    card = Object.fromEntries(CARD_FIELDS.map((field) => [field, article[field]])) as Card;
    cards.set(article, card);
    cards.set(card, card);
  }
  return card;
}

/** A label above a headline (on the article page, a card, a search result): its words, and where it leads. */
export interface Label {
  text: string;
  /** Where the label leads, as a site path (the section's front); undefined for plain words. */
  path: string | undefined;
  /** True for the "Live" label of a running story (src/model/live.ts), shown in the breaking-news colour. */
  live?: boolean;
}

/**
 * The labels shown above an article's headline wherever it appears, in order: its section, which
 * leads to the section's front, then its kind when it is not news ("Analysis", leading to
 * /types/analysis/), and "Live" while a live story's coverage runs. Every view of an article (page, card, search result) shows this list, so a
 * new label is added here once.
 */
export function labelsOf(card: Pick<Card, 'section' | 'type'> & Partial<Pick<Card, 'live'>>): Label[] {
  const section = findSection(card.section);
  return [
    { text: card.section, path: section && paths.section(section.slug) },
    ...(isLabelled(card.type) ? [{ text: ARTICLE_TYPES[card.type].label, path: paths.type(card.type) }] : []),
    // While coverage runs, beside the desk: the story is still being told.
    ...(card.live ? [{ text: LIVE_LABEL, path: undefined, live: true }] : []),
  ];
}

/** The latest of several dates, by instant; the first among equals. */
function latest(first: ArticleDate, ...rest: (ArticleDate | undefined)[]): ArticleDate {
  return rest.reduce<ArticleDate>((best, date) => (date && date.instant > best.instant ? date : best), first);
}

/**
 * Turns one checked article into what pages show. `now` decides whether it is scheduled;
 * `profiles` (byline name → profile, `profileIndex`) links authors to their pages.
 */
export function toArticle(
  input: ArticleInput,
  now: Date = new Date(),
  profiles: ProfileIndex = new Map(),
): Article {
  const { data, media } = input;
  const { published: publishedAt, updated: updatedAt, tags, byline, language, corrections: _corrections, draft, series, live, ...copy } = data;
  const lead = media.find((picture) => picture.source === data.image?.src);
  const published = toArticleDate(publishedAt, SITE.timeZone);
  const updated = updatedAt === undefined ? undefined : toArticleDate(updatedAt, SITE.timeZone);
  const corrections = input.corrections
    .map((correction) => ({ ...correction, date: toArticleDate(correction.date, SITE.timeZone) }))
    .sort((a, b) => a.date.instant.getTime() - b.date.instant.getTime());
  const coverage = coverageOf(live, published, (input.updates ?? []).map((update) => toLiveUpdate(update, SITE.timeZone, profiles)), now);
  return {
    ...copy,
    slug: input.slug,
    file: input.file,
    published,
    updated,
    corrections,
    modified: latest(published, updated, ...corrections.map((correction) => correction.date), coverage?.latest),
    coverage,
    live: liveState(coverage, published),
    tags: tags.map((name) => ({ name, slug: tagSlug(name) })),
    series: series === undefined ? undefined : { name: series, slug: seriesSlug(series) },
    byline: bylineNames(byline ?? [], profiles),
    language: readLanguage(language ?? SITE.lang) ?? { tag: SITE.lang, direction: 'ltr' },
    status: draft ? 'draft' : published.instant > now ? 'scheduled' : 'published',
    html: input.html,
    media,
    leadImage: lead && { ...lead, alt: data.image?.alt ?? '' },
    readingMinutes: input.readingMinutes,
  };
}

/** Newest first; equal times fall back to the slug so the order never depends on file-system order. */
export function compareNewestFirst(a: Pick<Article, 'published' | 'slug'>, b: Pick<Article, 'published' | 'slug'>): number {
  return b.published.instant.getTime() - a.published.instant.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** How a build chooses articles. */
export interface Selection {
  /** The schedule cut-off: articles dated after it wait. */
  now?: Date;
  /** Preview builds show drafts and scheduled articles too (marked as such). */
  preview?: boolean;
  /** Byline name → profile (`profileIndex`). */
  profiles?: ProfileIndex;
}

/**
 * The articles a build publishes, newest first: no drafts, nothing dated after `now`, unless
 * previewing. Every page, feed, tag count, sitemap entry, search entry and related link reads
 * this list, so what it leaves out appears nowhere.
 */
export function selectArticles(
  inputs: readonly ArticleInput[],
  { now = new Date(), preview = false, profiles }: Selection = {},
): Article[] {
  return inputs
    .map((input) => toArticle(input, now, profiles))
    .filter((article) => preview || article.status === 'published')
    .sort(compareNewestFirst);
}

/** Every tag with its articles, newest first, tags in alphabetical order. */
export function tagsOf(articles: readonly Article[]): Tag<Article>[] {
  return groupByTag(articles, (article) => article.tags.map((tag) => tag.name));
}

/** The sections with articles, in masthead order, each with its articles newest first. */
export function sectionsOf(articles: readonly Article[]): SectionFront<Article>[] {
  return sectionFronts(articles, (article) => article.section);
}

/** Each profiled author's articles (profile slug → articles, in the order given: newest first). */
export function articlesByAuthor(articles: readonly Article[]): Map<string, Article[]> {
  const by = new Map<string, Article[]>();
  for (const article of articles) {
    for (const slug of new Set(article.byline.map((name) => name.author))) {
      if (slug === undefined) continue;
      let list = by.get(slug);
      if (!list) by.set(slug, (list = []));
      list.push(article);
    }
  }
  return by;
}

/** Every series with its pieces in reading order (src/model/series.ts), series sorted by name. */
export function seriesOf(articles: readonly Article[]): Series<Article>[] {
  return groupSeries(articles, (article) => article.series?.name);
}

/**
 * Display names follow the tag's and the series' pages: an article that spells "Nato" links to
 * "NATO" when most articles use that spelling.
 */
export function withCanonicalNames(articles: Article[], tags: readonly Tag<Article>[], series: readonly Series<Article>[]): Article[] {
  const names = new Map(tags.map((tag) => [tag.slug, tag.name]));
  const seriesNames = new Map(series.map((one) => [one.slug, one.name]));
  for (const article of articles) {
    article.tags = article.tags.map((tag) => ({ ...tag, name: names.get(tag.slug) ?? tag.name }));
    if (article.series) article.series = { ...article.series, name: seriesNames.get(article.series.slug) ?? article.series.name };
  }
  return articles;
}

/** Finds an article's related articles; made once per build by `relatedIndex`. */
export type RelatedFinder = (article: Article, limit: number) => Article[];

/**
 * Related articles: those that share the most tags with an article, newest first among equals
 * (compareNewestFirst), never the article itself and never paid content (`type: sponsored`). `articles` must be newest first, as
 * `selectArticles` returns them, and `tags` their tags (`tagsOf`).
 *
 * Counting every article of every tag an article has cost O(archive) an article, since one tag
 * can be on most of the archive: 0.6 s for 10,000 articles and 15 s for 50,000, in every build
 * (each article page's cache key holds its related list). Instead the ranks are filled level by
 * level, from the articles sharing all of its k tags down to those sharing one: every article
 * sharing c or more of them has one of its k − c + 1 smallest tags (pigeonhole), and a tag's
 * articles are kept in position order (newest first), so each level walks those few lists
 * newest first and stops when the list is full. Positions in `articles` stand for the articles,
 * in typed arrays made once.
 */
export function relatedIndex(articles: readonly Article[], tags: readonly Tag<Article>[]): RelatedFinder {
  const position = new Map(articles.map((article, at) => [article, at]));
  // Paid content is never offered as related reading: it is the advertiser's, not the newsroom's.
  const paid = Uint8Array.from(articles, (article) => (isPaid(article.type) ? 1 : 0));
  // Each tag's articles by position, ascending (newest first), once each; and whether each holds it.
  const members = new Map<string, Int32Array>();
  const holds = new Map<string, Uint8Array>();
  for (const tag of tags) {
    const has = new Uint8Array(articles.length);
    for (const article of tag.articles) {
      const at = position.get(article);
      if (at !== undefined) has[at] = 1;
    }
    const list: number[] = [];
    for (let at = 0; at < has.length; at += 1) if (has[at] === 1) list.push(at);
    members.set(tag.slug, Int32Array.from(list));
    holds.set(tag.slug, has);
  }
  return (article, limit) => {
    if (limit < 1) return [];
    const self = position.get(article) ?? -1;
    const own = [...new Set(article.tags.map((tag) => tag.slug))]
      .filter((slug) => members.has(slug))
      .sort((a, b) => members.get(a)!.length - members.get(b)!.length);
    const flags = own.map((slug) => holds.get(slug)!);
    const shared = (at: number) => flags.reduce((sum, has) => sum + has[at]!, 0);
    const found: number[] = [];
    for (let level = own.length; level >= 1 && found.length < limit; level -= 1) {
      // The smallest k − level + 1 tags' articles, merged in position order.
      const lists = own.slice(0, own.length - level + 1).map((slug) => members.get(slug)!);
      const next = new Int32Array(lists.length);
      for (;;) {
        let at = -1;
        for (let i = 0; i < lists.length; i += 1) {
          const candidate = next[i]! < lists[i]!.length ? lists[i]![next[i]!]! : -1;
          if (candidate >= 0 && (at < 0 || candidate < at)) at = candidate;
        }
        if (at < 0) break;
        for (let i = 0; i < lists.length; i += 1) if (next[i]! < lists[i]!.length && lists[i]![next[i]!] === at) next[i]! += 1;
        // Those sharing more were found at the levels before.
        if (at === self || paid[at] === 1 || shared(at) !== level) continue;
        found.push(at);
        if (found.length === limit) break;
      }
    }
    return found.map((at) => articles[at]!);
  };
}

/** The articles published just before and just after the one at `index` (articles newest first). */
export function neighbours(
  articles: readonly Article[],
  index: number,
): { older: Article | undefined; newer: Article | undefined } {
  return { older: articles[index + 1], newer: index > 0 ? articles[index - 1] : undefined };
}

/** Articles by year and month in the newsroom's zone, newest first at every level. */
export interface ArchiveYear<T = Article> {
  year: string;
  count: number;
  months: { month: string; articles: T[] }[];
}

/** Groups articles (already newest first) into years and months. */
export function archiveOf(articles: readonly Article[]): ArchiveYear[] {
  const years = new Map<string, Map<string, Article[]>>();
  for (const article of articles) {
    const { year, month } = yearMonth(article.published, SITE.timeZone);
    let months = years.get(year);
    if (!months) years.set(year, (months = new Map()));
    let list = months.get(month);
    if (!list) months.set(month, (list = []));
    list.push(article);
  }
  return [...years]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([year, months]) => ({
      year,
      count: [...months.values()].reduce((sum, list) => sum + list.length, 0),
      months: [...months].sort(([a], [b]) => (a < b ? 1 : -1)).map(([month, list]) => ({ month, articles: list })),
    }));
}
