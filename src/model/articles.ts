import type { ArticleData } from './schema';
import { SITE } from '../site';
import { toArticleDate, yearMonth, type ArticleDate } from './dates';
import { articleMedia, MediaError, type MediaFile } from './media';
import { contentError, ContentProblems, type ContentProblem } from './problems';
import { groupByTag, tagSlug, type Tag } from './tags';

/** The parts of a content entry the model reads (an `astro:content` entry has these). */
export interface ArticleEntry {
  id: string;
  data: ArticleData;
  filePath?: string | undefined;
  /** What the content layer rendered; remark plugins' output sits in `metadata.frontmatter`. */
  rendered?: { html: string; metadata?: Record<string, unknown> | undefined } | undefined;
}

/** A tag as an article lists it. */
export interface TagRef {
  name: string;
  slug: string;
}

/** An article as pages, feeds and the sitemap use it. */
export interface Article {
  /** The URL slug (the file name, slugged); also the content entry's id, for `render()`. */
  slug: string;
  /** Where the article came from, for error messages. */
  file: string;
  title: string;
  standfirst: string;
  published: ArticleDate;
  updated: ArticleDate | undefined;
  section: string;
  tags: TagRef[];
  byline: string[];
  source: ArticleData['source'];
  image: ArticleData['image'];
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

/** Turns a validated content entry into what pages show. `now` decides whether it is scheduled. */
export function toArticle(entry: ArticleEntry, now: Date = new Date()): Article {
  const { data } = entry;
  const file = entry.filePath ?? entry.id;
  if (!entry.rendered) {
    throw new ContentProblems([{ file, field: 'body', message: 'expected Markdown that renders; see the error printed above' }]);
  }
  const pluginData = entry.rendered.metadata?.['frontmatter'] as Record<string, unknown> | undefined;
  const problems: ContentProblem[] = ((pluginData?.['contentProblems'] as Omit<ContentProblem, 'file'>[] | undefined) ?? []).map(
    (problem) => ({ file, ...problem }),
  );
  const minutes = pluginData?.['readingMinutes'];
  const localImagePaths = entry.rendered.metadata?.['localImagePaths'];
  let media: MediaFile[] = [];
  try {
    media = articleMedia(file, Array.isArray(localImagePaths) ? localImagePaths.map(String) : []);
  } catch (error) {
    if (!(error instanceof MediaError)) throw error;
    const source = /picture "([^"]+)"/.exec(error.message)?.[1];
    problems.push({ file, field: source === data.image?.src ? 'image.src' : 'body', message: error.message.replace(/^[^:]+: /, '') });
  }
  if (problems.length > 0) throw new ContentProblems(problems);
  const lead = media.find((picture) => picture.source === data.image?.src);
  const published = toArticleDate(data.published, SITE.timeZone);
  return {
    slug: entry.id,
    file,
    title: data.title,
    standfirst: data.standfirst,
    published,
    updated: data.updated === undefined ? undefined : toArticleDate(data.updated, SITE.timeZone),
    section: data.section,
    tags: data.tags.map((name) => ({ name, slug: tagSlug(name) })),
    byline: data.byline ?? [],
    source: data.source,
    image: data.image,
    status: data.draft ? 'draft' : published.instant > now ? 'scheduled' : 'published',
    html: entry.rendered.html,
    media,
    leadImage: lead && { ...lead, alt: data.image?.alt ?? '' },
    readingMinutes: typeof minutes === 'number' ? minutes : 1,
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
}

/**
 * The articles a build publishes, newest first: no drafts, nothing dated after `now`, unless
 * previewing. Every page, feed, tag count, sitemap entry, search entry and related link reads
 * this list, so what it leaves out appears nowhere. Problems in any entry are reported together.
 */
export function selectArticles(entries: readonly ArticleEntry[], { now = new Date(), preview = false }: Selection = {}): Article[] {
  const articles: Article[] = [];
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    try {
      articles.push(toArticle(entry, now));
    } catch (error) {
      if (!(error instanceof ContentProblems)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw contentError(problems);
  return articles.filter((article) => preview || article.status === 'published').sort(compareNewestFirst);
}

/** Every tag with its articles, newest first, tags in alphabetical order. */
export function tagsOf(articles: readonly Article[]): Tag<Article>[] {
  return groupByTag(articles, (article) => article.tags.map((tag) => tag.name));
}

/**
 * Display names follow the tag's page: an article that spells "Nato" links to "NATO" when most
 * articles use that spelling.
 */
export function withCanonicalTagNames(articles: Article[], tags: readonly Tag<Article>[]): Article[] {
  const names = new Map(tags.map((tag) => [tag.slug, tag.name]));
  for (const article of articles) {
    article.tags = article.tags.map((tag) => ({ ...tag, name: names.get(tag.slug) ?? tag.name }));
  }
  return articles;
}

/**
 * Articles that share the most tags with `article`, newest first among equals. Candidates come
 * from the article's own tags, so the cost grows with the size of those tags, not the whole
 * collection; only the best `limit` are kept while counting (a full sort of every candidate,
 * once per article page, was most of a 10,000-article build).
 */
export function relatedArticles(article: Article, tags: ReadonlyMap<string, readonly Article[]>, limit: number): Article[] {
  const shared = new Map<Article, number>();
  for (const { slug } of article.tags) {
    for (const other of tags.get(slug) ?? []) {
      if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  const best: [Article, number][] = [];
  if (limit < 1) return [];
  const better = (a: [Article, number], b: [Article, number]) => a[1] - b[1] || compareNewestFirst(b[0], a[0]);
  for (const candidate of shared) {
    if (best.length === limit && better(candidate, best[limit - 1]!) <= 0) continue;
    let at = best.length === limit ? limit - 1 : best.length;
    while (at > 0 && better(candidate, best[at - 1]!) > 0) {
      best[at] = best[at - 1]!;
      at -= 1;
    }
    best[at] = candidate;
    if (best.length > limit) best.length = limit;
  }
  return best.map(([other]) => other);
}

/** The articles published just before and just after the one at `index` (articles newest first). */
export function neighbours(articles: readonly Article[], index: number): { older: Article | undefined; newer: Article | undefined } {
  return { older: articles[index + 1], newer: index > 0 ? articles[index - 1] : undefined };
}

/** Articles by year and month in the newsroom's zone, newest first at every level. */
export interface ArchiveYear {
  year: string;
  count: number;
  months: { month: string; articles: Article[] }[];
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
