import type { BlogPosting, BreadcrumbList, ItemList, LiveBlogPostingLeaf, NewsArticleLeaf, ProfilePage, WithContext } from 'schema-dts';
import type { Author } from './authors';
import { SITE } from '../site';
import { principlesUrl, publisherId, type Publisher } from './about';
import { schemaTypes } from './article-types';
import { CORRECTION_KINDS, correctionHeading, type Correction } from './corrections';
import type { Article } from './articles';
import { creditNames } from './credit';
import { isoWithOffset, type ArticleDate } from './dates';
import { updatePermalink, type LiveUpdate } from './live';
import { findSection } from './sections';
import { absoluteUrl, paths } from './urls';

/** A page's picture for sharing cards. */
export interface ShareImage {
  url: string;
  alt: string;
  type: string;
  /** Its size in pixels, when known (a crop made for cards): `og:image:width` and `og:image:height`. */
  width?: number | undefined;
  height?: number | undefined;
}

/** The lead picture's published original, absolute: what cards and structured data point at. */
export function shareImage(article: Article, site: URL | string): ShareImage | undefined {
  const lead = article.leadImage;
  return lead && { url: absoluteUrl(paths.media(article.slug, lead.name), site), alt: lead.alt, type: lead.type };
}

/**
 * The article's last change (`Article.modified`: the latest of published, updated, the
 * corrections and a live story's latest update) with the newsroom's offset: `article:modified_time`, JSON-LD's `dateModified` and
 * the sitemap's `lastmod` agree; the feeds give the same instant.
 */
export function modifiedTime(article: Pick<Article, 'modified'>): string {
  return isoWithOffset(article.modified, SITE.timeZone);
}

/** Open Graph `article:*` properties, in the order the protocol lists them. */
export function articleOpenGraph(article: Article): [property: string, content: string][] {
  return [
    ['article:published_time', isoWithOffset(article.published, SITE.timeZone)],
    ['article:modified_time', modifiedTime(article)],
    ['article:section', article.section],
    ...article.tags.map((tag): [string, string] => ['article:tag', tag.name]),
  ];
}

/**
 * A schema.org NewsArticle whose `@type` lists NewsArticle and the subtype for its kind
 * (`schemaTypes`): schema.org lets a node have several types, and schema-dts types one, so the
 * node is typed as a NewsArticle (whose subtypes add no property of their own) with that list.
 */
export type NewsArticleNode = WithContext<
  Omit<NewsArticleLeaf, '@type'> &
    Partial<Pick<LiveBlogPostingLeaf, 'coverageStartTime' | 'coverageEndTime' | 'liveBlogUpdate'>> & { '@type': ReturnType<typeof schemaTypes> }
>;

/** A time with the newsroom's offset, or a bare day kept a day (schema.org takes a Date; midnight would read as before a timed publication). */
function schemaTime(date: ArticleDate): string {
  return date.dateOnly ? date.datetime : isoWithOffset(date, SITE.timeZone);
}

/**
 * One update of a live story as schema.org's `liveBlogUpdate` wants it: a BlogPosting with its
 * heading (the update's own, else the story's headline), time, text and its permalink (the
 * story's address with the update's anchor).
 */
export function liveBlogUpdate(update: LiveUpdate, storyUrl: string, headline: string): BlogPosting {
  return {
    '@type': 'BlogPosting',
    headline: update.title ?? headline,
    datePublished: schemaTime(update.published),
    articleBody: update.text,
    url: updatePermalink(storyUrl, update.id),
    ...(update.byline.length > 0 && { author: update.byline.map((person) => ({ '@type': 'Person' as const, name: person.name })) }),
  };
}

/**
 * schema.org NewsArticle for the article page, with the same values the page shows: its kind
 * (`@type` NewsArticle and the subtype that fits, src/model/article-types.ts `schemaTypes`),
 * headline, standfirst, dates (with the newsroom's offset), credit (authors as Persons, else the
 * publication as an Organization), the publisher by its `@id` (src/model/about.ts: the page
 * carries its node too, `publisherNode`) and its principles page, section, tags, dateline (as
 * `dateline` and the Place `locationCreated`), its series (`isPartOf` a CreativeWorkSeries), the
 * original it is based on, and its notes: corrections as CorrectionComments (`correction`),
 * clarifications and editor's notes as plain Comments (`comment`), which claim no error. A live
 * story adds `LiveBlogPosting` to its types, with its coverage's times and updates (`liveBlogUpdate`).
 */
