import { getRssString } from '@astrojs/rss';
import XMLBuilder from 'fast-xml-builder';
import { toHtml } from 'hast-util-to-html';
import { SITE } from '../site';
import { feedResponse } from './budget';
import { FEED_FORMATS } from './formats';
import { labelledCategories, type FeedChannel } from './items';

// Elements @astrojs/rss has no option for go through a real XML serialiser, never concatenation.

/**
 * Text for an element readers treat as HTML. RSS 2.0 lets `<description>` (channel and item) hold
 * entity-encoded HTML, and readers render it (RSS Best Practices Profile, "description"), so a
 * standfirst reading "<b>" would turn bold: the text is escaped as HTML first, then as XML.
 */
function asHtml(text: string): string {
  return toHtml({ type: 'text', value: text });
}
const xml = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/**
 * RSS 2.0 with content:encoded, dc:creator, media:content and an atom:link to itself, within
 * `budget` bytes (src/feeds/budget.ts `writeWithin`).
 */
export function rssResponse(channel: FeedChannel, budget: number = SITE.feedBytes): Promise<Response> {
  return feedResponse(channel, FEED_FORMATS.rss, budget, rssDocument);
}

function rssDocument(channel: FeedChannel): Promise<string> {
  return getRssString({
    title: channel.title,
    description: asHtml(channel.description),
    site: channel.homeUrl,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData: xml.build({
      language: channel.language,
      ...(channel.updated && { lastBuildDate: channel.updated.toUTCString() }),
      'atom:link': { '@_href': channel.feedUrl, '@_rel': 'self', '@_type': FEED_FORMATS.rss.type },
    }),
    items: channel.items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: item.published,
      description: asHtml(item.summary),
      content: item.contentHtml,
      // @astrojs/rss writes `categories` over any <category> in customData, so the kind is a plain
      // category here; Atom gives it its scheme.
      categories: labelledCategories(item),
      // RSS's own <author> wants an e-mail address; a name belongs in dc:creator.
      customData: xml.build({
        ...(item.authors.length > 0 && { 'dc:creator': item.authors }),
        // RSS 2.0 gives only the channel a language; Dublin Core's says an item's own.
        ...(item.language !== channel.language && { 'dc:language': item.language }),
        ...(item.image && {
          'media:content': { '@_url': item.image.url, '@_type': item.image.type, '@_medium': 'image', '@_fileSize': item.image.length },
        }),
      }),
      ...(item.image && { enclosure: { url: item.image.url, length: item.image.length, type: item.image.type } }),
    })),
  });
}
