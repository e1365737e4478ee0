import type { APIRoute, GetStaticPaths } from 'astro';
import { authorChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import type { Article } from '../../../model/articles';
import type { Author } from '../../../model/authors';
import { loadCatalogue } from '../../../catalogue';
import { feedKey } from '../../../model/cache-keys';
import { SITE } from '../../../site';

export const getStaticPaths = (async () => {
  const { authors } = await loadCatalogue();
  return authors.map(({ author, articles }) => ({
    params: { author: author.slug },
    props: { author, articles },
    cacheKey: feedKey(['author', author.name, author.slug], articles.slice(0, SITE.feedLimit)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { author, articles } = props as { author: Author; articles: Article[] };
  return rssResponse(authorChannel(author, articles, site!));
};
