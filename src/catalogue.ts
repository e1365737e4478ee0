import { getCollection } from 'astro:content';
import { changesAfterClock } from './checks/clock';
import { imageFilePath } from './astro-internals';
import { fileDigest } from './checks/media';
import { contentError, formatNotices, type ContentProblem } from './checks/problems';
import { checkRendered } from './checks/rendered';
import { authorsDir, pagesDir, publishing, updatesDir } from './env';
import { aboutPagesOf } from './checks/pages';
import { liveUpdatesOf, updateMediaClashes } from './checks/updates';
import { publisherOf, type AboutPage, type Publisher } from './model/about';
import { correctionsLog, type LoggedCorrection } from './model/corrections';
import { withBodiesRead } from './integrations/body-store';
import { shareSearchDocuments } from './integrations/search-index';
import { shareLastModified } from './integrations/sitemap';
import type { ImageMetadata } from 'astro';
import { ARTICLE_TYPE_NAMES, isLabelled, type ArticleType } from './model/article-types';
import { archiveOf, articlesByAuthor, sectionsOf, selectArticles, seriesOf, tagsOf, withCanonicalNames, type Article, type ArchiveYear } from './model/articles';
import { frontOf, type Front } from './model/front';
import type { Series } from './model/series';
import { seriesNotices, seriesProblems } from './checks/series';
import { SITE } from './site';
import { profileIndex, toAuthors, type Author } from './model/authors';
import { authorKey } from './model/cache-keys';
import type { Section, SectionFront } from './model/sections';
import { modifiedTime } from './model/metadata';
import { newsArticles } from './model/news-sitemap';
import { searchShards } from './model/search-shards';
import type { Tag } from './model/tags';
import { paths, rebaserFor } from './model/urls';
import { searchDocuments } from './search/documents';

/** Everything the build publishes, modelled once: articles newest first, tags, the archive. */
export interface Catalogue {
  articles: Article[];
  tags: Tag<Article>[];
  archive: ArchiveYear[];
  /** The search shards, newest first (src/model/search-shards.ts): their names and how many articles each holds. */
  searchShards: { name: string; articles: number }[];
  /** The sections with articles, in masthead order: the only ones with a front and a masthead link. */
  sections: SectionFront<Article>[];
  /** The kinds of piece other than news that have pieces, in ARTICLE_TYPES order, each with its pieces newest first. */
  types: { type: ArticleType; articles: Article[] }[];
  /** Every series, sorted by name, each with its pieces in reading order (src/model/series.ts). */
  series: Series<Article>[];
  /** The front page's lead, top stories and section rows, by the build's clock (src/model/front.ts). */
  front: Front<Article>;
  /** Every author's profile, with their articles newest first. */
  authors: { author: Author<ImageMetadata>; articles: Article[] }[];
  /**
   * What every page's masthead shows that content decides: the sections with articles, in
   * masthead order. Every page takes it as a prop, so it is in every keyed page's cache key and a
   * section's first article relinks the site.
   */
  masthead: Section[];
  /** What the news sitemap lists (src/model/news-sitemap.ts); robots.txt names it only when this is not empty. */
  news: Article[];
  /** The publication's own pages (PAGES_DIR, else content/pages), in the order /about/ lists them (src/model/about.ts). */
  aboutPages: AboutPage[];
  /** The publisher as structured data names it: which page holds each policy. One object, in the props of every page that carries it. */
  publisher: Publisher;
  /** Every correction and clarification of the published articles, newest first (/corrections/, src/model/corrections.ts). */
  corrections: LoggedCorrection[];
  /** The build's clock (BUILD_TIME, else the time it started): what ages and the front page's window are measured against. */
  now: Date;
}

let catalogue: Promise<Catalogue> | undefined;

/**
 * Loads, checks, filters and sorts the collection once per build. Every page and feed reads from
 * here, so whole-collection work (sorting, tag maps) is never repeated per page. This is the one
 * place the content layer, the environment and the model meet; the model itself stays pure.
 */
