import { Readable } from 'node:stream';
import { SitemapStream, streamToPromise } from 'sitemap';
import type { NewsEntry } from '../model/news-sitemap';

/**
 * The news sitemap as XML: a sitemaps.org 0.9 `<urlset>` with Google's news extension
 * (namespace http://www.google.com/schemas/sitemap-news/0.9), written and escaped by the `sitemap`
 * package. Entries keep their order.
 */
export async function newsSitemapXml(entries: readonly NewsEntry[]): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: true, image: false, video: false, xhtml: false } });
  return (await streamToPromise(Readable.from(entries).pipe(stream))).toString('utf8');
}
