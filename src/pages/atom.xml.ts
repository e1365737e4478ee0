import type { APIRoute } from 'astro';
import { atomResponse } from '../feeds/atom';
import { siteChannel } from '../feeds/channels';
import { loadCatalogue } from '../catalogue';
import { paths } from '../model/urls';
import { SITE } from '../site';

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadCatalogue();
  return atomResponse(siteChannel(articles, site!, paths.atom()), SITE.title);
};
