import type { APIRoute } from 'astro';
import { loadCatalogue } from '../catalogue';
import { absoluteUrl, paths } from '../model/urls';

/**
 * Crawlers read robots.txt only at the origin's root: under a BASE_PATH, copy the Sitemap lines
 * into the root's robots.txt (docs/deploy.md). The news sitemap is named only in builds that
 * write it (some article is recent: src/model/news-sitemap.ts).
 */
export const GET: APIRoute = async ({ site }) => {
  const { news } = await loadCatalogue();
  const sitemaps = [paths.sitemap(), ...(news.length > 0 ? [paths.newsSitemap()] : [])];
  return new Response(['User-agent: *', 'Allow: /', '', ...sitemaps.map((path) => `Sitemap: ${absoluteUrl(path, site!)}`), ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
