import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { loadCatalogue } from '../catalogue';
import { keyedPath } from '../model/cache-keys';
import { newsSitemapXml } from '../feeds/news-sitemap';
import { newsEntry } from '../model/news-sitemap';
import { absoluteUrl, paths, routes } from '../model/urls';
import { SITE } from '../site';

/**
 * The Google News sitemap, /news-sitemap.xml. A route with a parameter, so that a build with no
 * recent article writes no file at all (an empty `<urlset>` is invalid, and robots.txt then names
 * none): the one path it returns, or none.
 */
export const getStaticPaths = (async () => {
  const { news } = await loadCatalogue();
  if (news.length === 0) return [];
  // What the sitemap shows of each article: its address, headline, language and publication.
  const entries = news.map(({ slug, title, language, published }) => ({ slug, title, language, published }));
  return [keyedPath({ sitemap: routes.newsSitemap().replace(/^\/|\.xml$/g, '') }, { news: entries })];
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props: { news }, site }) => {
  const xml = await newsSitemapXml(news.map((article) => newsEntry(article, absoluteUrl(paths.article(article.slug), site!), SITE.title, SITE.timeZone)));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
