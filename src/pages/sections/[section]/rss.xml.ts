import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { sectionChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import { loadCatalogue } from '../../../catalogue';
import { keyedPath } from '../../../model/cache-keys';
import { SITE } from '../../../site';

/** One section's RSS feed: the newest of its articles, whole, as on its front. */
export const getStaticPaths = (async () => {
  const { sections } = await loadCatalogue();
  return sections.map(({ name, slug, articles }) => keyedPath({ section: slug }, { section: { name, slug, articles: articles.slice(0, SITE.feedLimit) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => rssResponse(sectionChannel(props.section, site!));