export function newsArticle(article: Article, site: URL | string, publisher: Publisher): NewsArticleNode {
  const url = absoluteUrl(paths.article(article.slug), site);
  const image = shareImage(article, site);
  const names = creditNames(article);
  const principles = principlesUrl(publisher, site);
  const notes = Map.groupBy(article.corrections, (correction) => CORRECTION_KINDS[correction.kind].schemaType);
  const noteNode = (correction: Correction) => ({ text: correction.text, datePublished: schemaTime(correction.date) });
  const coverage = article.coverage;
  return {
    '@context': 'https://schema.org',
    '@type': coverage ? [...schemaTypes(article.type), 'LiveBlogPosting'] : schemaTypes(article.type),
    headline: article.title,
    description: article.standfirst,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    datePublished: isoWithOffset(article.published, SITE.timeZone),
    dateModified: modifiedTime(article),
    author:
      article.byline.length > 0
        ? article.byline.map((person) => ({ '@type': 'Person', name: person.name, ...(person.author && { url: absoluteUrl(paths.author(person.author), site) }) }))
        : names.map((name) => ({ '@type': 'Organization', name })),
    publisher: { '@id': publisherId(site) },
    ...(principles && { publishingPrinciples: principles }),
    ...(article.dateline && { dateline: article.dateline, locationCreated: { '@type': 'Place', name: article.dateline } }),
    ...(article.source && { isBasedOn: article.source.url }),
    ...(article.series && {
      isPartOf: { '@type': 'CreativeWorkSeries', name: article.series.name, url: absoluteUrl(paths.series(article.series.slug), site) },
      ...(article.part !== undefined && { position: article.part }),
    }),
    articleSection: article.section,
    keywords: article.tags.map((tag) => tag.name),
    inLanguage: article.language.tag,
    ...(image && { image: [image.url] }),
    // schema.org/correction: each correction as a CorrectionComment, oldest first.
    ...(notes.has('CorrectionComment') && { correction: notes.get('CorrectionComment')!.map((note) => ({ '@type': 'CorrectionComment', ...noteNode(note) })) }),
    // A clarification or an editor's note corrects nothing: a Comment, named for its kind.
    ...(notes.has('Comment') && {
      comment: notes.get('Comment')!.map((note) => ({ '@type': 'Comment', name: correctionHeading(note.kind, 1), ...noteNode(note) })),
    }),
    // A live story (src/model/live.ts) is a LiveBlogPosting too: Google's live badge reads
    // coverageStartTime, coverageEndTime once it has ended, and each update (developers.google.com,
    // "Live blog" structured data; schema.org/LiveBlogPosting).
    ...(coverage && {
      coverageStartTime: schemaTime(coverage.start),
      ...(coverage.end && { coverageEndTime: schemaTime(coverage.end) }),
      liveBlogUpdate: coverage.updates.map((update) => liveBlogUpdate(update, url, article.title)),
    }),
  };
}

/**
 * schema.org BreadcrumbList for an article: home → the section's front → the article, as Google's
 * breadcrumb structured data wants them (positions from 1, each with an absolute `item`).
 */
export function articleBreadcrumbs(article: Pick<Article, 'slug' | 'title' | 'section'>, site: URL | string): WithContext<BreadcrumbList> {
  const section = findSection(article.section);
  const trail: [name: string, path: string][] = [
    [SITE.title, paths.home()],
    ...(section ? [[section.name, paths.section(section.slug)] as [string, string]] : []),
    [article.title, paths.article(article.slug)],
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map(([name, path], index) => ({ '@type': 'ListItem', position: index + 1, name, item: absoluteUrl(path, site) })),
  };
}

/**
 * schema.org ItemList for a series page: its pieces in reading order, each a ListItem with its
 * position in the whole series (from 1; `position`, else its place in `pieces`) and absolute URL,
 * as Google's carousel structured data wants them. `numberOfItems` counts the pieces listed.
 */
export function seriesItemList(series: { name: string; slug: string; pieces: readonly { slug: string; title: string; position?: number }[] }, site: URL | string): WithContext<ItemList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: series.name,
    url: absoluteUrl(paths.series(series.slug), site),
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: series.pieces.length,
    itemListElement: series.pieces.map((piece, index) => ({
      '@type': 'ListItem',
      position: piece.position ?? index + 1,
      url: absoluteUrl(paths.article(piece.slug), site),
      name: piece.title,
    })),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. JSON.stringify alone would let a value
 * containing `</script>` end the element; escaping `<`, `>` and `&` as \u sequences keeps the
 * JSON identical to a parser and inert to the HTML tokenizer. U+2028/2029 are escaped for old
 * JavaScript parsers.
 */
export function jsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * schema.org ProfilePage for an author's page: the page's address and, as its `mainEntity`, the
 * author as a `Person` with the profile's name, role (`jobTitle`), biography (`description`),
 * links (`sameAs`) and subjects (`knowsAbout`), as Google's profile-page structured data wants
 * them, with the portrait's address when there is one (`image`, absolute: src/components/pictures.ts
 * `portraitUrl`). Only what the profile says: a list it leaves empty is left out, not written as `[]`.
 */
export function profilePage(author: Pick<Author, 'slug' | 'name' | 'role' | 'bio' | 'links' | 'expertise'>, site: URL | string, image?: string | undefined): WithContext<ProfilePage> {
  const url = absoluteUrl(paths.author(author.slug), site);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      jobTitle: author.role,
      description: author.bio,
      url,
      ...(image && { image }),
      ...(author.links.length > 0 && { sameAs: author.links.map((link) => link.url) }),
      ...(author.expertise.length > 0 && { knowsAbout: author.expertise }),
    },
  };
}
