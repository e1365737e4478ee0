import type { APIRoute } from 'astro';
import { siteChannel } from '../feeds/channels';
import { rssResponse } from '../feeds/rss';
import { loadCatalogue } from '../catalogue';
import { paths } from '../model/urls';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadCatalogue();
  return rssResponse(siteChannel(articles, site!, paths.rss()));
};
