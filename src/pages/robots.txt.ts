import type { APIRoute } from 'astro';
import { absoluteUrl, paths } from '../model/urls';

/**
 * Crawlers read robots.txt only at the origin's root: under a BASE_PATH, copy the Sitemap line
 * into the root's robots.txt (docs/deploy.md).
 */
export const GET: APIRoute = ({ site }) =>
  new Response(['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(paths.sitemap(), site!)}`, ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
