import type { APIRoute, GetStaticPaths } from 'astro';
import { deskChannel } from '../../../feeds/channels';
import { rssResponse } from '../../../feeds/rss';
import type { Article } from '../../../model/articles';
import { loadCatalogue } from '../../../catalogue';
import { feedKey } from '../../../model/cache-keys';
import type { DeskFront } from '../../../model/desks';
import { SITE } from '../../../site';

export const getStaticPaths = (async () => {
  const { desks } = await loadCatalogue();
  return desks.map((desk) => ({
    params: { desk: desk.slug },
    props: { desk },
    cacheKey: feedKey(['desk', desk.name, desk.slug], desk.articles.slice(0, SITE.feedLimit)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => rssResponse(deskChannel((props as { desk: DeskFront<Article> }).desk, site!));
