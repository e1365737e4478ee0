import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { tagChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { SITE } from '../../../site';

/** One tag's RSS feed: the newest of its articles, whole. */
export const getStaticPaths = (async () => {
  const { tags } = await loadCatalogue();
  return tags.map(({ name, slug, articles }) => keyedPath({ tag: slug }, { tag: { name, slug, articles: articles.slice(0, SITE.feedLimit) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(tagChannel(props.tag, site!));