export function loadCatalogue(): Promise<Catalogue> {
  // No profiles folder, no collection to read (Astro warns about reading an empty one).
  catalogue ??= Promise.all([
    getCollection('articles'),
    authorsDir() ? getCollection('authors') : [],
    pagesDir() ? getCollection('pages') : [],
    updatesDir() ? getCollection('updates') : [],
  ]).then(([entries, profiles, pageEntries, updateEntries]) => {
    const settings = publishing();
    // Only the file is read (src/astro-internals.ts): touching any other field of Astro's image
    // metadata marks the original as used, and Astro then publishes it beside the optimised copies.
    const authors = toAuthors<ImageMetadata>(profiles, (picture) => fileDigest(imageFilePath(picture)));
    const notices: ContentProblem[] = [];
    // One read of the body store for every rendered collection: it prunes every body this build did not read.
    const read = withBodiesRead([...entries, ...pageEntries, ...updateEntries]);
    const checked = checkRendered(read.slice(0, entries.length) as typeof entries, { rebase: rebaserFor(import.meta.env.BASE_URL), notices });
    const aboutPages = aboutPagesOf(read.slice(entries.length, entries.length + pageEntries.length) as typeof pageEntries, { notices });
    // Every article is a possible story, drafts included: an update to a draft story waits with it.
    const stories = new Map(entries.map((entry) => [entry.id, { file: entry.filePath ?? entry.id, published: entry.data.published, live: entry.data.live }]));
    const updates = liveUpdatesOf(read.slice(entries.length + pageEntries.length) as typeof updateEntries, stories, { notices });
    const taken = updateMediaClashes(checked, updates);
    if (taken.length > 0) throw contentError(taken);
    const inputs = updates.size === 0 ? checked : checked.map((input) => ({ ...input, updates: updates.get(input.slug) }));
    const late = changesAfterClock(inputs, settings.now);
    if (late.length > 0) throw contentError(late);
    // The content check refuses these before every build; this guards `astro dev`, where it does not run.
    const claims = inputs.map((input) => ({ file: input.file, series: input.data.series, part: input.data.part }));
    const clashes = seriesProblems(claims);
    if (clashes.length > 0) throw contentError(clashes);
    notices.push(...seriesNotices(claims));
    if (notices.length > 0) console.warn(formatNotices(notices));
    const selected = selectArticles(inputs, { ...settings, profiles: profileIndex(authors) });
    const tags = tagsOf(selected);
    const series = seriesOf(selected);
    // Names settle before anything is keyed (src/model/cache-keys.ts remembers an article's key).
    const articles = withCanonicalNames(selected, tags, series);
    shareLastModified(new Map(articles.map((article) => [paths.article(article.slug), modifiedTime(article)])));
    const archive = archiveOf(articles);
    // Preview builds show drafts and scheduled pieces, but never let search find them.
    const published = articles.filter((article) => article.status === 'published');
    const shards = searchShards(published.length === articles.length ? archive : archiveOf(published));
    shareSearchDocuments(searchDocuments(shards));
    const sections = sectionsOf(articles);
    const byAuthor = articlesByAuthor(articles);
    const byType = Map.groupBy(articles, (article) => article.type);
    return {
      articles,
      tags,
      archive,
      searchShards: shards.map((shard) => ({ name: shard.name, articles: shard.articles.length })),
      sections,
      types: ARTICLE_TYPE_NAMES.filter(isLabelled).flatMap((type) => {
        const pieces = byType.get(type);
        return pieces ? [{ type, articles: pieces }] : [];
      }),
      series,
      front: frontOf(articles, sections, { now: settings.now, leadHours: SITE.leadHours, topStories: SITE.topStories, rowSize: SITE.sectionRow }),
      // Each profile is keyed once here, by its portrait's digest, so no page key reads the
      // portrait's image metadata (src/model/cache-keys.ts `authorKey`).
      authors: authors.map((author) => (authorKey(author), { author, articles: byAuthor.get(author.slug) ?? [] })),
      masthead: sections.map(({ name, slug }) => ({ name, slug })),
      news: newsArticles(articles, settings.now),
      aboutPages,
      publisher: publisherOf(aboutPages),
      corrections: correctionsLog(articles),
      now: settings.now,
    };
  });
  return catalogue;
}
