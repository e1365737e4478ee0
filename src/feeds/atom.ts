import XMLBuilder from 'fast-xml-builder';
import { SITE } from '../site';
import { feedResponse } from './budget';
import { FEED_FORMATS } from './formats';
import type { FeedChannel } from './items';

const xml = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, processEntities: true });

// Atom requires <updated>; an empty site has no newest article, and the clock would break
// byte-identical rebuilds.
const NEVER = new Date(0);

/**
 * Atom 1.0 (RFC 4287): every entry with id, dates, author, categories, summary and HTML content,
 * within `budget` bytes (src/feeds/budget.ts `writeWithin`).
 */
export function atomResponse(channel: FeedChannel, publisher: string, budget: number = SITE.feedBytes): Promise<Response> {
  return feedResponse(channel, FEED_FORMATS.atom, budget, (within) => atomDocument(within, publisher));
}

function atomDocument(channel: FeedChannel, publisher: string): string {
  const feed = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': channel.language,
      id: channel.homeUrl,
      title: { '@_type': 'text', '#text': channel.title },
      subtitle: { '@_type': 'text', '#text': channel.description },
      updated: (channel.updated ?? NEVER).toISOString(),
      link: [
        { '@_rel': 'self', '@_type': FEED_FORMATS.atom.type, '@_href': channel.feedUrl },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': channel.homeUrl },
      ],
      // Entries without a credit inherit the feed's author, as RFC 4287 allows.
      author: { name: publisher },
      entry: channel.items.map((item) => ({
        ...(item.language !== channel.language && { '@_xml:lang': item.language }),
        id: item.url,
        title: { '@_type': 'text', '#text': item.title },
        link: [
          { '@_rel': 'alternate', '@_type': 'text/html', '@_href': item.url },
          ...(item.image ? [{ '@_rel': 'enclosure', '@_type': item.image.type, '@_length': item.image.length, '@_href': item.image.url }] : []),
        ],
        published: item.published.toISOString(),
        updated: (item.updated ?? item.published).toISOString(),
        ...(item.authors.length > 0 && { author: item.authors.map((name) => ({ name })) }),
        category: [
          ...(item.type ? [{ '@_term': item.type.term, '@_scheme': item.type.scheme, '@_label': item.type.label }] : []),
          ...item.categories.map((term) => ({ '@_term': term })),
        ],
        summary: { '@_type': 'text', '#text': item.summary },
        content: { '@_type': 'html', '#text': item.contentHtml },
      })),
    },
  };
  return xml.build(feed);
}
