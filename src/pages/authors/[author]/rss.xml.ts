import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { authorChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { SITE } from '../../../site';

/** One author's RSS feed: their newest articles, whole, as on their page. */
export const getStaticPaths = (async () => {
  const { authors } = await loadCatalogue();
  return authors.map(({ author: { name, slug }, articles }) => keyedPath({ author: slug }, { author: { name, slug }, articles: articles.slice(0, SITE.feedLimit) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(authorChannel(props.author, props.articles, site!));
