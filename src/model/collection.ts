import { getCollection } from 'astro:content';
import { archiveOf, selectArticles, tagsOf, withCanonicalTagNames, type Article, type ArchiveYear } from './articles';
import type { Tag } from './tags';

interface Catalogue {
  articles: Article[];
  tags: Tag<Article>[];
  archive: ArchiveYear[];
}

let catalogue: Promise<Catalogue> | undefined;

/**
 * The build's publishing rules, from the environment: BUILD_TIME (an ISO instant) pins the
 * schedule cut-off, for reproducible rebuilds and tests; SHOW_DRAFTS=1 is the preview mode
 * (`npm run drafts`), which shows drafts and scheduled articles, marked and never indexed.
 */
function publishing(): { now: Date; preview: boolean } {
  const pinned = process.env['BUILD_TIME'];
  const now = pinned ? new Date(pinned) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error(`BUILD_TIME: expected an ISO date and time like 2024-06-18T12:00:00Z, found "${pinned}"`);
  return { now, preview: process.env['SHOW_DRAFTS'] === '1' };
}

/**
 * Loads, filters and sorts the collection once per build. Every page and feed reads from here, so
 * whole-collection work (sorting, tag maps) is never repeated per page.
 */
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= getCollection('articles').then((entries) => {
    const articles = selectArticles(entries, publishing());
    const tags = tagsOf(articles);
    return { articles: withCanonicalTagNames(articles, tags), tags, archive: archiveOf(articles) };
  });
  return catalogue;
}
