import type { APIRoute, GetStaticPaths } from 'astro';
import { tagChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import type { Article } from '../../../model/articles';
import { loadCatalogue } from '../../../catalogue';
import { feedKey } from '../../../model/cache-keys';
import { SITE } from '../../../site';
import type { Tag } from '../../../model/tags';

export const getStaticPaths = (async () => {
  const { tags } = await loadCatalogue();
  return tags.map((tag) => ({
    params: { tag: tag.slug },
    props: { tag },
    cacheKey: feedKey([tag.name, tag.slug], tag.articles.slice(0, SITE.feedLimit)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => rssResponse(tagChannel((props as { tag: Tag<Article> }).tag, site!));
