import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { typeChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { SITE } from '../../../site';

/** One kind of piece's RSS feed: the newest of its pieces, whole, as on its listing. */
export const getStaticPaths = (async () => {
  const { types } = await loadCatalogue();
  return types.map(({ type, articles }) => keyedPath({ type }, { type, articles: articles.slice(0, SITE.feedLimit) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(typeChannel(props.type, props.articles, site!));
