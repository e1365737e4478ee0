import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { deskChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { SITE } from '../../../site';

/** One desk's RSS feed: the newest of its articles, whole, as on its front. */
export const getStaticPaths = (async () => {
  const { desks } = await loadCatalogue();
  return desks.map(({ name, slug, articles }) => keyedPath({ desk: slug }, { desk: { name, slug, articles: articles.slice(0, SITE.feedLimit) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(deskChannel(props.desk, site!));
