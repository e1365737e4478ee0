import { getCollection } from 'astro:content';
import { selectArticles, tagsOf, withCanonicalTagNames, type Article } from './articles';
import type { Tag } from './tags';

interface Catalogue {
  articles: Article[];
  tags: Tag<Article>[];
}

let catalogue: Promise<Catalogue> | undefined;

/**
 * Loads, filters and sorts the collection once per build. Every page and feed reads from here, so
 * whole-collection work (sorting, tag maps) is never repeated per page.
 */
export function loadCatalogue(): Promise<Catalogue> {
  catalogue ??= getCollection('articles').then((entries) => {
    const articles = selectArticles(entries);
    const tags = tagsOf(articles);
    return { articles: withCanonicalTagNames(articles, tags), tags };
  });
  return catalogue;
}
