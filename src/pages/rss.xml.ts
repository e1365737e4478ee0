import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import XMLBuilder from 'fast-xml-builder';
import { loadCatalogue } from '../model/collection';
import { feedItems } from '../model/feed-items';
import { absoluteUrl, paths } from '../model/urls';
import { SITE } from '../site';

// Extra elements go through a real XML serialiser, so no value can break the markup.
const xml = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

export const GET: APIRoute = async ({ site }) => {
  const { articles } = await loadCatalogue();
  const items = feedItems(articles, site!, SITE.feedLimit);
  const newest = items.reduce<Date | undefined>((latest, item) => {
    const changed = item.updated ?? item.published;
    return latest && latest >= changed ? latest : changed;
  }, undefined);
  return rss({
    title: SITE.title,
    description: SITE.description,
    site: absoluteUrl(paths.home(), site!),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: xml.build({
      language: SITE.lang,
      // The newest item's date, not the clock: two builds of the same content are identical.
      ...(newest && { lastBuildDate: newest.toUTCString() }),
      'atom:link': { '@_href': absoluteUrl(paths.rss(), site!), '@_rel': 'self', '@_type': 'application/rss+xml' },
    }),
    items: items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      description: item.summary,
      content: item.contentHtml,
      categories: item.categories,
      ...(item.credit && { customData: xml.build({ 'dc:creator': item.credit }) }),
    })),
  });
};
