import type { APIRoute } from 'astro';
import { siteChannel } from '../feeds/channels';
import { jsonFeedResponse } from '../feeds/json-feed';
import { loadCatalogue } from '../catalogue';
import { paths } from '../model/urls';
import { SITE } from '../site';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadCatalogue();
  return jsonFeedResponse(siteChannel(articles, site!, paths.jsonFeed()), SITE.title);
};
