import type { APIRoute, GetStaticPaths } from 'astro';
import { tagChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import type { Article } from '../../../model/articles';
import { loadCatalogue } from '../../../catalogue';
import type { Tag } from '../../../model/tags';

export const getStaticPaths = (async () => {
  const { tags } = await loadCatalogue();
  return tags.map((tag) => ({ params: { tag: tag.slug }, props: { tag } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => rssResponse(tagChannel((props as { tag: Tag<Article> }).tag, site!));
